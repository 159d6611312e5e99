from django.http import Http404, HttpResponseNotFound, HttpResponsePermanentRedirect
from django.template.loader import render_to_string
from django.utils.translation import get_language

from wagtail.models import Page
from wagtail.views import serve as wagtail_serve

from campaign_site.languages import CAMPAIGN_LANGUAGES
from campaign_site.pages.routing import find_site, route_for_request, site_root_paths
from campaign_site.translation.published import live_translations, public, translation_links


def serve_page(request, path):
    """Wagtail's page view, routed in one query: Wagtail's view takes the route from
    ``request._wagtail_route_for_request``, the attribute ``Page.route_for_request`` caches
    it in."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            request._wagtail_route_for_request = route_for_request(request, path)
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_serve(request, path)


def serve_page_file(request, path):
    """Wagtail routes only paths ending in "/": a page's files (feed.xml, chapters.json, ...)
    are its routable subpages "feed.xml/", served here at their proper names."""
    return serve_page(request, path + "/")


def page_file_without_slash(request, path):
    """feed.xml/ (as some apps and people type it) is the file itself: a permanent redirect."""
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(request.path.rstrip("/") + (f"?{query}" if query else ""))


def page_not_found(request, exception):
    """404, with the languages in which the page asked for exists (a link shared in French
    to a story not yet translated into French still leads somewhere)."""
    context = {"request_path": request.path, "elsewhere": same_page_elsewhere(request)}
    return HttpResponseNotFound(render_to_string("404.html", context, request))


def same_page_elsewhere(request):
    """Links to the live, public translations of the page at this path in another language."""
    segments = request.path.lstrip("/").split("/", 1)
    site = find_site(request)
    if site is None or len(segments) < 2 or segments[0] not in CAMPAIGN_LANGUAGES:
        return []
    language, rest = segments
    roots = [
        root.root_path + rest
        for root in site_root_paths(request)
        if root.site_id == site.pk and root.language_code != language
    ]
    found = public(Page.objects.live().filter(url_path__in=roots)).first()
    if found is None:
        return []
    translations = live_translations([found])[found.translation_key]
    return [
        link
        for link in translation_links(translations, request=request)
        if link.language_code != get_language()
    ]
