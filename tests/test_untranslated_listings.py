"""Every language serves content: a listing shows, after its own items, those not yet translated
into its language, each in the visitor's next best language (Accept-Language, then English),
labelled with that language and marked up in it; the page cache keeps one copy per preference."""

import pytest

from podcasts.models import ShowPage
from stories.models import StoryPage

from .conftest import html

pytestmark = pytest.mark.django_db


def untranslated(page):
    """(language, title) of each item in the "not yet in this language" section."""
    section = page.select_one("section.untranslated")
    if section is None:
        return []
    return [
        (item.select_one("div[lang]")["lang"], item.select_one("h3").get_text(strip=True))
        for item in section.select("li")
    ]


def test_a_language_without_stories_lists_them_in_the_visitors_next_best_language(client):
    page = html(client.get("/pt/stories/", HTTP_ACCEPT_LANGUAGE="pt-BR,pt;q=0.9,fr;q=0.8"))
    items = untranslated(page)
    in_portuguese = StoryPage.objects.live().filter(locale__language_code="pt")
    assert len(page.select("ul.stories > li")) == in_portuguese.count() == 1
    not_in_portuguese = (
        StoryPage.objects.live()
        .filter(locale__language_code="en")
        .exclude(translation_key__in=in_portuguese.values("translation_key"))
    )
    assert len(items) == min(not_in_portuguese.count(), 12) == 5  # each story once
    assert {language for language, _title in items} <= {"fr", "en"}
    # in French where it exists in French, else in English
    french_titles = set(
        StoryPage.objects.live().filter(locale__language_code="fr").values_list("title", flat=True)
    )
    assert any(language == "fr" for language, _title in items)
    for language, title in items:
        assert (language == "fr") == (title in french_titles)
    section = page.select_one("section.untranslated")
    assert section.select_one("h2").get_text(strip=True) == "Ainda não neste idioma"
    assert (
        section.select_one(".language-label").get_text(" ", strip=True).startswith("Mostrado em:")
    )
    assert section.select_one(".language-label span")["lang"] in ("fr", "en")


def test_without_a_preference_the_items_are_in_english(client):
    items = untranslated(html(client.get("/pt/stories/")))
    assert items and {language for language, _title in items} == {"en"}


def test_an_arabic_listing_marks_english_items_left_to_right(client):
    ShowPage.objects.get(locale__language_code="ar").unpublish()  # the Arabic show withdrawn
    page = html(client.get("/ar/podcasts/"))
    assert page.html["dir"] == "rtl"
    section = page.select_one("section.untranslated")
    assert section is not None
    block = section.select_one("div[lang]")
    assert (block["lang"], block["dir"]) == ("en", "ltr")
    assert section.select_one("a")["hreflang"] == "en"


def test_spanish_training_lists_the_modules_that_exist_elsewhere(client):
    page = html(client.get("/es/training/", HTTP_ACCEPT_LANGUAGE="es-419,es;q=0.9"))
    assert untranslated(page)


def test_a_translated_item_is_never_listed_twice(client):
    page = html(client.get("/fr/stories/", HTTP_ACCEPT_LANGUAGE="fr"))
    own = {h3.get_text(strip=True) for h3 in page.select("ul.stories h3")}
    keys_in_french = set(
        StoryPage.objects.live()
        .filter(locale__language_code="fr")
        .values_list("translation_key", flat=True)
    )
    for _language, title in untranslated(page):
        assert title not in own
        story = StoryPage.objects.live().get(title=title)
        assert story.translation_key not in keys_in_french


def test_a_filtered_listing_shows_only_its_own_items(client):
    page = html(client.get("/pt/stories/?voice=returnee"))
    assert page.select_one("section.untranslated") is None


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


def test_the_page_cache_keeps_one_listing_per_language_preference(client, page_cache_on):
    def get(preference):
        response = client.get("/pt/stories/", HTTP_ACCEPT_LANGUAGE=preference)
        return response["X-Cache"], {language for language, _t in untranslated(html(response))}

    miss, languages = get("pt,fr;q=0.9")
    assert miss == "MISS" and "fr" in languages
    assert get("pt,fr;q=0.9") == ("HIT", languages)
    miss, languages = get("pt")
    assert (miss, languages) == ("MISS", {"en"})
    assert get("pt") == ("HIT", {"en"})
    # an ordinary page is still one entry whatever the preference
    story = StoryPage.objects.live().filter(locale__language_code="en").first()
    assert client.get(story.url, HTTP_ACCEPT_LANGUAGE="fr")["X-Cache"] == "MISS"
    assert client.get(story.url, HTTP_ACCEPT_LANGUAGE="ar")["X-Cache"] == "HIT"
