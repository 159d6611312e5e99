"""Counting on the way out, before the page cache: a page served from the cache counts as one
rendered now. The player's beacons are answered here too, before anything else runs: a beacon
is an increment and a 204, at a campaign launch's rate."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest

from campaign_site.languages import CAMPAIGN_LANGUAGES

from .counters import count_all
from .models import Event
from .privacy import country, may_count, visitor_language

BEACON_EVENTS = {Event.PLAY, Event.PLAY_25, Event.PLAY_50, Event.PLAY_90}
BEACON_SOURCES = {"", "embed"}
MAX_PAGE_ID = 2**31 - 1


class ReachMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == settings.REACH_BEACON_PATH:
            return beacon(request)
        response = self.get_response(request)
        counted = getattr(response, "counted", None)
        if counted is not None and request.method == "GET" and is_success(counted, response):
            if may_count(request):
                count_all(events(request, counted))
        return response


def is_success(counted, response):
    if counted.event == Event.SHARE:
        return response.status_code == 302
    return response.status_code == 200


def events(request, counted):
    where = country(request)
    if counted.event == Event.VIEW:
        found = [(Event.VIEW, counted.page_id, counted.language, "", where)]
        if language := visitor_language(request):
            found.append((Event.ARRIVAL, counted.page_id, counted.language, language, where))
        return found
    source = embedding_origin(request) if counted.event == Event.EMBED else counted.source
    return [(counted.event, counted.page_id, counted.language, source, where)]


def embedding_origin(request):
    """The origin of the page that framed an embed (browsers send no more than the origin to
    another site), "" when unknown: a file opened from disk, or a site that sends no referrer."""
    parts = urlsplit(request.META.get("HTTP_REFERER", ""))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc.rsplit('@', 1)[-1]}".lower()


def beacon(request):
    """A beacon from the player: event (e), page id (p), language (l), source (s)."""
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "POST"})
    data = request.POST
    event, page_id, language, source = (data.get(name, "") for name in ("e", "p", "l", "s"))
    if (
        event not in BEACON_EVENTS
        or not page_id.isdigit()
        or not 0 < int(page_id) <= MAX_PAGE_ID
        or language not in CAMPAIGN_LANGUAGES
        or source not in BEACON_SOURCES
    ):
        return HttpResponseBadRequest()
    if may_count(request):
        count_all([(event, int(page_id), language, source, country(request))])
    return HttpResponse(status=204, headers={"Cache-Control": "no-store"})
