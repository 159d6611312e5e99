from wagtail.views import serve as wagtail_serve


def serve_page_file(request, path):
    """Wagtail routes only paths ending in "/": a page's files (feed.xml, chapters.json, ...)
    are its routable subpages "feed.xml/", served here at their proper names."""
    return wagtail_serve(request, path + "/")
