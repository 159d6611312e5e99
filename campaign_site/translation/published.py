"""Which translations of a page are published, and their links (switcher, hreflang, sitemap).

``Page.localized`` silently falls back to the source page when a translation is missing, so it
cannot tell whether a language should be offered: these helpers only list live translations.
"""

from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, PageViewRestriction
from wagtail_localize.fields import SynchronizedField

from campaign_site.delivery.framing import allow_framing_by_the_admin
from campaign_site.delivery.middleware import preferred_languages
from campaign_site.delivery.responses import count_as
from campaign_site.languages import CAMPAIGN_LANGUAGES, DEFAULT_LANGUAGE, endonym, is_rtl

ASCII_SLUG_MESSAGE = _(
    "Use only Latin letters, numbers, hyphens and underscores, so that the address stays "
    "readable when shared by SMS or WhatsApp."
)
LANGUAGE_ORDER = {code: position for position, code in enumerate(CAMPAIGN_LANGUAGES)}


@dataclass(frozen=True)
class TranslationLink:
    language_code: str
    endonym: str
    url: str  # absolute, for hreflang and the sitemap
    path: str  # for links within the site
    is_current: bool


def public(pages):
    """Wagtail's ``PageQuerySet.public()`` (nothing at or below a page with a view restriction)
    as part of the listing's own query; Wagtail reads every restriction in a query of its own
    first."""
    restricted = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    return pages.exclude(Exists(restricted))


def live_translations(pages):
    """Live, public pages sharing a translation key with the given pages, grouped by that key."""
    keys = {page.translation_key for page in pages}
    grouped = {key: [] for key in keys}
    # public only: a translation behind a view restriction is not offered to the public
    translations = public(Page.objects.live().filter(translation_key__in=keys))
    for page in translations.select_related("locale"):
        grouped[page.translation_key].append(page)
    return grouped


def live_in_language_by_id(page_ids, locale_id):
    """{chosen id: page} for the pages with these ids, each as its live translation in the
    locale where there is one, else as itself if live, in one query (editors choose pages in
    the source language and wagtail-localize keeps that choice in every translation). Pages
    deleted or not live are left out."""
    keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
    found = list(
        Page.objects.filter(Q(pk__in=page_ids) | Q(translation_key__in=keys, locale_id=locale_id))
    )
    translated = {page.translation_key: page for page in found if page.locale_id == locale_id}
    chosen = {page.pk: page for page in found if page.pk in page_ids}
    shown = {pk: translated.get(page.translation_key, page) for pk, page in chosen.items()}
    return {pk: page for pk, page in shown.items() if page.live}


def live_in_language(page_ids, locale_id):
    """The same as a list, in the order of ``page_ids``."""
    found = live_in_language_by_id(page_ids, locale_id)
    return [found[pk] for pk in page_ids if pk in found]


def translation_links(translations, current=None, request=None):
    """Full-URL links to each translation, in the switcher's language order."""
    links = []
    for page in translations:
        url_parts = page.get_url_parts(request)
        if url_parts is None:  # not routable from any site
            continue
        _site_id, root_url, path = url_parts
        links.append(
            TranslationLink(
                language_code=page.locale.language_code,
                endonym=endonym(page.locale.language_code),
                url=root_url + path,
                path=path,
                is_current=current is not None and page.pk == current.pk,
            )
        )
    return sorted(
        links,
        key=lambda link: LANGUAGE_ORDER.get(link.language_code, len(LANGUAGE_ORDER)),
    )


def x_default(links):
    """The link for visitors whose language we do not publish in: the default language's."""
    return next((link for link in links if link.language_code == DEFAULT_LANGUAGE), None)


UNTRANSLATED_ITEMS = 12  # at most, after a listing's own items


def unfiltered(request):
    """A listing shows untranslated items after its own only when no filter narrows it."""
    return not any(value for name, value in request.GET.items() if name != "page")


@dataclass(frozen=True)
class ElsewhereItem:
    """A page listed in another language than the listing's, labelled with it."""

    page: Page

    @property
    def language_code(self):
        return self.page.locale.language_code

    @property
    def endonym(self):
        return endonym(self.language_code)

    @property
    def direction(self):
        return "rtl" if is_rtl(self.language_code) else "ltr"


class TranslatedPageMixin:
    """Shared page behaviour: published translations in the context, alternates in the sitemap.

    A plain mixin rather than Wagtail's custom base page model, which wagtail-localize does not
    support.
    """

    # The slug is the source's in every language (ASCII, readable in a shared link): it is
    # never a string to translate, so it never makes a finished translation look unfinished.
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]
    og_type = "website"
    # A listing that also shows, after its own items, those not yet translated into its language
    # in the visitor's next best one: its response depends on Accept-Language (page cache).
    lists_untranslated = False

    def share_image(self):
        """The page's image wherever it is shared: link previews (Open Graph, Twitter; the
        campaign's own image when the page has none) and oEmbed thumbnails."""
        return None

    @classmethod
    def teaser_queryset(cls):
        """The items loaded with what a teaser of them shows (home page blocks)."""
        return cls.objects.all()

    def clean(self):
        super().clean()
        # The admin form checks this too; translations made through wagtail-localize do not
        # pass through that form.
        if not settings.WAGTAIL_ALLOW_UNICODE_SLUGS:
            try:
                validate_slug(self.slug)
            except ValidationError:
                raise ValidationError({"slug": ASCII_SLUG_MESSAGE}) from None

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # An HTML page is a page view, unless its route said what else it is (embed/); feeds
        # and files are not views.
        if not hasattr(response, "counted") and response.get("Content-Type", "").startswith(
            "text/html"
        ):
            count_as(response, "view", self)
        if self.lists_untranslated:
            response.varies_by_visitor_language = True
        return response

    def untranslated(self, page_type, request, limit=UNTRANSLATED_ITEMS):
        """Live, public ``page_type`` pages under this page's translations with no live
        translation in this page's language, each in the visitor's next best language
        (Accept-Language, then the default language), newest first: what a listing shows after
        its own items, so that a language without translations yet is never an empty page."""
        own = self.locale.language_code
        order = [
            code
            for code in dict.fromkeys([*preferred_languages(request), DEFAULT_LANGUAGE])
            if code != own
        ]
        others = [page for page in self.live_translations if page.locale.language_code in order]
        if not others:
            return []
        under = Q()
        for page in others:
            under |= Q(path__startswith=page.path, depth__gt=page.depth)
        translated = page_type.objects.live().filter(locale_id=self.locale_id)
        candidates = (
            public(page_type.objects.live())
            .filter(under)
            .exclude(translation_key__in=translated.values("translation_key"))
            .select_related("locale")
        )
        best = {}
        for page in candidates:
            rank = order.index(page.locale.language_code)
            if page.translation_key not in best or rank < best[page.translation_key][0]:
                best[page.translation_key] = (rank, page)
        pages = sorted(
            (page for _rank, page in best.values()),
            key=lambda page: (page.first_published_at is not None, page.first_published_at),
            reverse=True,
        )
        return [ElsewhereItem(page) for page in pages[:limit]]

    def serve_preview(self, request, mode_name):
        return allow_framing_by_the_admin(super().serve_preview(request, mode_name))

    def get_cached_paths(self):
        """What the page cache holds for this page (Wagtail's frontend cache asks this): the page
        and each route of a routable page; files such as feed.xml are served without a slash."""
        paths = ["/"]
        for pattern in getattr(self, "get_subpage_urls", list)():
            route = str(pattern.pattern)
            if route:
                paths.append(route.rstrip("/") if "." in route else route)
        return paths

    @classmethod
    def serving_queryset(cls):
        """How routing reads the page it serves (routing.py): subclasses add what their
        template shows."""
        return cls.objects.select_related("locale").annotate(
            # most sites restrict no page at all: then no page needs its restrictions read
            any_view_restriction=Exists(PageViewRestriction.objects.all())
        )

    def translations_listing(self, page_type, request=None):
        """Links to this page's live, public translations under which ``page_type`` pages are
        live and public: where to send a visitor from a listing empty in their language."""
        others = [page for page in self.live_translations if page != self]
        if not others:
            return []
        under = Q()
        for page in others:
            under |= Q(path__startswith=page.path, depth__gt=page.depth)
        paths = public(page_type.objects.live()).filter(under).values_list("path", flat=True)
        prefixes = {path[: page.depth * page.steplen] for path in paths for page in others}
        return translation_links(
            [page for page in others if page.path in prefixes], request=request
        )

    @property
    def meta_description(self):
        """What search results and link previews show: the editor's search description, else
        the page's own short text (a story's, episode's or module's summary, a show's
        description, a section's intro, the home's tagline)."""
        own = ("summary", "description", "intro", "tagline")
        return self.search_description or next(
            (text for name in own if (text := getattr(self, name, ""))), ""
        )

    def get_view_restrictions(self):
        """Wagtail's rule (the restrictions of the page and its ancestors, an alias taking its
        source's) in one query rather than two: the ancestors' tree paths are prefixes of the
        page's own. None to read when the site restricts no page (``serving_queryset``)."""
        if getattr(self, "any_view_restriction", True) is False:
            return PageViewRestriction.objects.none()
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        pages = Page.objects.filter(path__in=paths)
        return PageViewRestriction.objects.filter(
            Q(page__in=pages.filter(alias_of__isnull=True))
            | Q(page__in=pages.filter(alias_of__isnull=False).values("alias_of"))
        )

    @cached_property
    def live_translations(self):
        """This page's live, public translations (itself included when live), read once."""
        return live_translations([self])[self.translation_key]

    def get_translation_links(self, request=None):
        translations = list(self.live_translations)
        if not any(page.pk == self.pk for page in translations):
            # A draft preview still shows its own language first.
            translations.append(self)
        return translation_links(translations, current=self, request=request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        links = self.get_translation_links(request)
        context["translations"] = links
        context["x_default"] = x_default(links)
        return context
