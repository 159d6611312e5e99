"""Podcast feeds that stay fresh and speak the feed's language: transcripts as apps pick them,
every change reflected at the next fetch, Last-Modified only forward, CORS for web players,
WebSub."""

import io
import threading
import time
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
