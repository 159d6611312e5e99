from babel import Locale as BabelLocale

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaign_site.languages import babel_locale
from campaign_site.pages.blocks import HomePageBody, chosen_page_ids, read_all_teasers
from campaign_site.translation.published import TranslatedPageMixin, live_in_language_by_id, public

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
        # what the featured item and latest blocks show, their posters' renditions at once
        context["teasers"] = SimpleLazyObject(lambda: read_all_teasers(self.body, context))
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


class Country(TranslatableMixin, index.Indexed, models.Model):
    """A campaign country, in every language. Its name defaults to CLDR's name for it."""

    iso_code = models.CharField(
        _("ISO 3166 code"), max_length=2, help_text=_("Two letters, for example BD, SN, SV.")
    )
    name = models.CharField(
        _("name"),
        max_length=100,
        blank=True,
        help_text=_("Leave blank for the standard name in this language."),
    )

    search_fields = [index.SearchField("name"), index.FilterField("iso_code")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("iso_code")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["iso_code"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if self.name:
            return self.name
        language = self.locale.language_code if self.locale_id else get_language()
        return babel_locale(language).territories.get(self.iso_code.upper(), self.iso_code.upper())

    def clean(self):
        super().clean()
        self.iso_code = self.iso_code.upper()
        if self.iso_code not in BabelLocale("en").territories:
            raise ValidationError(
                {
                    "iso_code": _("“%(code)s” is not an ISO 3166 country code.")
                    % {"code": self.iso_code}
                }
            )


class Theme(TranslatableMixin, index.Indexed, models.Model):
    """A campaign theme (e.g. "Jobs and skills"), translated like a page."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("Shared by every translation; used in filters.")
    )

    search_fields = [index.SearchField("name")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    def __str__(self):
        return self.name
