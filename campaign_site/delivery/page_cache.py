"""The anonymous page cache and its exact purge.

Public pages, feeds, chapters, the sitemap and oEmbed answers are kept in the shared cache
(Redis, or a file cache on one machine: never one process's memory), so every web worker, the
task worker and cron see the same entries and the same purges.

- ``PageCacheMiddleware`` (first in MIDDLEWARE) answers anonymous GET and HEAD requests from the
  cache before any other middleware runs, and stores the finished responses (compressed, with
  every security header) of anonymous requests. Logged-in editors, previews, responses that set
  a cookie or say private are never stored. The key covers the path, the query string, the
  encoding the client accepts and Save-Data.
- What it stores it also tells the caches in front (Varnish, a CDN: ``deploy/varnish``):
  ``Cache-Control: public, max-age=<browsers>, s-maxage=<PAGE_CACHE_SECONDS>`` and a ``Vary``
  naming every request header the key covers, so they keep the same variants and drop them on
  the same purges.
- Each path has a stamp in the cache. A purge moves the stamp forward (at least a second past
  the last one), which retires every stored variant of that path at once and becomes the
  path's Last-Modified: it only ever moves forward, even when a page is withdrawn.
- ``purge_pages`` builds the list of what a change affects with Wagtail's ``PurgeBatch``,
  purges the site's own cache at once, and hands the same list to Wagtail's frontend cache
  (WAGTAILFRONTENDCACHE: a CDN or Varnish in front), which sends it from the task worker.
"""

import hashlib
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

from campaign_site.delivery import front_caches
from campaign_site.delivery.compression import chosen_encoding
from campaign_site.delivery.middleware import preferred_languages

STORED_STATUS = (200,)
BYPASS_PREFIXES = (
    "/admin/",
    "/static/",
    "/media/",
    "/documents/",
    "/api/",
    "/share/",
    "/django-admin/",
    "/healthz/",
)


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


GENERATION_KEY = "page-generation"
CONDITIONAL_HEADERS = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)


def stamp_key(path):
    return "page-stamp:" + hashlib.md5(path.encode(), usedforsecurity=False).hexdigest()


def variant_key(request):
    parts = [
        request.path,
        request.META.get("QUERY_STRING", ""),
        chosen_encoding(request),
        # META, not request.headers: that builds every header's name anew on each hit.
        "save-data" if request.META.get("HTTP_SAVE_DATA", "").lower() == "on" else "",
    ]
    return "page:" + hashlib.md5("\n".join(parts).encode(), usedforsecurity=False).hexdigest()


BY_VISITOR_LANGUAGE = "by-visitor-language"  # stored in place of a response: look further


def visitor_language_key(key, request):
    return f"{key}|{','.join(preferred_languages(request))}"


def is_candidate(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(BYPASS_PREFIXES)
        and request.path != "/"  # redirects by Accept-Language
    )


def current_stamp(path, *also):
    """The path's stamp (set now if it has none), the cache's generation and the entries named
    in ``also``, in one read."""
    cache = page_cache()
    found = cache.get_many([stamp_key(path), GENERATION_KEY, *also])
    stamp = found.get(stamp_key(path))
    if stamp is None:
        now = int(time.time())
        cache.add(stamp_key(path), now, None)
        stamp = cache.get(stamp_key(path)) or now  # or a cache that keeps nothing (dummy)
    return stamp, found.get(GENERATION_KEY, 0), *(found.get(key) for key in also)


def purge_everything():
    """For changes that show on many pages at once (a country's or a theme's name)."""
    cache = page_cache()
    cache.set(GENERATION_KEY, (cache.get(GENERATION_KEY) or 0) + 1, None)
    if settings.WAGTAILFRONTENDCACHE:
        front_caches.ban.enqueue("/")


def purge_path(path):
    cache = page_cache()
    previous = cache.get(stamp_key(path)) or 0
    cache.set(stamp_key(path), max(int(time.time()), previous + 1), None)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_candidate(request):
            return self.get_response(request)
        # One read of the shared cache (one round trip to Redis): the entry is the answer if it
        # was stored under the path's current stamp and the cache's current generation.
        key = base_key = variant_key(request)
        stamp, generation, stored = current_stamp(request.path, key)
        fresh = stored is not None and stored[:2] == (stamp, generation)
        if fresh and stored[2] == BY_VISITOR_LANGUAGE:
            # a listing that shows untranslated items in the visitor's languages: one entry per
            # Accept-Language preference, read with a second round trip
            key = visitor_language_key(base_key, request)
            stored = page_cache().get(key)
            fresh = stored is not None and stored[:2] == (stamp, generation)
        if fresh:
            return self.replay(request, stored[2])
        response = self.get_response(request)
        if self.can_store(request, response):
            entries = {}
            self.announce(response)
            if getattr(response, "varies_by_visitor_language", False):
                entries[base_key] = (stamp, generation, BY_VISITOR_LANGUAGE)
                key = visitor_language_key(base_key, request)
            entries[key] = (stamp, generation, self.record(response, stamp))
            page_cache().set_many(entries, settings.PAGE_CACHE_SECONDS)
            response["X-Cache"] = "MISS"
        return response

    @staticmethod
    def can_store(request, response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code in STORED_STATUS
            and not response.streaming
            and not response.cookies
            and "private" not in cache_control
            and "no-store" not in cache_control
            and not getattr(request, "is_preview", False)
            and not (hasattr(request, "user") and request.user.is_authenticated)
        )

    @staticmethod
    def announce(response):
        """Shared caches keep it as long as this cache does (both are purged on every change);
        browsers ask again after a minute, and are answered 304 when nothing changed."""
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_BROWSER_SECONDS,
            s_maxage=settings.PAGE_CACHE_SECONDS,
        )
        vary = ["Accept-Encoding", "Save-Data"]
        if getattr(response, "varies_by_visitor_language", False):
            vary.append("Accept-Language")
        patch_vary_headers(response, vary)

    @staticmethod
    def record(response, stamp):
        if not response.has_header("ETag"):
            digest = hashlib.sha256(response.content).hexdigest()[:32]
            response["ETag"] = f'"{digest}"'
        response["Last-Modified"] = http_date(stamp)
        # A plain copy: it pickles whole, and unpickles with its headers as they were checked
        # here (setting each header again on every hit cost a third of a hit's time).
        stored = HttpResponse(response.content, status=response.status_code)
        for name, value in response.items():
            stored[name] = value
        stored.counted = getattr(response, "counted", None)  # what a hit counts as (reach)
        return stored

    @staticmethod
    def replay(request, response):
        """The stored response: every read of a Django cache unpickles a new object."""
        content = response.content
        response["X-Cache"] = "HIT"
        if any(header in request.META for header in CONDITIONAL_HEADERS):
            conditional = get_conditional_response(
                request,
                etag=response.get("ETag"),
                last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
                response=response,
            )
            if conditional is not response:
                return conditional
        if request.method == "HEAD":
            response.content = b""
            response["Content-Length"] = str(len(content))
        return response


# Homes (depth 2) and their sections (depth 3) are in the header of every page.
MAIN_MENU_DEPTH = 3


def purge_pages(pages, extra_paths=()):
    """Purge these pages in every language, with their listings in every language (every
    ancestor up to each language's home, and its translations: an empty section links to the
    languages where it has content), the sitemap and the oEmbed answers, through Wagtail's
    frontend cache; everything when one of them is in the main menu."""
    if any(page.depth <= MAIN_MENU_DEPTH for page in pages):
        purge_everything()
    batch = PurgeBatch()
    keys = {page.translation_key for page in pages}
    translations = list(Page.objects.filter(translation_key__in=keys).specific(defer=True))
    listings, read = set(), set()
    for page in [*pages, *translations]:
        batch.add_page(page)  # a page before its move or slug change too: its old address
        if page.pk not in read:  # a page is among its own translations: its ancestors once
            read.add(page.pk)
            ancestors = Page.objects.ancestor_of(page).filter(depth__gt=1)
            listings.update(ancestors.values_list("translation_key", flat=True))
    batch.add_pages(Page.objects.filter(translation_key__in=listings).specific(defer=True))
    batch.add_urls(settings.WAGTAILADMIN_BASE_URL + path for path in ("/sitemap.xml", "/oembed/"))
    batch.add_urls(settings.WAGTAILADMIN_BASE_URL + path for path in extra_paths)
    for url in batch.urls:  # the site's own cache: now, in this process
        purge_path(urlsplit(url).path or "/")
    if settings.WAGTAILFRONTENDCACHE:  # a CDN or Varnish: Wagtail sends it through a task
        batch.purge()
