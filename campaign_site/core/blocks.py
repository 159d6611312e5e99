from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Locale

from .translations import live_in_language

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def page_locale_id(parent_context):
    """The language of the page a block is shown on (the active one outside a page)."""
    page = (parent_context or {}).get("page")
    return page.locale_id if page else Locale.get_active().pk


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
        context["featured_pages"] = live_in_language(chosen, page_locale_id(parent_context))
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
            found = live_in_language([value["link_page"].pk], page_locale_id(parent_context))
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


class HomePageBody(blocks.StreamBlock):
    intro = IntroBlock(label=_("Introduction"))
    featured = FeaturedPagesBlock(label=_("Featured pages"))
    call_to_action = CallToActionBlock(label=_("Call to action"))
