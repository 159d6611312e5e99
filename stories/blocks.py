from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class KeyFactBlock(blocks.StructBlock):
    """A fact stated in the story, with the source that backs it: the campaign is fact-based."""

    statement = blocks.TextBlock(label=_("Statement"))
    source_title = blocks.CharBlock(max_length=200, label=_("Source"))
    source_url = blocks.URLBlock(required=False, label=_("Source link"))
    source_date = blocks.DateBlock(required=False, label=_("Source date"))

    class Meta:
        icon = "openquote"
        template = "stories/blocks/key_fact.html"
        description = _("A fact, with its cited source.")
        preview_value = {
            "statement": "Most returnees who receive job counselling find work within a year.",
            "source_title": "Reintegration survey 2025",
        }


class StoryBody(blocks.StreamBlock):
    key_fact = KeyFactBlock(label=_("Key fact"))
