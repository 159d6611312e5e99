"""Search engines and partner sites see every language; nobody sees drafts."""

from xml.etree import ElementTree

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

from campaign_site.languages import CAMPAIGN_LANGUAGES

from .conftest import html

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
            if link.get("rel") == "alternate"
        }
        for url in root.findall("s:url", NS)
    }


def live_pages(**filters):
    return Page.objects.live().public().filter(depth__gt=1, **filters)


def test_sitemap_lists_every_page_in_every_language_with_alternates(client, home):
    entries = sitemap_entries(client)
    assert set(entries) == {page.get_full_url() for page in live_pages()}
    for code in CAMPAIGN_LANGUAGES:
        for path in ["", "stories/", "podcasts/", "training/"]:
            assert f"http://testserver/{code}/{path}" in entries
    for code in CAMPAIGN_LANGUAGES:
        alternates = entries[f"http://testserver/{code}/stories/"]
        assert alternates == {
            **{other: f"http://testserver/{other}/stories/" for other in CAMPAIGN_LANGUAGES},
            "x-default": "http://testserver/en/stories/",
        }


def test_sitemap_alternates_name_only_the_existing_translations(client, home):
    story = "stories/senegal/fishing-again-in-saint-louis/"
    alternates = sitemap_entries(client)[f"http://testserver/ar/{story}"]
    assert alternates == {
        **{
            code: f"http://testserver/{code}/{story}"
            for code in ("en", "fr", "es", "pt", "ar", "ka", "sr", "fil")  # not bn, am
        },
        "x-default": f"http://testserver/en/{story}",
    }


def test_sitemap_leaves_out_drafts(client, section, locales):
    section.get_translation(locales["fr"]).unpublish()
    entries = sitemap_entries(client)
    assert "http://testserver/fr/stories/" not in entries
    assert "fr" not in entries["http://testserver/en/stories/"]


def test_sitemap_query_count_does_not_grow_with_pages(client, home, django_assert_max_num_queries):
    # 100+ pages in 10 languages: a handful of queries, not one per page or per translation
    with django_assert_max_num_queries(12):
        client.get("/sitemap.xml")


def api_pages(client, **params):
    response = client.get("/api/v2/pages/", {"fields": "locale", "limit": 100, **params})
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize("code", ["fr", "ar", "fil"])
def test_api_filters_pages_by_locale(client, code, home):
    data = api_pages(client, locale=code)
    assert data["meta"]["total_count"] == live_pages(locale__language_code=code).count() >= 4
    assert {item["meta"]["locale"] for item in data["items"]} == {code}


def test_api_lists_every_language(client, home):
    assert api_pages(client)["meta"]["total_count"] == live_pages().count()


def test_api_hides_drafts_and_private_pages(client, section, locales):
    french = section.get_translation(locales["fr"])
    french.unpublish()
    titles = {item["title"] for item in api_pages(client, locale="fr")["items"]}
    assert french.title not in titles
    assert client.get(f"/api/v2/pages/{french.pk}/").status_code == 404

    spanish = section.get_translation(locales["es"])
    spanish.view_restrictions.create(restriction_type="password", password="secret")  # noqa: S106
    assert client.get(f"/api/v2/pages/{spanish.pk}/").status_code == 404


def test_api_answers_an_unknown_locale_with_a_clear_error(client, home):
    response = client.get("/api/v2/pages/", {"locale": "xx"})
    assert response.status_code == 404
    assert response.json() == {"message": "No Locale matches the given query."}


def test_api_serves_images_and_documents(client, home):
    assert client.get("/api/v2/images/").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200


@pytest.mark.parametrize("code", ["en", "ar"])
def test_the_footer_links_an_html_site_map_of_the_language(client, code, story, locales):
    story_page = html(client.get(f"/{code}/stories/senegal/fishing-again-in-saint-louis/"))
    link = story_page.select_one(".site-footer a")["href"]
    assert link == f"/{code}/site-map/"

    with CaptureQueriesContext(connection) as queries:
        response = client.get(link)
    site_map = html(response)
    assert len(queries) <= 10
    assert site_map.find("html")["lang"] == code
    hrefs = {a["href"] for a in site_map.select("main a")}
    translated = story.get_translation(locales[code])
    assert {f"/{code}/", f"/{code}/stories/", f"/{code}/podcasts/", translated.url} <= hrefs
    assert all(href.startswith(f"/{code}/") for href in hrefs)
    assert site_map.find("link", rel="canonical")["href"] == f"http://testserver/{code}/site-map/"
