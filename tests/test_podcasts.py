"""Podcast feeds as podcast apps read them, and episode pages as listeners see them."""

import datetime
import io
import uuid
from pathlib import Path

import feedparser
import podcastparser
import pytest
from lxml import etree
from PIL import Image as PILImage

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.images.models import Image
from wagtail.models import Locale, Page, Site

from campaign_site.languages import CAMPAIGN_LANGUAGES
from campaign_site.media.models import CampaignMedia
from podcasts.feeds import podcast_guid
from podcasts.models import EpisodeChapter, EpisodePage, ShowPage

from .conftest import DEMO_FILES, html

pytestmark = pytest.mark.django_db
SHOW = "podcasts/return-conversations/"
NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md",
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
}
DEMO_AUDIO = DEMO_FILES / "podcasts" / "episode-1-en.mp3"


def feed_url(code):
    return f"http://testserver/{code}/{SHOW}feed.xml"


def fetch(client, code, **headers):
    response = client.get(f"/{code}/{SHOW}feed.xml", **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    return response


def parse_all(client, code):
    body = fetch(client, code).content
    return (
        podcastparser.parse(feed_url(code), io.BytesIO(body)),
        feedparser.parse(body),
        etree.fromstring(body),
    )


@pytest.fixture
def show(db):
    return ShowPage.objects.get(locale__language_code="en")


def test_the_channel_has_every_tag_apple_and_podcasting_2_0_ask_for(client, show):
    gpodder, generic, xml = parse_all(client, "fr")
    french = show.get_translation(Locale.objects.get(language_code="fr"))
    assert gpodder["title"] == "Conversations sur le retour" == generic.feed.title
    assert gpodder["link"] == f"http://testserver/fr/{SHOW}"
    assert gpodder["description"].startswith("Des experts et des praticiens")
    assert generic.feed.language == "fr"
    assert gpodder["cover_url"].startswith("http://testserver/media/images/")
    assert generic.feed.image.href == gpodder["cover_url"]
    assert gpodder["explicit"] is False
    assert gpodder["type"] == "episodic"
    assert gpodder["import_prohibited"] is True
    assert gpodder["funding_url"] == "https://campaign.example.org/support"
    assert generic.feed.publisher_detail == {
        "name": "Campaign communications team",
        "email": "podcast@campaign.example.org",
    }
    assert [tag.term for tag in generic.feed.tags] == ["Society & Culture", "Government"]
    assert generic.feed.rights == "© 2026 Return and Reintegration Campaign"
    channel = xml.find("channel")
    assert channel.findtext("itunes:author", namespaces=NS) == "Campagne retour et réintégration"
    assert channel.findtext("itunes:type", namespaces=NS) == "episodic"
    assert channel.find("atom:link[@rel='self']", NS).get("href") == feed_url("fr")
    assert channel.findtext("podcast:guid", namespaces=NS) == str(podcast_guid(feed_url("fr")))
    assert channel.find("podcast:locked", NS).get("owner") == "podcast@campaign.example.org"
    assert channel.findtext("podcast:medium", namespaces=NS) == "podcast"
    assert channel.findtext("itunes:explicit", namespaces=NS) == "false"
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in channel.findall("atom:link[@rel='alternate']", NS)
    }
    # the show exists in every campaign language: each of its other feeds is an alternate
    assert alternates == {code: feed_url(code) for code in CAMPAIGN_LANGUAGES if code != "fr"}
    assert french.title == gpodder["title"]


def test_the_podcast_guid_follows_the_spec():
    # The Podcasting 2.0 spec's own example
    assert (
        str(podcast_guid("https://mp3s.nashownotes.com/pc20rss.xml"))
        == "917393e3-1b1e-5cef-ace4-edaa54e1f810"
    )
    assert podcast_guid("http://example.org/feed/") == podcast_guid("https://example.org/feed")


def test_every_item_has_what_apps_need(client, show):
    gpodder, generic, xml = parse_all(client, "en")
    items = xml.find("channel").findall("item")
    newest = gpodder["episodes"][0]
    assert [episode["title"] for episode in gpodder["episodes"]][:2] == [
        "Bonus: your questions",
        "Working with local governments",
    ]
    episode = EpisodePage.objects.get(locale=show.locale, number=6)
    assert newest["guid"] == episode.guid
    assert newest["link"] == f"http://testserver/en/{SHOW}bonus-your-questions/"
    assert newest["published"] == int(episode.first_published_at.timestamp())
    (enclosure,) = newest["enclosures"]
    assert enclosure["url"] == "http://testserver" + episode.audio_url
    assert enclosure["file_size"] == Path(episode.audio.file.path).stat().st_size
    assert enclosure["mime_type"] == "audio/mpeg"
    assert newest["total_time"] == round(episode.audio.duration)
    assert newest["number"] == 6 and newest["season"] == 1 and newest["type"] == "bonus"
    assert newest["description"] == episode.summary
    assert newest["description_html"].startswith("<p>This bonus episode")
    assert (
        newest["chapters_json_url"]
        == f"http://testserver/en/{SHOW}bonus-your-questions/chapters.json"
    )
    assert newest["transcript_url"].endswith(".vtt")
    assert {person["name"]: person["role"] for person in newest["persons"]} == {
        "Amina Diallo": "host",
        "Tomás Rivera": "guest",
    }
    assert generic.entries[0].itunes_episodetype == "bonus"
    assert generic.entries[0].image.href.startswith("http://testserver/media/images/")
    transcripts = items[1].findall("podcast:transcript", NS)
    assert {(t.get("language"), t.get("type")) for t in transcripts} == {
        ("en", "text/vtt"),
        ("fr", "text/vtt"),
        ("es", "text/vtt"),
    }
    assert items[0].find("podcast:chapters", NS).get("type") == "application/json+chapters"


def test_each_language_feed_lists_exactly_its_published_episodes(client, show, locales):
    titles = {
        code: [item["title"] for item in parse_all(client, code)[0]["episodes"]]
        for code in ("en", "fr", "es")
    }
    assert len(titles["en"]) == 6 and len(titles["fr"]) == 5 and len(titles["es"]) == 5
    assert "Travailler avec les collectivités locales" in titles["fr"]
    assert not set(titles["fr"]) & set(titles["en"])

    french = EpisodePage.objects.get(locale=locales["fr"], number=3)
    french.unpublish()
    assert [item["title"] for item in parse_all(client, "fr")[0]["episodes"]] == [
        t for t in titles["fr"] if t != french.title
    ]
    assert len(parse_all(client, "en")[0]["episodes"]) == 6


def test_a_draft_or_scheduled_episode_appears_only_when_it_goes_live(client, show):
    english = show.locale
    audio = EpisodePage.objects.filter(locale=english).first().audio
    draft = show.add_child(
        instance=EpisodePage(
            title="Coming soon", slug="coming-soon", summary="Soon.", audio=audio, live=False
        )
    )
    revision = draft.save_revision()
    assert "Coming soon" not in fetch(client, "en").content.decode()

    revision.approved_go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision.save()
    call_command("publish_scheduled")
    assert "Coming soon" not in fetch(client, "en").content.decode()

    revision.approved_go_live_at = timezone.now() - datetime.timedelta(seconds=1)
    revision.save()
    call_command("publish_scheduled")
    gpodder = podcastparser.parse(feed_url("en"), io.BytesIO(fetch(client, "en").content))
    assert gpodder["episodes"][0]["title"] == "Coming soon"


def test_the_guid_survives_edits_republishing_slug_and_domain_changes(client, show, settings):
    settings.ALLOWED_HOSTS = ["testserver", "campaign.example.org"]
    episode = EpisodePage.objects.get(locale=show.locale, number=2)
    before = podcastparser.parse(feed_url("en"), io.BytesIO(fetch(client, "en").content))
    guid = next(e["guid"] for e in before["episodes"] if e["title"] == episode.title)
    show_guid = etree.fromstring(fetch(client, "en").content).findtext(
        "channel/podcast:guid", namespaces=NS
    )

    episode.title = "Jobs and skills after return (updated)"
    episode.slug = "jobs-and-skills"
    episode.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    site.hostname = "campaign.example.org"
    site.save()
    show.save_revision().publish()

    body = fetch(client, "en", HTTP_HOST="campaign.example.org").content
    after = podcastparser.parse("http://campaign.example.org/", io.BytesIO(body))
    assert next(e["guid"] for e in after["episodes"] if e["title"].endswith("(updated)")) == guid
    assert etree.fromstring(body).findtext("channel/podcast:guid", namespaces=NS) == show_guid


@pytest.mark.parametrize(
    "title",
    [
        "Tom & Jerry <b>bold</b>",
        "Control\x01\x08 chars\x0b",
        "Emoji 🎙️ and العربية ✓",
        "]]> in CDATA",
    ],
)
def test_hostile_titles_keep_the_feed_well_formed(client, show, title):
    episode = EpisodePage.objects.get(locale=show.locale, number=1)
    episode.title = title
    episode.summary = title
    episode.show_notes = f"<p>{title}</p>"
    episode.save_revision().publish()
    body = fetch(client, "en").content
    root = etree.fromstring(body)  # raises on malformed XML
    expected = title.replace("\x01", "").replace("\x08", "").replace("\x0b", "")
    titles = [item.findtext("title") for item in root.iter("item")]
    assert expected in titles
    assert feedparser.parse(body).bozo == 0
    notes = [item.findtext("content:encoded", namespaces=NS) for item in root.iter("item")]
    assert f"<p>{expected}</p>" in notes


def test_chapters_json_matches_the_podcasting_2_0_format(client, show):
    response = client.get(f"/fr/{SHOW}what-reintegration-means/chapters.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json+chapters")
    data = response.json()
    assert data["version"] == "1.2.0"
    assert [chapter["title"] for chapter in data["chapters"]] == [
        "Introduction",
        "La conversation",
        "À retenir",
    ]
    starts = [chapter["startTime"] for chapter in data["chapters"]]
    assert starts == sorted(starts) and all(isinstance(start, float) for start in starts)


def test_conditional_requests_head_and_cache_refresh(client, show):
    first = fetch(client, "en")
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert client.get(f"/en/{SHOW}feed.xml", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert (
        client.get(f"/en/{SHOW}feed.xml", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    )
    head = client.head(f"/en/{SHOW}feed.xml")
    assert head.status_code == 200 and head.content == b"" and head["ETag"] == etag

    episode = EpisodePage.objects.get(locale=show.locale, number=1)
    episode.title = "A new title"
    episode.save_revision().publish()
    refreshed = client.get(f"/en/{SHOW}feed.xml", HTTP_IF_NONE_MATCH=etag)
    assert refreshed.status_code == 200
    assert b"A new title" in refreshed.content


def test_feed_query_count_does_not_grow_with_episodes(client, show):
    from django.core.cache import cache

    cache.clear()
    fetch(client, "en")  # renditions are made once
    cache.clear()
    with CaptureQueriesContext(connection) as few:
        fetch(client, "en")
    audio = EpisodePage.objects.filter(locale=show.locale).first().audio
    for number in range(20):
        extra = show.add_child(
            instance=EpisodePage(
                title=f"Extra {number}",
                slug=f"extra-{number}",
                summary="More.",
                audio=audio,
                number=100 + number,
            )
        )
        extra.chapters.add(EpisodeChapter(start=1, title="Start", locale=show.locale))
        extra.save_revision().publish()
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        assert len(parse_all(client, "en")[0]["episodes"]) == 26
    assert len(many) == len(few)


def test_a_changed_slug_redirects_the_old_feed_permanently(
    client, show, django_capture_on_commit_callbacks
):
    show.slug = "conversations"
    with django_capture_on_commit_callbacks(execute=True):
        show.save_revision().publish()
    response = client.get(f"/en/{SHOW}feed.xml")
    assert response.status_code == 301
    assert response["Location"] == "http://testserver/en/podcasts/conversations/feed.xml"
    assert client.get("/en/podcasts/conversations/feed.xml").status_code == 200


def test_a_moved_show_announces_its_new_feed(client, show):
    show.new_feed_url = "https://podcasts.example.net/return.xml"
    show.save_revision().publish()
    gpodder = podcastparser.parse(feed_url("en"), io.BytesIO(fetch(client, "en").content))
    assert gpodder["new_url"] == "https://podcasts.example.net/return.xml"


def make_image(size, image_format="PNG"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#123456").save(buffer, image_format)
    return Image.objects.create(
        title="Artwork", file=ContentFile(buffer.getvalue(), name=f"art.{image_format.lower()}")
    )


@pytest.mark.parametrize(
    ("size", "image_format", "message"),
    [
        ((1400, 1000), "PNG", "must be square"),
        ((1000, 1000), "JPEG", "1400 to 3000 pixels wide"),
        ((3200, 3200), "PNG", "1400 to 3000 pixels wide"),
        ((1400, 1400), "GIF", "must be a JPEG or PNG"),
    ],
)
def test_artwork_is_refused_unless_square_jpeg_or_png_1400_to_3000(
    show, size, image_format, message
):
    show.artwork = make_image(size, image_format)
    with pytest.raises(ValidationError) as error:
        show.full_clean()
    assert message in error.value.message_dict["artwork"][0]


def test_good_artwork_is_accepted(show):
    show.artwork = make_image((1400, 1400), "JPEG")
    show.full_clean()


def test_unknown_categories_are_refused(show):
    show.categories = ["Society & Culture", "Cooking"]
    with pytest.raises(ValidationError) as error:
        show.full_clean()
    assert error.value.message_dict["categories"] == ["Unknown value: Cooking"]


def test_audio_must_really_be_mp3_or_m4a(db):
    fake = CampaignMedia(
        title="Fake", type="audio", file=SimpleUploadedFile("episode.mp3", b"ID3 not really")
    )
    with pytest.raises(ValidationError) as error:
        fake.full_clean()
    assert "not a playable MP4 or MP3 file" in error.value.message_dict["file"][0]
    real = CampaignMedia(
        title="Real", type="audio", file=SimpleUploadedFile("episode.mp3", DEMO_AUDIO.read_bytes())
    )
    real.full_clean()
    assert real.mime_type == "audio/mpeg" and real.duration > 5


def test_chapters_past_the_end_are_refused(show):
    episode = EpisodePage.objects.get(locale=show.locale, number=1)
    episode.chapters.add(EpisodeChapter(start=999, title="Too late", locale=show.locale))
    with pytest.raises(ValidationError) as error:
        episode.full_clean()
    assert "“Too late” starts at 999" in str(error.value)


def test_the_episode_page_plays_shows_the_transcript_and_chapters(client, show):
    page = html(client.get(f"/es/{SHOW}what-reintegration-means/"))
    audio = page.find("audio")
    assert audio["preload"] == "none"
    assert "KB" in page.select_one(".player-downloads a").get_text()
    assert (
        page.select_one(".transcript li span").get_text()
        == "Bienvenidos a Conversaciones sobre el retorno."
    )
    assert [a.get_text() for a in page.select(".chapters a")] == ["0:00", "0:03", "0:09"]
    assert [a["data-seek"] for a in page.select(".chapters a")][1] == "3.11"
    assert page.select_one(".subscribe input")["value"] == feed_url("es")
    assert "Amina Diallo" in page.select_one(".persons").get_text()


def test_the_show_page_lists_episodes_newest_first(client, show):
    page = html(client.get(f"/en/{SHOW}"))
    titles = [a.get_text() for a in page.select(".episodes h3 a")]
    assert titles[0] == "Bonus: your questions" and titles[-1] == "What reintegration means"
    assert page.find("link", type="application/rss+xml")["href"] == feed_url("en")


def test_enclosures_answer_range_requests(client, show):
    episode = EpisodePage.objects.get(locale=show.locale, number=1)
    response = client.get(episode.audio.url, HTTP_RANGE="bytes=0-99")
    assert response.status_code == 206 and response["Content-Length"] == "100"


def test_podcast_guid_is_stored_once(client, show):
    fetch(client, "en")
    identity = show.feed_identity
    assert identity.guid == podcast_guid(feed_url("en"))
    assert isinstance(identity.guid, uuid.UUID)
    assert Page.objects.filter(pk=show.pk).exists()
