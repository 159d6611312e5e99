from django.conf import settings
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import HomePageBody, chosen_page_ids
from ..translations import TranslatedPageMixin, live_in_language_by_id, public

SITE_MAP_DEPTH = 3  # sections, their countries, shows and modules, then stories and episodes


class HomePage(TranslatedPageMixin, RoutablePageMixin, Page):
    """The campaign's landing page: one per language, each the root of that language's tree,
    with the language's site map for people (`site-map/`; the XML one is for crawlers) and the
    privacy policy (`privacy/`: what the reach figures count, ``campaign_site.reach``)."""

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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # every page its blocks point at, in this language, in one query for all the blocks
        # (lazily: the site map and privacy routes show no blocks)
        context["chosen_in_language"] = SimpleLazyObject(
            lambda: live_in_language_by_id(chosen_page_ids(self.body), self.locale_id)
        )
        return context

    @path("site-map/")
    def site_map(self, request):
        pages = public(
            Page.objects.live()
            .descendant_of(self)
            .filter(depth__lte=self.depth + SITE_MAP_DEPTH)
            .order_by("path")
            .only("title", "path", "depth", "url_path", "locale_id")
        )
        by_path, tree = {}, []
        for found in pages:
            node = {"page": found, "children": []}
            by_path[found.path] = node
            parent = by_path.get(found.path[: -Page.steplen])
            (parent["children"] if parent else tree).append(node)
        return self.render(
            request,
            template="core/site_map.html",
            context_overrides={"tree": tree, "page_title": _("Site map")},
        )

    @path("privacy/")
    def privacy(self, request):
        return self.render(
            request,
            template="core/privacy.html",
            context_overrides={"retention_days": settings.REACH_RETENTION_DAYS},
        )


class SectionIndexPage(TranslatedPageMixin, Page):
    """Abstract base of the three campaign sections under each home page."""

    intro = models.TextField(blank=True, help_text=_("A short paragraph under the title."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["core.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def teaser_items(self):
        """The section's items (a queryset of stories, episodes or modules) as home page
        teasers show them."""
        raise NotImplementedError

    def latest(self, count):
        """The section's newest live, public items in its language (the home page's teasers)."""
        items = public(self.teaser_items().live()).descendant_of(self)
        return list(items.order_by("-first_published_at", "pk")[:count])
