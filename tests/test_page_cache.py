"""The anonymous page cache: hits for visitors, never for editors, exact purges in every language
and across processes, conditional requests, compression."""

import gzip
import urllib.error
import urllib.request

import brotli
import pytest

from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils.http import parse_http_date

from wagtail.models import Page

from campaign_site.media.models import SubtitleTrack

from .conftest import NO_TASKS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]
STORY = "/en/stories/senegal/fishing-again-in-saint-louis/"


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 3600


def get(client, url, **headers):
    return client.get(url, **{f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items()})


def test_a_second_anonymous_visit_is_served_from_the_cache_without_a_query(client):
    first = client.get(STORY)
    assert first["X-Cache"] == "MISS"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(STORY)
    assert second["X-Cache"] == "HIT" and len(queries) == 0
    assert second.content == first.content
    # the security headers are kept with the page
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language"):
        assert second[header] == first[header]


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/en/stories/",
        "/en/training/case-management-for-returnees/",
        "/en/training/case-management-for-returnees/embed/",
        "/en/podcasts/return-conversations/feed.xml",
        "/sitemap.xml",
    ],
)
def test_pages_feeds_and_the_sitemap_are_cached(client, url):
    assert client.get(url)["X-Cache"] == "MISS"
    assert client.get(url)["X-Cache"] == "HIT"


def test_editors_and_previews_bypass_the_cache(client, django_user_model, story):
    client.get(STORY)
    editor = Client()
    editor.force_login(django_user_model.objects.create_superuser("ed", "e@example.org", "pw"))
    response = editor.get(STORY)
    assert "X-Cache" not in response
    preview = editor.get(f"/admin/pages/{story.pk}/edit/preview/?mode=")
    assert "X-Cache" not in preview
    assert "X-Cache" not in editor.get(STORY)


def test_query_string_and_save_data_are_separate_entries(client):
    client.get("/en/stories/")
    assert client.get("/en/stories/", {"voice": "returnee"})["X-Cache"] == "MISS"
    assert get(client, "/en/stories/", **{"Save-Data": "on"})["X-Cache"] == "MISS"
    assert client.get("/en/stories/", {"voice": "returnee"})["X-Cache"] == "HIT"


def test_publishing_purges_the_page_in_every_language_its_listings_and_the_home(client, story):
    urls = [
        STORY,
        "/fr/stories/senegal/fishing-again-in-saint-louis/",
        "/en/stories/",
        "/en/stories/senegal/",
        "/en/",
        "/sitemap.xml",
    ]
    for url in urls:
        client.get(url)
    story.title = "Fishing again, a year later"
    story.save_revision().publish()
    for url in urls:
        response = client.get(url)
        assert response["X-Cache"] == "MISS", url
    assert "Fishing again, a year later" in client.get("/en/stories/").content.decode()
    assert client.get("/en/podcasts/")["X-Cache"] == "MISS"  # never cached yet
    assert client.get("/en/podcasts/")["X-Cache"] == "HIT"  # untouched by the purge


def test_publishing_purges_the_listings_in_languages_the_page_is_not_in(client, story):
    """An empty section links to the languages where it has content: a story published in
    one language purges the stories index and the country page in every language."""
    urls = ["/pt/stories/", "/pt/stories/senegal/", "/pt/"]
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Cache"] == "HIT", url
    story.title = "Fishing again, a year later"
    story.save_revision().publish()
    for url in urls:
        assert client.get(url)["X-Cache"] == "MISS", url


def test_unpublishing_purges_and_last_modified_moves_forward(client, story):
    listing = client.get("/en/stories/")
    before = parse_http_date(listing["Last-Modified"])
    story.unpublish()
    assert client.get(STORY).status_code == 404
    after = client.get("/en/stories/")
    assert "Fishing again in Saint-Louis" not in after.content.decode()
    assert parse_http_date(after["Last-Modified"]) > before
    # a client revalidating with the old date is told it changed
    assert (
        get(client, "/en/stories/", **{"If-Modified-Since": listing["Last-Modified"]}).status_code
        == 200
    )


def test_conditional_requests_get_304(client):
    first = client.get(STORY)
    assert get(client, STORY, **{"If-None-Match": first["ETag"]}).status_code == 304
    assert get(client, STORY, **{"If-Modified-Since": first["Last-Modified"]}).status_code == 304


def test_replacing_subtitles_purges_every_page_showing_the_video(client, story):
    module = "/en/training/understanding-sustainable-reintegration/"
    client.get(STORY), client.get(module)
    track = SubtitleTrack.objects.filter(media=story.video).first()
    track.save()
    assert client.get(STORY)["X-Cache"] == "MISS"
    assert client.get(module)["X-Cache"] == "MISS"


@pytest.mark.parametrize(
    ("accept", "encoding", "decode"),
    [
        ("gzip", "gzip", gzip.decompress),
        ("gzip, deflate, br", "br", brotli.decompress),
        ("", None, lambda body: body),
    ],
)
def test_public_responses_are_compressed(client, accept, encoding, decode):
    plain = client.get("/en/stories/").content
    for _ in range(2):  # the miss and the hit
        response = get(client, "/en/stories/", **{"Accept-Encoding": accept})
        assert response.get("Content-Encoding") == encoding
        assert decode(response.content) == plain
    feed = get(client, "/en/podcasts/return-conversations/feed.xml", **{"Accept-Encoding": "gzip"})
    assert feed["Content-Encoding"] == "gzip"


def test_editors_responses_are_never_compressed(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "e@example.org", "pw"))
    response = get(client, "/admin/", **{"Accept-Encoding": "gzip, br"})
    assert "Content-Encoding" not in response
    response = get(client, STORY, **{"Accept-Encoding": "gzip, br"})
    assert "Content-Encoding" not in response


@override_settings(PAGE_CACHE_SECONDS=0)
def test_the_cache_can_be_turned_off(client):
    client.get(STORY)
    assert "X-Cache" not in client.get(STORY)


# What a day passing does to the scheduled revisions (the clock itself cannot be moved in
# another process): their approved time, and the time in their content, are now past.
DAY_PASSES = (
    "from datetime import timedelta; from django.utils import timezone; "
    "from wagtail.models import Revision; "
    "past = timezone.now() - timedelta(seconds=1)\n"
    "for revision in Revision.objects.filter(approved_go_live_at__isnull=False):\n"
    "    revision.content['go_live_at'] = past.isoformat()\n"
    "    revision.approved_go_live_at = past\n"
    "    revision.save(update_fields=['content', 'approved_go_live_at'])"
)


def test_a_scheduled_publish_in_another_process_reaches_the_web_server(site, manage):
    """cron's publish_scheduled and the web server share only the database and the cache."""
    url = site + "/en/stories/ethiopia/"
    with urllib.request.urlopen(url) as response:  # noqa: S310 - our own localhost server
        assert response.headers["X-Cache"] in ("MISS", "HIT")
    with urllib.request.urlopen(url) as response:  # noqa: S310
        assert response.headers["X-Cache"] == "HIT"
        before = response.read().decode()
    # Scheduled a day ahead, then the day "passes" (the approved time moved into the past):
    # nothing here depends on how long a command takes to start under load.
    manage(
        "shell",
        "-c",
        "from datetime import timedelta; from django.utils import timezone; "
        "from stories.models import StoryPage; "
        "story = StoryPage.objects.get(locale__language_code='en', "
        "slug='coffee-and-a-second-start'); "
        "story.title = 'Coffee that grew'; "
        "story.go_live_at = timezone.now() + timedelta(days=1); "
        "story.save_revision().publish()",
    )
    with urllib.request.urlopen(url) as response:  # noqa: S310
        assert response.read().decode() == before  # scheduled: nothing changed yet
    manage("shell", "-c", DAY_PASSES)
    manage("publish_scheduled")
    with urllib.request.urlopen(url) as response:  # noqa: S310
        assert response.headers["X-Cache"] == "MISS"
        assert "Coffee that grew" in response.read().decode()


def test_a_site_changed_in_another_process_is_routed_at_once(site, manage):
    """The web server keeps which Site answers for a host in the shared cache (routing.py): a
    Site saved elsewhere empties it."""
    url = site + "/en/stories/?probe="
    move_to = (
        "from wagtail.models import Site; site = Site.objects.get(); "
        "site.hostname, site.is_default_site = '{host}', {default}; site.save()"
    )
    with urllib.request.urlopen(url + "1") as response:  # noqa: S310 - our own localhost server
        assert response.status == 200
    manage("shell", "-c", move_to.format(host="elsewhere.example", default=False))
    try:
        with pytest.raises(urllib.error.HTTPError) as gone:
            urllib.request.urlopen(url + "2")  # noqa: S310
        assert gone.value.code == 404
    finally:
        manage("shell", "-c", move_to.format(host="127.0.0.1", default=True))
    with urllib.request.urlopen(url + "3") as response:  # noqa: S310
        assert response.status == 200


def test_renaming_a_section_purges_every_page_its_menu_is_on(client):
    assert "Stories" in client.get(STORY).text
    section = Page.objects.get(url_path__endswith="/stories/", locale__language_code="en")
    section = section.specific
    section.title = "Migrant stories"
    section.save_revision().publish()
    response = client.get(STORY)
    assert response["X-Cache"] == "MISS"
    assert ">Migrant stories</a>" in response.text


def test_page_urls_the_frontend_cache_purges():
    story = Page.objects.get(
        url_path__endswith="/fishing-again-in-saint-louis/", locale__language_code="en"
    )
    assert story.specific.get_cached_paths() == ["/", "embed/"]


def test_renaming_a_theme_purges_every_page(client):
    from campaign_site.pages.models import Theme

    client.get("/en/stories/"), client.get(STORY)
    theme = Theme.objects.filter(locale__language_code="en").first()
    theme.name = "Renamed theme"
    theme.save()
    assert client.get("/en/stories/")["X-Cache"] == "MISS"
    assert client.get(STORY)["X-Cache"] == "MISS"


def test_a_module_page_offers_its_packages_once_the_worker_built_them(client, settings):
    from training.models import ModulePage
    from training.tasks import build_module_packages

    module = ModulePage.objects.get(
        locale__language_code="en", slug="case-management-for-returnees"
    )
    settings.TASKS = NO_TASKS
    module.save_revision().publish()
    assert "being prepared" in client.get(module.url).content.decode()
    assert client.get(module.url)["X-Cache"] == "HIT"
    build_module_packages.call(module.pk)
    page = client.get(module.url)
    assert page["X-Cache"] == "MISS" and "being prepared" not in page.content.decode()


def test_a_cdn_in_front_is_purged_with_the_same_list(client, settings, story):
    from unittest import mock

    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:9",
        }
    }
    purged = []
    with mock.patch(
        "wagtail.contrib.frontend_cache.backends.HTTPBackend.purge", side_effect=purged.append
    ):
        story.save_revision().publish()
    assert "http://testserver/fr/stories/senegal/fishing-again-in-saint-louis/" in purged
    assert "http://testserver/en/stories/" in purged
    assert "http://testserver/sitemap.xml" in purged
