"""Each show's RSS feed per language, built with feedgen: RSS 2.0, the iTunes tags Apple
requires and recommends, and Podcasting 2.0 tags. Cached until the page cache purges the feed's
address (``feed_response``); answers HEAD and conditional requests (ETag, Last-Modified)."""

import datetime
import hashlib
import re
import uuid
from email.utils import format_datetime
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from campaign_site.delivery.page_cache import current_stamp

from .categories import feedgen_categories
from .podcast_namespace import PodcastIndexEntryExtension, PodcastIndexExtension
from .timecodes import timecode_seconds

# The namespace the Podcasting 2.0 spec fixes for podcast:guid.
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
# XML 1.0 forbids these characters, even escaped: an editor pasting one must not break a feed.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
CACHE_SECONDS = 60 * 60 * 24
ARTWORK_WIDTHS = (3000, 1500, 600, 300)  # the first is the artwork apps show


def clean(text):
    return XML_FORBIDDEN.sub("", text or "")


def podcast_guid(feed_url):
    """UUIDv5 of the feed URL without its scheme and trailing slashes, per the spec."""
    parts = urlsplit(feed_url)
    return uuid.uuid5(PODCAST_GUID_NAMESPACE, (parts.netloc + parts.path).rstrip("/"))


def absolute(root_url, url):
    """Media URLs from the site's own address (not the request's): the feed is cached."""
    return url if urlsplit(url).scheme else root_url + url


def build_feed(show, request, since):
    """(RSS bytes, last modified): a fixed number of queries however many episodes."""
    language = show.locale.language_code
    episodes = list(show.feed_episodes())
    _site_id, root_url, _path = show.get_url_parts(request)  # from Wagtail's cached site roots
    # one query for every size: podcast:images offers the smaller ones to apps on slow links
    sizes = show.artwork.get_renditions(*(f"fill-{w}x{w}|format-jpeg" for w in ARTWORK_WIDTHS))
    # artwork smaller than a size comes out at its own width once
    images = list({r.width: (absolute(root_url, r.url), r.width) for r in sizes.values()}.values())
    artwork = images[0][0]
    feed_url = show.get_feed_url(request)

    fg = FeedGenerator()
    fg.load_extension("podcast")
    fg.register_extension("podcastindex", PodcastIndexExtension, PodcastIndexEntryExtension)
    fg.title(clean(show.title))
    fg.link(href=feed_url, rel="self", type="application/rss+xml")
    fg.link(href=show.get_full_url(request), rel="alternate")  # RSS <link>: the last alternate
    fg.description(clean(show.description))
    fg.language(language)
    fg.image(url=artwork, title=clean(show.title), link=show.get_full_url(request))
    if show.copyright:
        fg.copyright(clean(show.copyright))
    fg.generator("Campaign Site (feedgen)")
    fg.podcast.itunes_author(clean(show.author))
    fg.podcast.itunes_owner(name=clean(show.owner_name), email=show.owner_email)
    fg.podcast.itunes_image(artwork)
    fg.podcast.itunes_category(feedgen_categories(show.categories))
    fg.podcast.itunes_type(show.show_type)
    fg.podcast.itunes_summary(clean(show.description))
    if show.new_feed_url:
        fg.podcast.itunes_new_feed_url(show.new_feed_url)
    fg.podcast.itunes_complete(show.complete)
    fg.podcast.itunes_block(show.hidden_from_directories)

    extension = fg.podcastindex
    extension.guid = str(show.get_feed_identity(request).guid)
    extension.locked = (show.feed_locked, show.owner_email)
    if show.funding_url:
        extension.funding = (show.funding_url, clean(show.funding_text) or show.funding_url)
    extension.explicit = show.explicit
    extension.hub = settings.WEBSUB_HUB_URL
    extension.block = show.hidden_from_directories
    extension.images = images
    if show.license:
        extension.license = (clean(show.license), show.license_url)
    if show.location:
        extension.location = (clean(show.location), show.location_geo)
    if show.verification_txt:
        extension.txt = clean(show.verification_txt)
    extension.podroll = [
        (str(podcast_guid(url)), url) for url in show.recommended_feeds.split() if url
    ]
    extension.trailers = [
        (
            clean(episode.title),
            absolute(root_url, episode.audio_url),
            format_datetime(episode.first_published_at),
            episode.audio.file_size,
            episode.audio.mime_type or "audio/mpeg",
            episode.season,
        )
        for episode in episodes
        if episode.is_trailer
    ]
    hosts = {}  # the show's hosts: those of its episodes, newest first
    for episode in episodes:
        for person in episode.persons.all():
            if person.is_host:
                hosts.setdefault(person.name, person_tag(person, root_url))
    extension.persons = list(hosts.values())
    for other in show.published_in_every_language(show.translation_key).exclude(pk=show.pk):
        extension.alternates.append(
            (other.locale.language_code, other.get_feed_url(request), clean(other.title))
        )

    # feedgen writes entries in reverse order of addition: add oldest first, newest ends on top.
    for episode in reversed(episodes):
        add_entry(fg, episode, request, root_url, artwork)

    # never before the address's stamp, so it only moves forward, and the same for every build
    # of one version of the feed
    published = [show.last_published_at, *(e.last_published_at for e in episodes)]
    last_modified = max([since, *filter(None, published)])
    fg.lastBuildDate(last_modified)
    return fg.rss_str(pretty=True), last_modified


def add_entry(fg, episode, request, root_url, artwork):
    entry = fg.add_entry()
    page_url = episode.get_full_url(request)
    entry.id(episode.guid)
    entry.guid(episode.guid, permalink=False)
    entry.title(clean(episode.title))
    entry.link(href=page_url)
    entry.description(clean(episode.summary))
    if episode.show_notes:
        entry.content(clean(episode.show_notes), type="CDATA")
    entry.published(episode.first_published_at)
    audio = episode.audio
    entry.enclosure(
        absolute(root_url, episode.audio_url), str(audio.file_size), audio.mime_type or "audio/mpeg"
    )
    entry.podcast.itunes_duration(round(audio.duration))
    entry.podcast.itunes_episode_type(episode.episode_type)
    entry.podcast.itunes_image(artwork)
    if episode.number:
        entry.podcast.itunes_episode(episode.number)
    if episode.season:
        entry.podcast.itunes_season(episode.season)
    extension = entry.podcastindex
    # Apps that keep one transcript (podcastparser, feedparser) keep the last: the feed's own
    # language goes last, the others stay listed with their languages.
    language = episode.locale.language_code
    tracks = sorted(audio.subtitle_tracks.all(), key=lambda track: track.language == language)
    extension.transcripts = [
        (absolute(root_url, track.file.url), "text/vtt", track.language) for track in tracks
    ]
    if episode.chapters.all():
        extension.chapters_url = page_url + "chapters.json"
    extension.persons = [person_tag(person, root_url) for person in episode.persons.all()]
    extension.season = episode.season
    extension.episode = episode.number
    if episode.soundbite_start and episode.soundbite_duration:
        extension.soundbite = (
            timecode_seconds(episode.soundbite_start),
            timecode_seconds(episode.soundbite_duration),
            clean(episode.soundbite_title) or None,
        )
    if episode.comments_url:
        extension.social_interact = (episode.comments_url, episode.comments_protocol)


def person_tag(person, root_url):
    image = person.image.get_rendition("fill-400x400").url if person.image else None
    return (
        clean(person.name),
        person.role,
        absolute(root_url, image) if image else None,
        person.url,
    )


def feed_response(show, request):
    """The feed, built once per version of it. Its cache entry is keyed by the page cache's stamp
    of the feed's address, which every change that alters the feed moves forward in whichever
    process makes it (``page_cache.purge_pages`` purges a show's feed.xml in every language with
    any of its episodes or translations), so no change is missed; the stamp is also the least
    Last-Modified, which therefore never goes back, an unpublish included."""
    stamp, generation = current_stamp(request.path)
    key = f"podcast-feed:{show.pk}:{stamp}:{generation}"
    cached = cache.get(key)
    if cached is None:
        body, last_modified = build_feed(
            show, request, since=datetime.datetime.fromtimestamp(stamp, tz=datetime.UTC)
        )
        last_modified = int(last_modified.timestamp())
        cached = (body, last_modified, f'"{hashlib.sha256(body).hexdigest()[:32]}"')
        cache.set(key, cached, CACHE_SECONDS)
    body, last_modified, etag = cached
    response = HttpResponse(body, content_type="application/rss+xml; charset=utf-8")
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "public, max-age=300"
    return get_conditional_response(
        request, etag=etag, last_modified=last_modified, response=response
    )
