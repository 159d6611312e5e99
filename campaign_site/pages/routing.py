"""Wagtail's page routing, with the pages of a path read in one query.

Wagtail resolves ``/en/stories/senegal/a-story/`` one segment at a time: for each segment a query
for the child with that slug and another for its specific page (nine queries for a story, before
any content). Here the language's home comes from Wagtail's cached site root paths, every page
on the path is read in one query by its ``url_path`` (the path Wagtail keeps from the slugs and
builds every page URL from), and only the page that answers is read as its specific type.

A page whose class routes on its own keeps doing so where Wagtail would hand it the rest of the
path: a routable page whose routes match (``feed.xml``, ``embed/``), or any custom ``route``.
Everything after routing (view restrictions, ``before_serve_page`` hooks, ``serve``) is Wagtail's
own view (``views.serve_page``).
"""

from copy import copy

from django.core.cache import cache
from django.http import Http404
from django.utils.translation import get_language

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

SITES_KEY = "campaign-sites"
SITES_SECONDS = 60 * 60  # as Wagtail's site root paths; a save or delete empties it at once


def find_site(request):
    """``Site.find_for_request`` with its answer kept per host in the shared cache, as Wagtail
    keeps its site root paths: every process sees the same, and saving or deleting a Site empties
    it (``signals.py``). What is kept is the Site row alone, never a copy of its root page."""
    if hasattr(request, "_wagtail_site"):  # Wagtail's own per-request memo
        return request._wagtail_site
    host = f"{request.get_host()}|{request.get_port()}"
    known = cache.get(SITES_KEY) or {}
    if host in known:
        request._wagtail_site = known[host]
    else:
        site = Site.find_for_request(request)
        if site is not None:
            site = copy(site)
            site._state.fields_cache = {}
        cache.set(SITES_KEY, {**known, host: site}, SITES_SECONDS)
    return request._wagtail_site


def forget_sites():
    cache.delete(SITES_KEY)


def route_for_request(request, path):
    site = find_site(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    root_path = localized_root_path(site, request)
    prefixes = [
        root_path + "".join(f"{c}/" for c in components[:n]) for n in range(len(components) + 1)
    ]
    # The slugs let the database use their index; url_path alone has none.
    named = Page.objects.filter(url_path__in=prefixes, slug__in={slug_of(root_path), *components})
    by_path = {page.url_path: page for page in named}
    chain = []
    for prefix in prefixes:
        if prefix not in by_path:
            break
        chain.append(by_path[prefix])
    if not chain:
        return None
    request.campaign_home = chain[0] if chain[0].live else None
    for parent, child in zip(chain, chain[1:], strict=False):
        child._cached_parent_obj = parent  # as Page.route does: get_parent() reads no more
    for depth, page in enumerate(chain):
        remaining = components[depth:]
        if depth == len(chain) - 1 or routes_on_its_own(page, remaining):
            return specific(page).route(request, remaining)


def routes_on_its_own(page, remaining):
    """Whether Wagtail would let this page answer for the rest of the path rather than pass
    it to the child named next."""
    cls = page.specific_class
    if cls is None or cls.route is Page.route:
        return False
    if cls.route is not RoutablePageMixin.route:
        return True
    if not page.live:  # as RoutablePageMixin.route
        return False
    try:
        cls.get_resolver().resolve("/" + "".join(f"{c}/" for c in remaining))
    except Http404:
        return False
    return True


def specific(page):
    """The page as its own type, read with what it shows alongside it (its class's
    ``serving_queryset``)."""
    cls = page.specific_class
    if cls is None:
        return page
    pages = cls.serving_queryset() if hasattr(cls, "serving_queryset") else cls.objects.all()
    found = pages.filter(pk=page.pk).first()
    if found is None:  # deleted since the path was read
        raise Http404
    if hasattr(page, "_cached_parent_obj"):
        found._cached_parent_obj = page._cached_parent_obj
    return found


def localized_home(request):
    """The home page in the request's language, live; the one routing read where it did."""
    if not hasattr(request, "campaign_home"):
        site = find_site(request)
        request.campaign_home = (
            Page.objects.live().filter(url_path=root_path, slug=slug_of(root_path)).first()
            if site and (root_path := localized_root_path(site, request))
            else None
        )
    return request.campaign_home


def localized_root_path(site, request):
    """The url_path of the site's home in the active language; the site's own home otherwise,
    as ``Page.localized`` falls back."""
    try:
        language = get_supported_content_language_variant(get_language())
    except LookupError:
        return site.root_page.url_path
    for root in site_root_paths(request):
        if root.site_id == site.pk and root.language_code == language:
            return root.root_path
    return site.root_page.url_path


def site_root_paths(request):
    """Wagtail's site root paths, read once per request: kept where Wagtail's page URLs look
    for them (``Page._get_site_root_paths``)."""
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
    return request._wagtail_cached_site_root_paths


def slug_of(url_path):
    return url_path.rstrip("/").rsplit("/", 1)[-1]
