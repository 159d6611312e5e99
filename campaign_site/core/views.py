from django.http import Http404, HttpResponsePermanentRedirect

from wagtail.views import serve as wagtail_serve

from .routing import route_for_request


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
