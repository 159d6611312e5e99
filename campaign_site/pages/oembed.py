"""oEmbed 1.0 provider (https://oembed.com): partner sites paste a module's (or a story's)
address into any oEmbed consumer and get our embed view in an iframe."""

import re
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.views.decorators.http import require_safe

from campaign_site.pages.routing import route_for_request, site_root_paths

DEFAULT_WIDTH = 640
TITLE_BAR = 48  # the embed view's title line above the 16:9 player
LANGUAGE_PATH = re.compile(r"^/(?P<language>[^/]+)/(?P<rest>.*)$")


def embeddable_page(url, request):
    """The live, public page at ``url`` on this site if it offers an embed view, else None."""
    parts = urlsplit(url)
    sites = site_root_paths(request)
    hosts = {
        request.get_host().split(":")[0],
        *(urlsplit(root.root_url).hostname for root in sites),
    }
    match = LANGUAGE_PATH.match(parts.path)
    languages = {code for code, _name in settings.LANGUAGES}
    if parts.hostname not in hosts or not match or match["language"] not in languages:
        return None
    with translation.override(match["language"]):
        try:
            route = route_for_request(request, match["rest"])
        except Http404:
            return None
    if route is None:
        return None
    page = route.page
    if (
        not getattr(page, "oembed_type", None)
        or not page.live
        or page.get_view_restrictions().exists()
    ):
        return None
    return page


def size(maxwidth, maxheight):
    width = min(DEFAULT_WIDTH, maxwidth or DEFAULT_WIDTH)
    height = round(width * 9 / 16) + TITLE_BAR
    if maxheight and height > maxheight:
        height = maxheight
        width = min(width, round((maxheight - TITLE_BAR) * 16 / 9))
    return max(width, 1), max(height, 1)


def positive(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def discovery_links(page, request):
    """(type, href) of the <link rel="alternate"> tags that let consumers find the provider."""
    endpoint = request.build_absolute_uri("/oembed/")
    url = page.get_full_url(request)
    return [
        ("application/json+oembed", f"{endpoint}?{urlencode({'url': url, 'format': 'json'})}"),
        ("text/xml+oembed", f"{endpoint}?{urlencode({'url': url, 'format': 'xml'})}"),
    ]


@require_safe
def oembed(request):
    response_format = request.GET.get("format", "json")
    if response_format not in ("json", "xml"):
        return HttpResponse(status=501)
    if not request.GET.get("url"):
        return HttpResponseBadRequest("The url parameter is required.")
    page = embeddable_page(request.GET["url"], request)
    if page is None:
        raise Http404("No published module or story at this address.")
    width, height = size(
        positive(request.GET.get("maxwidth")), positive(request.GET.get("maxheight"))
    )
    embed_url = page.get_full_url(request) + "embed/"
    data = {
        "type": "video",
        "version": "1.0",
        "title": page.title,
        "provider_name": page.get_site().site_name or settings.WAGTAIL_SITE_NAME,
        "provider_url": request.build_absolute_uri("/"),
        "cache_age": 86400,
        "width": width,
        "height": height,
        "html": render_to_string(
            "components/oembed_iframe.html",
            {"src": embed_url, "width": width, "height": height, "title": page.title},
        ).strip(),
    }
    poster = page.share_image()
    if poster:
        rendition = poster.get_rendition(f"max-{width}x{height}|format-jpeg")
        data |= {
            "thumbnail_url": request.build_absolute_uri(rendition.url),
            "thumbnail_width": rendition.width,
            "thumbnail_height": rendition.height,
        }
    if response_format == "json":
        return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    return HttpResponse(
        render_to_string("components/oembed.xml", {"data": data}),
        content_type="text/xml; charset=utf-8",
    )
