"""Reach without tracking (campaign_site.reach): what is counted, what never is, and the reports.

Podcast downloads follow the IAB Podcast Measurement Technical Guidelines 2.2 on a synthetic
log; page views, embeds, packages and shares are counted on the way out, page cache or not;
nothing that identifies a person is written to the database, the cache or a log."""

import csv
import datetime
import io
import logging
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid

import pytest
import redis

from django.core import management
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

from campaign_site.media.models import CampaignMedia
from campaign_site.reach import counters, downloads, privacy, reports
from campaign_site.reach.models import DailyCount
from podcasts.models import EpisodePage
from stories.models import StoryPage
from training.models import ModulePage

from .conftest import ROOT, free_port, html, log_in_as, wait_for

LISTENER_UA = "AntennaPod/3.4.0"
BROWSER_UA = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36"
BEACON = "/reach/beacon/"


def figures(event, **filters):
    """{(page id, language, source): count} of one event, over every day."""
    found = {}
    for row in DailyCount.objects.filter(event=event, **filters):
        key = (row.page_id, row.language, row.source)
        found[key] = found.get(key, 0) + row.count
    return found


def total(event, **filters):
    return sum(figures(event, **filters).values())


@pytest.fixture
def episode(db):
    """An English episode whose audio lasts ten minutes: a minute is a tenth of the file."""
    episode = EpisodePage.objects.live().filter(locale__language_code="en").first()
    CampaignMedia.objects.filter(pk=episode.audio_id).update(duration=600)
    episode.audio.refresh_from_db()
    return episode


def fetch_audio(
    client, episode, address="198.51.100.7", agent=LISTENER_UA, method="get", **headers
):
    request = getattr(client, method)
    return request(episode.audio_url, REMOTE_ADDR=address, HTTP_USER_AGENT=agent, **headers)


def test_podcast_downloads_follow_the_iab_guidelines_on_a_synthetic_log(client, episode):
    size = episode.audio.file_size
    minute = downloads.threshold(size, 600)
    assert minute == -(-size // 10)
    # French shares the English file (a language that does not dub the episode)
    french = EpisodePage.objects.live().get(
        translation_key=episode.translation_key, locale__language_code="fr"
    )
    EpisodePage.objects.filter(pk=french.pk).update(audio=episode.audio)
    french.refresh_from_db()

    # a player's probe and a first part: less than a minute requested, nothing counted
    assert fetch_audio(client, episode, HTTP_RANGE="bytes=0-1").status_code == 206
    assert fetch_audio(client, episode, HTTP_RANGE=f"bytes=0-{minute // 2}").status_code == 206
    assert total("download") == 0
    # the same bytes again add nothing; the rest of the minute counts the download
    fetch_audio(client, episode, HTTP_RANGE=f"bytes=0-{minute // 2}")
    assert total("download") == 0
    fetch_audio(client, episode, HTTP_RANGE=f"bytes={minute // 2 + 1}-{minute - 1}")
    assert total("download") == 1
    # the same listener within the day: whole file, more ranges, nothing more
    fetch_audio(client, episode)
    fetch_audio(client, episode, HTTP_RANGE=f"bytes={size // 2}-")
    assert total("download") == 1
    # the same address with another app is another listener (the guidelines' address + agent)
    fetch_audio(client, episode, agent="AppleCoreMedia/1.0.0.21A351 (iPhone; CPU OS 17_0)")
    assert total("download") == 2
    # the French episode's address counts for French, from the same file
    fetch_audio(client, french)
    assert figures("download") == {(episode.pk, "en", ""): 2, (french.pk, "fr", ""): 1}

    # never counted: HEAD, bots and podcast crawlers, requests asking not to be tracked, the
    # file asked for without the episode's address, a range nobody can have
    other = "203.0.113.9"
    fetch_audio(client, episode, address=other, method="head")
    fetch_audio(client, episode, address=other, agent="iTMS")  # Apple Podcasts' checks
    fetch_audio(
        client, episode, address=other, agent="Googlebot/2.1 (+http://www.google.com/bot.html)"
    )
    fetch_audio(client, episode, address=other, agent="")
    fetch_audio(client, episode, address=other, HTTP_DNT="1")
    fetch_audio(client, episode, address=other, HTTP_SEC_GPC="1")
    fetch_audio(client, episode, address=other, HTTP_RANGE=f"bytes={size + 10}-")
    client.get(episode.audio.url, REMOTE_ADDR=other, HTTP_USER_AGENT=LISTENER_UA)
    client.get(f"{episode.audio.url}?episode={french.pk + 10_000}", REMOTE_ADDR=other)
    assert total("download") == 3


def test_a_download_window_is_one_utc_day(client, episode, monkeypatch):
    fetch_audio(client, episode)
    fetch_audio(client, episode)
    assert total("download") == 1
    tomorrow = privacy.today() + datetime.timedelta(days=1)
    for module in (downloads, counters):
        monkeypatch.setattr(module, "today", lambda: tomorrow)
    fetch_audio(client, episode)
    assert total("download") == 2
    assert total("download", day=tomorrow) == 1


def test_a_short_episode_counts_only_when_the_whole_file_is_asked_for(client, episode):
    CampaignMedia.objects.filter(pk=episode.audio_id).update(duration=45)
    size = episode.audio.file_size
    fetch_audio(client, episode, HTTP_RANGE=f"bytes=0-{size - 2}")
    assert total("download") == 0
    fetch_audio(client, episode, HTTP_RANGE="bytes=-1")
    assert total("download") == 1


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


def test_page_views_count_from_the_page_cache_too_with_the_visitors_language(
    client, story, page_cache_on
):
    first = client.get(story.url, HTTP_USER_AGENT=BROWSER_UA, HTTP_ACCEPT_LANGUAGE="sw, en;q=0.8")
    second = client.get(story.url, HTTP_USER_AGENT=BROWSER_UA, HTTP_ACCEPT_LANGUAGE="pt-BR,pt")
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert figures("view") == {(story.pk, "en", ""): 2}
    assert figures("arrival") == {(story.pk, "en", "sw"): 1, (story.pk, "en", "pt"): 1}
    # feeds, HEAD requests, 404s and previews are not page views
    client.head(story.url, HTTP_USER_AGENT=BROWSER_UA)
    client.get("/en/no-such-page/", HTTP_USER_AGENT=BROWSER_UA)
    show = EpisodePage.objects.live().first().get_parent()
    client.get(show.url + "feed.xml", HTTP_USER_AGENT=BROWSER_UA)
    assert total("view") == 2


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_DNT": "1"},
        {"HTTP_SEC_GPC": "1"},
        {
            "HTTP_USER_AGENT": "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"
        },
        {"HTTP_USER_AGENT": ""},
    ],
)
def test_do_not_track_global_privacy_control_and_bots_are_not_counted(client, story, headers):
    headers = {"HTTP_USER_AGENT": BROWSER_UA, **headers}
    assert client.get(story.url, **headers).status_code == 200
    beacon = {"e": "play", "p": story.pk, "l": "en"}
    assert client.post(BEACON, beacon, **headers).status_code == 204
    client.get(story.url + "embed/", **headers)
    assert not DailyCount.objects.exists()


def test_the_players_beacons(client, story):
    def post(data):
        return client.post(BEACON, data, HTTP_USER_AGENT=BROWSER_UA)

    for event in ("play", "play25", "play50", "play90"):
        assert post({"e": event, "p": story.pk, "l": "en"}).status_code == 204
    assert post({"e": "play", "p": story.pk, "l": "ar", "s": "embed"}).status_code == 204
    counted = {(row.event, row.language, row.source): row.count for row in DailyCount.objects.all()}
    assert counted == {
        ("play", "en", ""): 1,
        ("play25", "en", ""): 1,
        ("play50", "en", ""): 1,
        ("play90", "en", ""): 1,
        ("play", "ar", "embed"): 1,
    }
    # what is not a beacon is refused, and nothing is counted for it
    for bad in (
        {"e": "view", "p": story.pk, "l": "en"},
        {"e": "play", "p": "x", "l": "en"},
        {"e": "play", "p": story.pk, "l": "xx"},
        {"e": "play", "p": story.pk, "l": "en", "s": "https://evil.example"},
        {"e": "play", "p": 2**40, "l": "en"},
    ):
        assert post(bad).status_code == 400
    assert client.get(BEACON).status_code == 405
    # a page that does not exist is dropped, not an error
    assert post({"e": "play", "p": 987_654, "l": "en"}).status_code == 204
    assert DailyCount.objects.count() == 5


def test_the_player_names_its_page_for_the_beacons(client, story):
    player = html(client.get(story.url)).select_one("[data-player]")
    assert player["data-reach"] == BEACON
    assert (player["data-reach-page"], player["data-reach-language"]) == (str(story.pk), "en")
    embedded = html(client.get(story.url + "embed/")).select_one("[data-player]")
    assert embedded["data-reach-source"] == "embed"


def test_embed_loads_count_the_framing_sites_origin_only(client, story):
    module = ModulePage.objects.live().filter(locale__language_code="en").first()
    client.get(
        story.url + "embed/",
        HTTP_USER_AGENT=BROWSER_UA,
        HTTP_REFERER="https://moodle.example.org/course/view.php?id=3&user=42",
    )
    client.get(
        module.url + "embed/",
        HTTP_USER_AGENT=BROWSER_UA,
        HTTP_REFERER="https://user:secret@blog.example.com/2026/11/training/",
    )
    client.get(story.url + "embed/", HTTP_USER_AGENT=BROWSER_UA)  # a file opened from disk
    assert figures("embed") == {
        (story.pk, "en", "https://moodle.example.org"): 1,
        (module.pk, "en", "https://blog.example.com"): 1,
        (story.pk, "en", ""): 1,
    }
    assert total("view") == 0  # an embed is not a page view


def test_share_clicks_count_per_network(client, story):
    links = html(client.get(story.url)).select(".share a[href^='/share/']")
    whatsapp = next(link["href"] for link in links if link["href"].startswith("/share/whatsapp/"))
    response = client.get(whatsapp, HTTP_USER_AGENT=BROWSER_UA)
    assert response.status_code == 302 and response["Location"].startswith("https://wa.me/")
    assert figures("share") == {(story.pk, "en", "whatsapp"): 1}


def test_training_package_downloads_count_per_kind(client, db):
    module = ModulePage.objects.live().filter(locale__language_code="en").first()
    response = client.get(module.url + "pack.zip", HTTP_USER_AGENT=BROWSER_UA)
    assert response.status_code == 200
    b"".join(response.streaming_content)
    assert figures("package") == {(module.pk, "en", "pack"): 1}


MARKER_ADDRESS = "192.0.2.123"
MARKER_AGENT = "ReachMarkerAgent/7.7 (identifying-detail-4242)"


def test_no_address_or_user_agent_is_written_anywhere(
    client, story, episode, caplog, page_cache_on
):
    caplog.set_level(logging.DEBUG)
    identity = {"REMOTE_ADDR": MARKER_ADDRESS, "HTTP_USER_AGENT": MARKER_AGENT}
    client.get(story.url, **identity)
    client.get(story.url, **identity)
    client.post(BEACON, {"e": "play90", "p": story.pk, "l": "en"}, **identity)
    client.get(story.url + "embed/", HTTP_REFERER="https://lms.example.org/", **identity)
    fetch_audio(client, episode, address=MARKER_ADDRESS, agent=MARKER_AGENT)
    assert total("view") == 2 and total("download") == 1 and total("play90") == 1

    database = io.StringIO()
    management.call_command("dumpdata", stdout=database)
    written = {
        "database": database.getvalue(),
        "cache keys and values": "\n".join(
            f"{key} {value!r}"
            for key, value in cache._cache.items()  # LocMemCache: pickles
        ),
        "logs": "\n".join(record.getMessage() for record in caplog.records),
    }
    for place, text in written.items():
        for marker in (MARKER_ADDRESS, MARKER_AGENT, "identifying-detail-4242", "192.0.2"):
            assert marker not in text, f"{marker} written in {place}"
    # the listener key is a salted hash of the day: not the address, not recomputable tomorrow
    keys = [key for key in cache._cache if "reach:download" in key]
    assert keys and all(MARKER_ADDRESS not in key for key in keys)


def test_a_process_writes_its_counts_together_at_most_once_per_interval(
    client, story, settings, monkeypatch
):
    settings.REACH_BUFFER_SECONDS = 60
    clock = [1000.0]
    monkeypatch.setattr(counters.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(counters, "BUFFER", counters.Buffer())
    for _ in range(3):
        client.get(story.url, HTTP_USER_AGENT=BROWSER_UA)
    assert not DailyCount.objects.exists()  # three page views, held in this process
    clock[0] += 61
    client.post(BEACON, {"e": "play", "p": story.pk, "l": "en"}, HTTP_USER_AGENT=BROWSER_UA)
    assert total("view") == 3 and total("play") == 1  # written together with the fourth
    client.get(story.url, HTTP_USER_AGENT=BROWSER_UA)
    assert total("view") == 3
    counters.write_on_exit()  # a process on its way out writes what it holds
    assert total("view") == 4


def test_old_figures_are_deleted_after_the_retention_period(story, settings):
    settings.REACH_RETENTION_DAYS = 30
    today = privacy.today()
    for days_ago in (0, 29, 31, 400):
        DailyCount.objects.create(
            day=today - datetime.timedelta(days=days_ago),
            event="view",
            page=story,
            language="en",
            count=1,
        )
    management.call_command("flush_reach", stdout=io.StringIO())
    assert sorted((today - row.day).days for row in DailyCount.objects.all()) == [0, 29]


# Reports, on a known data set


def seed(page, event, count, language=None, days_ago=0, source=""):
    DailyCount.objects.create(
        day=privacy.today() - datetime.timedelta(days=days_ago),
        event=event,
        page=page,
        language=language or page.locale.language_code,
        source=source,
        count=count,
    )


@pytest.fixture
def known_figures(db, story):
    """The Senegal story in English and French, an episode, embeds and visitors' languages."""
    french = StoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="fr"
    )
    episode = EpisodePage.objects.live().filter(locale__language_code="en").first()
    seed(story, "view", 120)
    seed(story, "view", 30, days_ago=8)  # the week before
    seed(story, "play", 40)
    seed(story, "play90", 12)
    seed(french, "view", 3)
    seed(story, "embed", 25, source="https://moodle.example.org")
    seed(story, "share", 4, source="whatsapp")
    seed(episode, "download", 70)
    seed(episode, "download", 30, days_ago=20)
    seed(story, "arrival", 90, source="en")
    seed(story, "arrival", 50, source="sw")  # Swahili: not a campaign language
    seed(french, "arrival", 3, source="fr")
    seed(story, "arrival", 20, source="pt")  # Portuguese visitors, served in English
    seed(story, "view", 999, days_ago=200)  # outside the default 12 weeks
    return {"story": story, "french": french, "episode": episode}


def test_the_reach_report_sums_by_item_language_and_week(admin_client, known_figures):
    story, french = known_figures["story"], known_figures["french"]
    rows = reports.reach(admin_client_user(admin_client))
    by_key = {(row.page_id, row.language, row.week): row for row in rows}
    this_week = [row for row in rows if row.page_id == story.pk and row.view == 120][0]
    assert (this_week.play, this_week.play90, this_week.embed, this_week.share) == (40, 12, 25, 4)
    assert sum(row.view for row in rows if row.page_id == story.pk) == 150  # not the 999 of May
    assert any(row.page_id == french.pk and row.view == 3 for row in by_key.values())

    response = admin_client.get("/admin/reports/reach/")
    assert response.status_code == 200
    assert story.title in response.content.decode()
    export = admin_client.get("/admin/reports/reach/?export=csv")
    table = list(csv.DictReader(io.StringIO(export.getvalue().decode())))
    assert sum(int(row["Page views"]) for row in table if row["Title"] == story.title) == 150
    assert {"Played to 90 %", "Embed loads", "Share clicks", "Podcast downloads"} <= set(table[0])
    # top items per country: one country's items, most viewed first
    country = story.get_parent().title
    assert f"group={country}" in response.content.decode()
    export = admin_client.get(f"/admin/reports/reach/?group={country}&export=csv")
    senegal = list(csv.DictReader(io.StringIO(export.getvalue().decode())))
    assert senegal and {row["Country or series"] for row in senegal} == {country}
    assert senegal[0]["Title"] == story.title and senegal[0]["Page views"] == "120"
    year = admin_client.get("/admin/reports/reach/?weeks=52&export=csv").getvalue().decode()
    assert "999" in year


def admin_client_user(client):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(pk=client.session["_auth_user_id"])


def test_downloads_sources_and_gaps_reports(admin_client, known_figures, settings):
    story, french, episode = (known_figures[k] for k in ("story", "french", "episode"))
    downloads_csv = admin_client.get("/admin/reports/podcast-downloads/?export=csv").getvalue()
    rows = list(csv.DictReader(io.StringIO(downloads_csv.decode())))
    assert rows[0]["Episode"] == episode.title
    assert (rows[0]["Last 7 days"], rows[0]["Last 30 days"], rows[0]["In the period"]) == (
        "70",
        "100",
        "100",
    )

    sources = admin_client.get("/admin/reports/embeds-and-shares/").content.decode()
    assert "https://moodle.example.org" in sources and "whatsapp" in sources

    languages = {
        gap.language: gap for gap in reports.language_gaps(admin_client_user(admin_client))
    }
    assert languages["sw"].visitors == 50 and not languages["sw"].is_campaign_language
    assert languages["sw"].live_items == 0
    assert languages["pt"].served_in_another_language == 20
    assert languages["en"].served_in_another_language == 0 and languages["en"].live_items > 0
    page = html(admin_client.get("/admin/reports/dissemination-gaps/"))
    text = page.get_text(" ", strip=True)
    assert "none: a gap" in text and "sw" in text

    settings.REACH_LOW_VIEWS = 10
    gaps = reports.item_gaps(admin_client_user(admin_client))
    french_gap = [gap for gap in gaps if gap.title == story.title and gap.language == "fr"]
    assert french_gap and french_gap[0].views == 3 and french_gap[0].state in ("live", "outdated")
    assert not [gap for gap in gaps if gap.title == story.title and gap.language == "en"]
    export = admin_client.get("/admin/reports/dissemination-gaps/?export=csv").getvalue().decode()
    assert story.title in export


def test_country_teams_see_their_countries_figures_and_moderators_see_all(
    client, known_figures, django_user_model
):
    story, episode = known_figures["story"], known_figures["episode"]
    senegal = log_in_as(client, django_user_model, "aminata", "Country team: Senegal")
    mine = {row.page_id for row in reports.reach(senegal)}
    assert story.pk in mine and episode.pk not in mine
    page = client.get("/admin/reports/reach/").content.decode()
    assert story.title in page and episode.title not in page

    client.logout()
    other = log_in_as(client, django_user_model, "dawit", "Country team: Ethiopia")
    assert story.pk not in {row.page_id for row in reports.reach(other)}
    assert story.title not in client.get("/admin/reports/reach/").content.decode()
    assert reports.downloads(other) == []

    client.logout()
    moderator = log_in_as(client, django_user_model, "mod", "Moderators")
    assert {story.pk, episode.pk} <= {row.page_id for row in reports.reach(moderator)}
    dashboard = client.get("/admin/").content.decode()
    assert "Most viewed" in dashboard and story.title in dashboard


def test_the_reports_read_a_constant_number_of_queries_as_items_grow(admin_client, story):
    pages = list(Page.objects.live().filter(depth__gt=2)[:60])

    def queries_for(count):
        DailyCount.objects.all().delete()
        for page in pages[:count]:
            for event in ("view", "play", "download", "embed", "share", "arrival"):
                seed(page, event, 5, source="sw" if event == "arrival" else "")
        measured = {}
        for url in (
            "/admin/reports/reach/",
            "/admin/reports/podcast-downloads/",
            "/admin/reports/embeds-and-shares/",
            "/admin/reports/dissemination-gaps/",
            "/admin/",
        ):
            assert admin_client.get(url).status_code == 200  # Wagtail's own caches warmed
            with CaptureQueriesContext(connection) as queries:
                assert admin_client.get(url).status_code == 200
            measured[url] = len(queries)
        return measured

    few, many = queries_for(5), queries_for(60)
    assert few == many


# Several processes: the web process counts into Redis, cron's flush_reach adds to the database


REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def shared_redis(settings):
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.ConnectionError:
        if os.environ.get("CI") == "true":
            pytest.fail("Redis is required under CI")
        pytest.skip("no Redis on this machine")
    prefix = f"test-{uuid.uuid4().hex}:"
    settings.REACH_REDIS_URL = REDIS_URL
    settings.REACH_REDIS_PREFIX = prefix
    counters.shared_redis.cache_clear()
    yield client, prefix
    for key in client.scan_iter(match=prefix + "*"):
        client.delete(key)
    counters.shared_redis.cache_clear()


def test_with_redis_an_event_is_one_increment_and_the_flush_adds_them(client, story, shared_redis):
    redis_client, prefix = shared_redis
    for _ in range(3):
        client.get(story.url, HTTP_USER_AGENT=BROWSER_UA)
        client.post(BEACON, {"e": "play", "p": story.pk, "l": "en"}, HTTP_USER_AGENT=BROWSER_UA)
    client.post(BEACON, {"e": "play", "p": 987_654, "l": "en"}, HTTP_USER_AGENT=BROWSER_UA)
    assert not DailyCount.objects.exists()  # nothing written while counting
    pending = redis_client.hgetall(prefix + "pending")
    assert sum(int(n) for n in pending.values()) == 7
    assert all(MARKER_ADDRESS.encode() not in field for field in pending)

    management.call_command("flush_reach", stdout=io.StringIO())
    assert total("view") == 3 and total("play") == 3  # the deleted page's play is dropped
    assert not list(redis_client.scan_iter(match=prefix + "*"))
    client.get(story.url, HTTP_USER_AGENT=BROWSER_UA)
    management.call_command("flush_reach", stdout=io.StringIO())
    assert total("view") == 4  # added to the day's row, not a second row
    assert DailyCount.objects.filter(event="view").count() == 1


def test_beacons_to_a_web_process_are_flushed_by_another(site_env, manage, shared_redis):
    """A web server process counts beacons into Redis (its buffer written once a second);
    a cron process (manage.py flush_reach) adds them to the database both share. Nothing reaches
    the database before the flush."""
    _client, prefix = shared_redis
    redis_env = {"REACH_REDIS_URL": REDIS_URL, "REACH_REDIS_PREFIX": prefix}
    buffered = {**redis_env, "REACH_BUFFER_SECONDS": "1"}  # as in production

    def shell(code, **env):  # the last line: Django's shell may first say what it imported
        return manage("shell", "-c", code, **env).strip().splitlines()[-1]

    manage("migrate", "--no-input", "-v0")
    manage("load_demo_campaign")
    story_id = shell(
        "from stories.models import StoryPage; print(StoryPage.objects.live().get("
        "locale__language_code='en', slug='fishing-again-in-saint-louis').pk)"
    )
    count = (
        "from campaign_site.reach.models import DailyCount as D; "
        f"rows = D.objects.filter(event='play90', page_id={story_id}); "
        "print(sum(rows.values_list('count', flat=True)))"
    )
    before = int(shell(count))
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), "runserver", "--noreload", f"127.0.0.1:{port}"],
        env={**site_env, **buffered},
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/en/")
        data = urllib.parse.urlencode({"e": "play90", "p": story_id, "l": "en"}).encode()
        for pause in (0, 0, 0, 0, 1.2):  # the server writes its buffered counts each second
            time.sleep(pause)
            request = urllib.request.Request(
                base + BEACON, data=data, headers={"User-Agent": BROWSER_UA}
            )
            with urllib.request.urlopen(request) as response:  # noqa: S310 (our own server)
                assert response.status == 204
    finally:
        server.terminate()
        server.wait(10)
    assert int(shell(count)) == before
    manage("flush_reach", **redis_env)
    assert int(shell(count)) == before + 5


@pytest.mark.parametrize("code", ["en", "fr", "ar", "bn", "am", "ka", "sr", "fil", "es", "pt"])
def test_the_privacy_policy_is_on_the_site_in_every_language(client, code, settings, db):
    settings.REACH_RETENTION_DAYS = 730
    home = html(client.get(f"/{code}/"))
    link = home.select_one(f"footer a[href='/{code}/privacy/']")
    assert link is not None
    page = html(client.get(f"/{code}/privacy/"))
    assert page.html["lang"] == code
    assert page.html["dir"] == ("rtl" if code == "ar" else "ltr")
    text = page.select_one("main").get_text(" ", strip=True)
    assert "730" in text and "Do Not Track" in text
    if code != "en":  # translated, not the English text
        assert "not who reaches it" not in text
