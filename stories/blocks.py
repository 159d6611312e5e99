from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from campaign_site.pages.blocks import KeyFactBlock


class StoryBody(blocks.StreamBlock):
    key_fact = KeyFactBlock(label=_("Key fact"))
