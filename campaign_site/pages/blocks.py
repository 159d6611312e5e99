from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.utils.functional import SimpleLazyObject, empty
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


class ChosenPage(SimpleLazyObject):
    """A chosen page known by its id, read (as ``model``, the block's page type) only if
    something asks for more than ``pk``."""

    def __init__(self, model, pk):
        super().__init__(lambda: model.objects.filter(pk=pk).first())
        self.__dict__["pk"] = pk  # found before the proxy's __getattr__: no query

    def page(self):
        """The page itself, or None where it was deleted since it was chosen."""
        if self._wrapped is empty:
            self._setup()
        return self._wrapped


class ChosenPageBlock(blocks.PageChooserBlock):
    """Wagtail's page chooser, whose values are read only when used. The home reads every page
    its blocks chose, in its own language, in one query (``HomePage.get_context``); Wagtail's
    block would first read each block type's choices again, in the source language, in a query
    per block type. The admin and wagtail-localize, which use the whole page, still get it."""

    def bulk_to_python(self, values):
        return [None if pk is None else ChosenPage(self.model_class, pk) for pk in values]

    def get_prep_value(self, value):
        return value.pk if type(value) is ChosenPage else super().get_prep_value(value)

    def get_form_state(self, value):
        # a page deleted since it was chosen shows as no choice, as in Wagtail's own block
        return super().get_form_state(value.page() if type(value) is ChosenPage else value)


def page_locale_id(parent_context):
    """The language of the page a block is shown on (the active one outside a page)."""
    page = (parent_context or {}).get("page")
    return page.locale_id if page else Locale.get_active().pk


def chosen_page_ids(stream_value):
    """The ids of the pages chosen anywhere in a StreamField of struct blocks (a page field or
    a list of pages), in order: ids read from storage (``ChosenPage``) or pages an editor's form
    chose (a preview)."""
    ids = []
    for block in stream_value:
        if not isinstance(block.value, blocks.StructValue):
            continue
        for value in block.value.values():
            # type() first: asking a ChosenPage its class (isinstance) would read the page
            items = value if type(value) is blocks.list_block.ListValue else [value]
            ids.extend(
                item.pk for item in items if type(item) is ChosenPage or isinstance(item, Page)
            )
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
        ChosenPageBlock(label=_("Page")), min_num=1, max_num=6, label=_("Pages")
    )

    def get_context(self, value, parent_context=None):
        """The chosen pages in the page's language where translated."""
        context = super().get_context(value, parent_context)
        chosen = [chosen.pk for chosen in value["pages"] if chosen is not None]
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
    link_page = ChosenPageBlock(required=False, label=_("Page"))
    link_url = blocks.URLBlock(required=False, label=_("External link"))

    def get_context(self, value, parent_context=None):
        """The linked page in the page's language where translated."""
        context = super().get_context(value, parent_context)
        if value["link_page"] is not None:
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


class TeaserBlock(blocks.StructBlock):
    """A block showing items with their images. A page whose context has ``teasers`` (the
    home's) read what all its teaser blocks show before the first rendered, and every image's
    renditions in one query (``read_all_teasers``); elsewhere (a preview) a block reads its own."""

    def teaser_key(self, value):
        raise NotImplementedError

    def read_teasers(self, value, parent_context):
        raise NotImplementedError

    def images(self, items):
        raise NotImplementedError

    def teasers(self, value, parent_context):
        read = (parent_context or {}).get("teasers")
        if read is not None:
            return read[self.teaser_key(value)]
        items = self.read_teasers(value, parent_context)
        prefetch_renditions(self.images(items))
        return items


def read_all_teasers(stream_value, parent_context):
    """{teaser key: items} for every teaser block of a StreamField, their images' renditions
    read in one query."""
    read, images = {}, []
    for block in stream_value:
        if isinstance(block.block, TeaserBlock):
            items = block.block.read_teasers(block.value, parent_context)
            read[block.block.teaser_key(block.value)] = items
            images += block.block.images(items)
    prefetch_renditions(images)
    return read


def prefetch_renditions(images):
    # every instance, not one per image: teasers sharing a poster hold copies of it
    unread = [
        image
        for image in images
        if image is not None and "renditions" not in getattr(image, "_prefetched_objects_cache", {})
    ]
    prefetch_related_objects(unread, "renditions")


class FeaturedItemBlock(TeaserBlock):
    """One story, episode or module given the home page's first place, with its poster."""

    heading = blocks.CharBlock(
        max_length=60, label=_("Heading"), help_text=_("Such as “Featured story”.")
    )
    page = ChosenPageBlock(page_type=ITEM_TYPES, label=_("Story, episode or module"))
    button_label = blocks.CharBlock(max_length=40, label=_("Button label"))

    def teaser_key(self, value):
        return ("featured", value["page"].pk if value["page"] is not None else None)

    def read_teasers(self, value, parent_context):
        """The chosen item in the page's language where translated, with what its card shows,
        in one query."""
        found = value["page"] is not None and in_page_language(parent_context, [value["page"].pk])
        if not found or not found[0].specific_class:
            return []
        return [found[0].specific_class.teaser_queryset().get(pk=found[0].pk)]

    def images(self, items):
        return [item.share_image() for item in items]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["item"] = item = next(iter(self.teasers(value, parent_context)), None)
        if item and item.locale_id != page_locale_id(parent_context):
            context["elsewhere"] = ElsewhereItem(item)  # not yet translated: labelled as such
        return context

    class Meta:
        icon = "pick"
        template = "core/blocks/featured_item.html"
        description = _("A story, episode or module shown large, with its poster.")


class LatestBlock(TeaserBlock):
    """The newest items of a section (stories, episodes or modules) in the page's language."""

    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    section = ChosenPageBlock(page_type=SECTION_TYPES, label=_("Section"))
    count = blocks.IntegerBlock(min_value=1, max_value=12, default=3, label=_("How many"))
    link_label = blocks.CharBlock(
        max_length=60, label=_("Link label"), help_text=_("Such as “All stories”.")
    )

    def section_in_language(self, value, parent_context):
        found = value["section"] is not None and in_page_language(
            parent_context, [value["section"].pk]
        )
        # deferred: the section's own fields are not needed to list its items
        return found[0].specific_deferred if found else None

    def teaser_key(self, value):
        section = value["section"]
        return ("latest", section.pk if section is not None else None, value["count"])

    def read_teasers(self, value, parent_context):
        section = self.section_in_language(value, parent_context)
        return section.latest(value["count"]) if section else []

    def images(self, items):
        # stories show their poster; episodes and modules are text
        return [item.video.poster for item in items if getattr(item, "video_id", None)]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["section"] = self.section_in_language(value, parent_context)
        context["items"] = self.teasers(value, parent_context)
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
