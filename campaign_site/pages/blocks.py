from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Locale, Page

from campaign_site.translation.published import ElsewhereItem, live_in_language_by_id

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]

# String references: the sections' apps depend on core, never the other way round.
SECTION_TYPES = [
    "stories.StoriesIndexPage",
    "podcasts.PodcastsIndexPage",
    "training.TrainingIndexPage",
]
ITEM_TYPES = ["stories.StoryPage", "podcasts.EpisodePage", "training.ModulePage"]


def page_locale_id(parent_context):
    """The language of the page a block is shown on (the active one outside a page)."""
    page = (parent_context or {}).get("page")
    return page.locale_id if page else Locale.get_active().pk


def chosen_page_ids(stream_value):
    """The ids of the pages chosen anywhere in a StreamField of struct blocks (a page field or
    a list of pages), in order."""
    ids = []
    for block in stream_value:
        if not isinstance(block.value, blocks.StructValue):
            continue
        for value in block.value.values():
            for item in value if isinstance(value, blocks.list_block.ListValue) else [value]:
                if isinstance(item, Page):
                    ids.append(item.pk)
    return ids


def in_page_language(parent_context, page_ids):
    """The chosen pages in the language of the page showing the block (``live_in_language``),
    from ``chosen_in_language`` when that page resolved all its blocks' choices at once."""
    resolved = (parent_context or {}).get("chosen_in_language")
    if resolved is None:
        resolved = live_in_language_by_id(page_ids, page_locale_id(parent_context))
    return [resolved[pk] for pk in page_ids if pk in resolved]


class IntroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    text = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, label=_("Text"))

    class Meta:
        icon = "title"
        template = "core/blocks/intro.html"
        description = _("The campaign's opening words.")
        preview_value = {
            "heading": "Coming home",
            "text": "<p>Stories of return and reintegration, told by those who lived them.</p>",
        }


class FeaturedPagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(label=_("Page")), min_num=1, max_num=6, label=_("Pages")
    )

    def get_context(self, value, parent_context=None):
        """The chosen pages in the page's language where translated."""
        context = super().get_context(value, parent_context)
        chosen = [chosen.pk for chosen in value["pages"] if chosen]
        context["featured_pages"] = in_page_language(parent_context, chosen)
        return context

    class Meta:
        icon = "pick"
        template = "core/blocks/featured_pages.html"
        description = _("Highlight stories, episodes or training modules.")


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    button_label = blocks.CharBlock(max_length=40, label=_("Button label"))
    link_page = blocks.PageChooserBlock(required=False, label=_("Page"))
    link_url = blocks.URLBlock(required=False, label=_("External link"))

    def get_context(self, value, parent_context=None):
        """The linked page in the page's language where translated."""
        context = super().get_context(value, parent_context)
        if value["link_page"]:
            found = in_page_language(parent_context, [value["link_page"].pk])
            context["link_page"] = found[0] if found else None
        return context

    class Meta:
        icon = "link"
        template = "core/blocks/call_to_action.html"
        description = _("A prominent link to where visitors should go next.")
        preview_value = {
            "heading": "Listen to the podcast",
            "button_label": "Subscribe",
            "link_url": "https://example.org/",
        }

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("link_page")) == bool(value.get("link_url")):
            message = _("Choose either a page or an external link.")
            raise StructBlockValidationError(
                block_errors={
                    "link_page": ValidationError(message),
                    "link_url": ValidationError(message),
                }
            )
        return value


class KeyFactBlock(blocks.StructBlock):
    """A fact with the source that backs it: the campaign is fact-based (stories, home page)."""

    statement = blocks.TextBlock(label=_("Statement"))
    source_title = blocks.CharBlock(max_length=200, label=_("Source"))
    source_url = blocks.URLBlock(required=False, label=_("Source link"))
    source_date = blocks.DateBlock(required=False, label=_("Source date"))

    class Meta:
        icon = "openquote"
        template = "core/blocks/key_fact.html"
        description = _("A fact, with its cited source.")
        preview_value = {
            "statement": "Most returnees who receive job counselling find work within a year.",
            "source_title": "Reintegration survey 2025",
        }


class FeaturedItemBlock(blocks.StructBlock):
    """One story, episode or module given the home page's first place, with its poster."""

    heading = blocks.CharBlock(
        max_length=60, label=_("Heading"), help_text=_("Such as “Featured story”.")
    )
    page = blocks.PageChooserBlock(page_type=ITEM_TYPES, label=_("Story, episode or module"))
    button_label = blocks.CharBlock(max_length=40, label=_("Button label"))

    def get_context(self, value, parent_context=None):
        """The chosen item in the page's language where translated."""
        context = super().get_context(value, parent_context)
        found = value["page"] and in_page_language(parent_context, [value["page"].pk])
        item = None
        if found and found[0].specific_class:  # with what its card shows, in one query
            item = found[0].specific_class.teaser_queryset().get(pk=found[0].pk)
        context["item"] = item
        if item and item.locale_id != page_locale_id(parent_context):
            context["elsewhere"] = ElsewhereItem(item)  # not yet translated: labelled as such
        return context

    class Meta:
        icon = "pick"
        template = "core/blocks/featured_item.html"
        description = _("A story, episode or module shown large, with its poster.")


class LatestBlock(blocks.StructBlock):
    """The newest items of a section (stories, episodes or modules) in the page's language."""

    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    section = blocks.PageChooserBlock(page_type=SECTION_TYPES, label=_("Section"))
    count = blocks.IntegerBlock(min_value=1, max_value=12, default=3, label=_("How many"))
    link_label = blocks.CharBlock(
        max_length=60, label=_("Link label"), help_text=_("Such as “All stories”.")
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        found = value["section"] and in_page_language(parent_context, [value["section"].pk])
        # deferred: the section's own fields are not needed to list its items
        context["section"] = section = found[0].specific_deferred if found else None
        context["items"] = section.latest(value["count"]) if section else []
        return context

    class Meta:
        icon = "list-ul"
        template = "core/blocks/latest.html"
        description = _("The newest stories, episodes or modules of a section.")


class HomePageBody(blocks.StreamBlock):
    intro = IntroBlock(label=_("Introduction"))
    featured = FeaturedPagesBlock(label=_("Featured pages"))
    call_to_action = CallToActionBlock(label=_("Call to action"))
    featured_item = FeaturedItemBlock(label=_("Featured story, episode or module"))
    latest = LatestBlock(label=_("Latest from a section"))
    key_fact = KeyFactBlock(label=_("Key fact"))
