"""Podcast feeds that stay fresh and speak the feed's language: transcripts as apps pick them,
every change reflected at the next fetch, Last-Modified only forward, CORS for web players,
WebSub."""

import io
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs

import feedparser
import podcastparser
import pytest
from lxml import etree

from django.core.files.base import ContentFile
from django.utils.http import parse_http_date

from wagtail.models import Locale

from podcasts.models import EpisodePage, ShowPage

from .test_page_cache import DAY_PASSES
from .test_podcasts import DEMO_AUDIO, NS, SHOW, feed_url

pytestmark = pytest.mark.django_db
EPISODE = SHOW + "what-reintegration-means/"


@pytest.fixture
def show(db):
    return ShowPage.objects.get(locale__language_code="en")


def feed(client, code):
    response = client.get(f"/{code}/{SHOW}feed.xml")
    assert response.status_code == 200
    return response


def newest_episode(show):
    return EpisodePage.objects.live().child_of(show).order_by("-first_published_at").first()


@pytest.mark.parametrize("code", ["en", "fr", "es"])
def test_apps_pick_the_transcript_in_the_feeds_language(client, code):
    body = feed(client, code).content
    gpodder = podcastparser.parse(feed_url(code), io.BytesIO(body))["episodes"]
    generic = feedparser.parse(body).entries
    items = etree.fromstring(body).findall("channel/item")
    several = 0
    for item, picked_by_gpodder, picked_by_feedparser in zip(items, gpodder, generic, strict=True):
        transcripts = item.findall("podcast:transcript", NS)
        assert {t.get("rel") for t in transcripts} == {"captions"}  # WebVTT is timed
        several += len(transcripts) > 1  # the other languages stay listed
        assert transcripts[-1].get("language") == code
        assert picked_by_gpodder["transcript_url"] == transcripts[-1].get("url")
        assert picked_by_feedparser["podcast_transcript"]["language"] == code
    assert several


def test_self_link_has_its_type_and_persons_their_group(client):
    xml = etree.fromstring(feed(client, "en").content)
    self_link = xml.find("channel/atom:link[@rel='self']", NS)
    assert self_link.get("type") == "application/rss+xml"
    persons = xml.findall("channel/item/podcast:person", NS)
    assert persons and {person.get("group") for person in persons} == {"cast"}


def test_feed_url_with_a_trailing_slash_redirects_permanently(client):
    response = client.get(f"/en/{SHOW}feed.xml/")
    assert response.status_code == 301
    assert response["Location"] == f"/en/{SHOW}feed.xml"


def test_chapters_and_transcripts_can_be_fetched_by_web_players_elsewhere(client):
    chapters = client.get(f"/en/{EPISODE}chapters.json")
    assert chapters["Access-Control-Allow-Origin"] == "*"
    xml = etree.fromstring(feed(client, "en").content)
    transcript = xml.find("channel/item/podcast:transcript", NS).get("url")
    response = client.get(transcript.removeprefix("http://testserver"))
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


def test_feeds_are_compressed_for_apps_that_accept_it(client, settings):
    settings.PAGE_CACHE_SECONDS = 3600
    response = client.get(f"/en/{SHOW}feed.xml", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]


def test_unpublishing_the_latest_episode_moves_last_modified_forward(client, show):
    first = feed(client, "en")
    before = parse_http_date(first["Last-Modified"])
    time.sleep(1.1)
    newest = newest_episode(show)
    newest.unpublish()
    after = client.get(f"/en/{SHOW}feed.xml", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert after.status_code == 200  # not 304: the withdrawal must reach the app
    assert parse_http_date(after["Last-Modified"]) > before
    assert after["ETag"] != first["ETag"]
    assert newest.guid not in after.text
    again = client.get(f"/en/{SHOW}feed.xml", HTTP_IF_MODIFIED_SINCE=after["Last-Modified"])
    assert again.status_code == 304


def test_unpublishing_a_translation_drops_it_from_the_other_feeds_alternates(client, show):
    assert f"/fr/{SHOW}feed.xml" in feed(client, "en").text
    show.get_translation(Locale.objects.get(language_code="fr")).unpublish()
    assert f"/fr/{SHOW}feed.xml" not in feed(client, "en").text


def test_replacing_an_episodes_audio_names_the_new_file_at_once(client, show):
    audio = newest_episode(show).audio
    old = audio.file.url
    assert old in feed(client, "en").text
    audio.file.save("replacement.mp3", ContentFile(DEMO_AUDIO.read_bytes()))
    audio.save()
    audio.refresh_from_db()
    assert audio.file.url != old
    body = feed(client, "en").text
    assert old not in body and audio.file.url in body


class Hub(BaseHTTPRequestHandler):
    received = []

    def do_POST(self):  # noqa: N802 - http.server's name
        length = int(self.headers["Content-Length"])
        Hub.received.append(parse_qs(self.rfile.read(length).decode()))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def hub(settings):
    server = HTTPServer(("127.0.0.1", 0), Hub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Hub.received = []
    settings.WEBSUB_HUB_URL = f"http://127.0.0.1:{server.server_port}/"
    yield Hub.received
    server.shutdown()


def test_publishing_an_episode_tells_the_websub_hub(
    client, show, hub, django_capture_on_commit_callbacks
):
    xml = etree.fromstring(feed(client, "en").content)
    assert xml.find("channel/atom:link[@rel='hub']", NS).get("href").startswith("http://127.0.0.1")
    with django_capture_on_commit_callbacks(execute=True):
        newest_episode(show).save_revision().publish()
    notified = {values["hub.url"][0] for values in hub}
    assert {values["hub.mode"][0] for values in hub} == {"publish"}
    assert feed_url("en") in notified and feed_url("fr") in notified


def test_without_a_hub_nothing_is_sent_and_no_hub_is_named(
    client, show, settings, django_capture_on_commit_callbacks
):
    settings.WEBSUB_HUB_URL = ""
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        newest_episode(show).save_revision().publish()
    assert not any("notify_hub" in repr(callback) for callback in callbacks)
    xml = etree.fromstring(feed(client, "en").content)
    assert xml.find("channel/atom:link[@rel='hub']", NS) is None


def test_each_language_times_its_own_chapters(client, show):
    from wagtail_localize.segments import OverridableSegmentValue
    from wagtail_localize.segments.extract import extract_segments

    english = EpisodePage.objects.get(locale=show.locale, slug="what-reintegration-means")
    overridable = {
        segment.path
        for segment in extract_segments(english)
        if isinstance(segment, OverridableSegmentValue)
    }
    assert any(path.startswith("chapters.") and path.endswith(".start") for path in overridable)

    french = english.get_translation(Locale.objects.get(language_code="fr"))
    french_starts = ["0:00", "0:02.5", "0:10"]
    for chapter, start in zip(french.chapters.all(), french_starts, strict=False):
        chapter.start = start
        chapter.save()
    french.save_revision().publish()
    chapters = {
        code: client.get(f"/{code}/{SHOW}{page.slug}/chapters.json").json()["chapters"]
        for code, page in (("en", english), ("fr", french))
    }
    assert [c["startTime"] for c in chapters["fr"]] == [0, 2.5, 10][: len(chapters["fr"])]
    assert [c["startTime"] for c in chapters["en"]] != [c["startTime"] for c in chapters["fr"]]
    body = feed(client, "fr").content
    urls = [
        c.get("url") for c in etree.fromstring(body).findall("channel/item/podcast:chapters", NS)
    ]
    french_chapters = f"http://testserver/fr/{SHOW}{french.slug}/chapters.json"
    assert french_chapters in urls
    read = [e.get("podcast_chapters", {}).get("url") for e in feedparser.parse(body).entries]
    assert french_chapters in read


@pytest.mark.parametrize(("code", "words"), [("fr", "Écrivez un temps"), ("ar", "اكتب الوقت")])
def test_a_malformed_chapter_time_is_refused_in_the_editors_language(show, code, words):
    from django.core.exceptions import ValidationError
    from django.utils import translation

    from podcasts.models import EpisodeChapter

    chapter = EpisodeChapter(page=newest_episode(show), start="1:75", title="x", locale=show.locale)
    with translation.override(code):
        with pytest.raises(ValidationError) as refused:
            chapter.full_clean()
        assert words in str(refused.value.message_dict["start"])


def test_the_podcasting_2_0_tags_a_campaign_podcast_uses(client, show):
    show.license, show.license_url = "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"
    show.location, show.location_geo = "Dakar, Senegal", "geo:14.69,-17.44"
    show.verification_txt = "verify-me-123"
    show.recommended_feeds = "https://example.org/other/feed.xml\nhttps://example.net/feed"
    show.complete = True
    show.hidden_from_directories = True
    show.full_clean()
    show.save_revision().publish()
    episode = newest_episode(show)
    episode.episode_type = EpisodePage.EpisodeType.TRAILER
    episode.soundbite_start, episode.soundbite_duration = "0:02", "0:05.5"
    episode.soundbite_title = "Why return matters"
    episode.comments_url = "https://mastodon.example/@campaign/1"
    episode.full_clean()
    episode.save_revision().publish()

    body = feed(client, "en").content
    channel = etree.fromstring(body).find("channel")
    one = lambda path: channel.find(path, NS)  # noqa: E731
    assert one("podcast:license").text == "CC BY 4.0"
    assert one("podcast:license").get("url").startswith("https://creativecommons.org/")
    assert (one("podcast:location").text, one("podcast:location").get("geo")) == (
        "Dakar, Senegal",
        "geo:14.69,-17.44",
    )
    assert one("podcast:txt").text == "verify-me-123"
    assert one("podcast:txt").get("purpose") == "verify"
    remote = channel.findall("podcast:podroll/podcast:remoteItem", NS)
    assert [r.get("feedUrl") for r in remote] == [
        "https://example.org/other/feed.xml",
        "https://example.net/feed",
    ]
    assert all(len(r.get("feedGuid")) == 36 for r in remote)
    assert one("itunes:complete").text.lower() == "yes"
    assert one("itunes:block").text.lower() == "yes"
    assert one("podcast:block").text == "yes"
    widths = [int(p.split()[1][:-1]) for p in one("podcast:images").get("srcset").split(", ")]
    assert widths == sorted(set(widths), reverse=True)  # the artwork's own width first
    assert widths[0] == min(show.artwork.width, 3000) and widths[-1] == 300
    trailer = one("podcast:trailer")
    # the episode's own address of the file, which counts its downloads (campaign_site.reach)
    assert trailer.text == episode.title and trailer.get("url").endswith(episode.audio_url)
    assert int(trailer.get("length")) == episode.audio.file_size
    assert {p.get("role") for p in channel.findall("podcast:person", NS)} <= {"host", "co-host"}
    assert channel.findall("podcast:person", NS)

    item = next(i for i in channel.findall("item") if i.findtext("guid") == episode.guid)
    assert item.findtext("podcast:season", namespaces=NS) == str(episode.season)
    assert item.findtext("podcast:episode", namespaces=NS) == str(episode.number)
    soundbite = item.find("podcast:soundbite", NS)
    assert (soundbite.get("startTime"), soundbite.get("duration")) == ("2.0", "5.5")
    assert soundbite.text == "Why return matters"
    social = item.find("podcast:socialInteract", NS)
    assert (social.get("uri"), social.get("protocol")) == (episode.comments_url, "activitypub")
    assert podcastparser.parse(feed_url("en"), io.BytesIO(body))["episodes"]


def test_a_soundbite_needs_its_start_and_its_length(show):
    from django.core.exceptions import ValidationError

    episode = newest_episode(show)
    episode.soundbite_start = "0:02"
    with pytest.raises(ValidationError) as refused:
        episode.full_clean()
    assert "soundbite_duration" in refused.value.message_dict
    show.location_geo = "14.69,-17.44"
    with pytest.raises(ValidationError) as refused:
        show.full_clean()
    assert "location_geo" in refused.value.message_dict


def test_a_scheduled_episode_reaches_the_feed_served_by_another_process(site, manage):
    """cron's publish_scheduled and the web server share only the database and the cache."""
    url = site + f"/en/{SHOW}feed.xml"
    with urllib.request.urlopen(url) as response:  # noqa: S310 - our own localhost server
        last_modified = response.headers["Last-Modified"]
    # Scheduled a day ahead, then the day passes (DAY_PASSES): no clock window to miss.
    manage(
        "shell",
        "-c",
        "from datetime import timedelta; from django.utils import timezone; "
        "from podcasts.models import EpisodePage, ShowPage; "
        "show = ShowPage.objects.get(locale__language_code='en'); "
        "audio = EpisodePage.objects.child_of(show).first().audio; "
        "episode = show.add_child(instance=EpisodePage(title='Scheduled in another process', "
        "slug='scheduled', summary='Soon.', audio=audio, live=False)); "
        "episode.go_live_at = timezone.now() + timedelta(days=1); "
        "episode.save_revision().publish()",
    )
    with urllib.request.urlopen(url) as response:  # noqa: S310
        assert "Scheduled in another process" not in response.read().decode()  # not yet
    manage("shell", "-c", DAY_PASSES)
    manage("publish_scheduled")
    with urllib.request.urlopen(url) as response:  # noqa: S310
        assert "Scheduled in another process" in response.read().decode()
        assert parse_http_date(response.headers["Last-Modified"]) > parse_http_date(last_modified)


def test_feeds_are_served_by_a_site_whose_cache_keeps_nothing(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = feed(client, "en")
    assert parse_http_date(response["Last-Modified"]) <= time.time()
    assert etree.fromstring(response.content).find("channel/item") is not None
