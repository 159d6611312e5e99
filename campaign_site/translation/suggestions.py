"""A source text that changed keeps, in each language, the translation its place had, as a
suggestion for the translator.

wagtail-localize keys a translation to the exact source string: after "Sync translated pages",
a sentence with one word changed shows up empty in the translation editor and the translator
starts again. Here, when a sync brings a new string to a place (a context: the same field or
block of the same page) that had a translation, that translation is copied to the new string,
marked as not confirmed: the editor says "Translated with the previous translation (the source
changed)", and the translator corrects it. Nothing is published by this: a translation goes
live only when it is submitted and approved.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from wagtail_localize.models import StringSegment, StringTranslation

# wagtail-localize shows this name in its editor: "Translated with <tool_name> on <date>".
SUGGESTION = _("the previous translation (the source changed)")


@receiver(post_save, sender=StringSegment)
def suggest_the_previous_translation(sender, instance, created, raw=False, **kwargs):
    if raw:  # loaddata (manage.py restore): nothing to react to
        return
    if not created:
        return
    translated = StringTranslation.objects.filter(
        translation_of=instance.string, context=instance.context
    ).values("locale")
    earlier = (
        StringTranslation.objects.filter(context=instance.context)
        .exclude(translation_of=instance.string)
        .exclude(locale__in=translated)
        .exclude(data="")
        .order_by("locale", "-updated_at")
    )
    suggested = set()
    for previous in earlier:
        if previous.locale_id in suggested:
            continue  # the newest translation of this place in that language
        suggested.add(previous.locale_id)
        StringTranslation.objects.create(
            translation_of=instance.string,
            locale_id=previous.locale_id,
            context=instance.context,
            data=previous.data,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
            tool_name=str(SUGGESTION),
        )
