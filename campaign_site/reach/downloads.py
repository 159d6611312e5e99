"""Podcast downloads, by the IAB Podcast Measurement Technical Guidelines 2.2.

A download is one listener (address and user agent, hashed with the day's salt: ``privacy``)
requesting one episode's file on one UTC day, counted once the byte ranges they requested that
day cover a minute of audio (the whole file when it is shorter). GET only (a HEAD or a failed
request asks for nothing), never bots or podcast crawlers, never requests asking not to be
counted. Ranges are merged, so a player's repeated probes (``bytes=0-1``) and re-requests of the
same part add nothing; the state kept is the merged ranges under the listener's key, for two
days, in the shared cache. What the server cannot see is whether the bytes arrived: as hosts
counting from their logs, a requested range counts as downloaded.

An episode's file is the same in every language that shares it, so the feed and the episode page
name the episode in the file's address (``?episode=<id>``), and the download counts for that
episode's language."""

import math

from django.core.cache import cache

from campaign_site.delivery.responses import byte_range

from .counters import count
from .models import Event
from .privacy import country, listener, may_count, today

KEEP_SECONDS = 2 * 24 * 60 * 60
MINUTE = 60


def threshold(size, duration):
    """Bytes in the first minute of audio, by the file's average bit rate."""
    if not duration or duration <= MINUTE:
        return size
    return min(size, math.ceil(size * MINUTE / duration))


def requested(request, size):
    """The (first, last) bytes a GET asks for; None when it asks for none it can have."""
    span = byte_range(request.META.get("HTTP_RANGE", ""), size)
    if span is None:
        return (0, size - 1) if size else None
    return span or None


def merge(spans, new):
    merged = []
    for first, last in sorted([*spans, new]):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def covered(spans):
    return sum(last - first + 1 for first, last in spans)


def record(request, episode_id, language, size, duration):
    """Called for each request for an episode's file that will be answered."""
    if request.method != "GET" or not may_count(request):
        return
    span = requested(request, size)
    if span is None:
        return
    day = today()
    key = f"reach:download:{day.isoformat()}:{episode_id}:{listener(request, day)}"
    counted_key = key + ":counted"
    found = cache.get_many([key, counted_key])
    if counted_key in found:  # already a download today: nothing more to keep
        return
    spans = merge(found.get(key, []), span)
    cache.set(key, spans, KEEP_SECONDS)
    # add() is atomic on Redis: two ranges arriving at once still count one download
    if covered(spans) >= threshold(size, duration) and cache.add(counted_key, 1, KEEP_SECONDS):
        count(Event.DOWNLOAD, episode_id, language, country=country(request))
