from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from wagtail.images import get_image_model
from wagtail.models import Page

from campaign_site.media.models import CampaignMedia
from campaign_site.media.serving import withdrawn, withheld

from . import consent, notifications
from .models import ConsentRecord, CountryPage
from .teams import grant_to_existing_team


@receiver(pre_save)
def refuse_to_publish_without_consent(sender, instance, update_fields=None, raw=False, **kwargs):
    """A full save of a live page is how every publish path (admin, workflow, schedule,
    translation sync) makes it live; Page.save runs it in a transaction."""
    if raw:  # loaddata (manage.py restore): nothing to react to
        return
    if isinstance(instance, Page) and instance.live and update_fields is None:
        consent.refuse_if_withheld(instance)


@receiver(post_save, sender=ConsentRecord)
def take_offline_what_a_lapsed_consent_covers(sender, instance, raw=False, **kwargs):
    """Withdrawal takes effect in the same request: pages, packages and files."""
    if raw:  # loaddata (manage.py restore): nothing to react to
        return
    if ConsentRecord.objects.filter(pk=instance.pk).lapsed().exists():
        instance.taken_offline = consent.take_offline([instance.story.translation_key])
    else:  # renewed, or a new record: the video shows again where it is reused
        consent.mark_withdrawn_media()


@receiver(post_save, sender=CountryPage)
def give_new_translations_to_the_country_team(sender, instance, created, raw=False, **kwargs):
    if raw:  # loaddata (manage.py restore): nothing to react to
        return
    if created:
        grant_to_existing_team(instance)


@receiver(withheld, sender=CampaignMedia)
def withhold_a_video_whose_consent_lapsed(sender, pk, **kwargs):
    return consent.is_withheld(pk)


@receiver(withheld, sender=get_image_model())
def withhold_the_poster_of_such_a_video(sender, pk, **kwargs):
    return consent.is_withheld_poster(pk)


@receiver(withdrawn)
def tell_editors_of_pages_that_lost_a_video(sender, media_ids, pages, **kwargs):
    notifications.tell_editors_a_video_went(CampaignMedia.objects.filter(pk__in=media_ids), pages)
