from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import HomePageBody
from ..translations import TranslatedPageMixin


class HomePage(TranslatedPageMixin, Page):
    """The campaign's landing page: one per language, each the root of that language's tree."""

    tagline = models.CharField(
        max_length=200, blank=True, help_text=_("One line under the campaign's name.")
    )
    body = StreamField(HomePageBody(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("tagline"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("tagline"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "stories.StoriesIndexPage",
        "podcasts.PodcastsIndexPage",
        "training.TrainingIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")


class SectionIndexPage(TranslatedPageMixin, Page):
    """Abstract base of the three campaign sections under each home page."""

    intro = models.TextField(blank=True, help_text=_("A short paragraph under the title."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["core.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True
