"""Every language serves content, and the campaign home shows it: a featured story with its
poster, the latest stories, a key fact, the podcast and training teasers, all editor blocks."""

import pytest

from wagtail.models import Page

from campaign_site.languages import CAMPAIGN_LANGUAGES
from campaign_site.pages.models import HomePage

from .conftest import html, log_in_as

pytestmark = pytest.mark.django_db
OWN_ITEMS = {  # each section's own items (items from other languages come after, apart)
    "stories": "ul.stories > li",
    "podcasts": "ul.cards > li",
    "training": "ul.modules > li",
}


@pytest.mark.parametrize("code", CAMPAIGN_LANGUAGES)
def test_every_language_has_a_story_an_episode_and_a_module_of_its_own(client, code):
    home = html(client.get(f"/{code}/"))
    teasers = home.select("section.latest")
    assert len(teasers) == 3  # stories, podcast, training
    for teaser in teasers:
        items = teaser.select("li")
        assert items, teaser.h2.get_text()
        assert not teaser.select("[lang]")  # all in the page's own language
    for section, selector in OWN_ITEMS.items():
        page = html(client.get(f"/{code}/{section}/"))
        assert page.select(selector), f"/{code}/{section}/"
    show = html(client.get(f"/{code}/podcasts/return-conversations/"))
    assert show.select(".episodes li")


def test_the_featured_story_shows_its_poster_for_the_screen(client):
    feature = html(client.get("/en/")).select_one("section.feature")
    assert feature.select_one(".eyebrow").get_text() == "Featured story"
    assert feature.h2.get_text() == "A tailoring shop in Sylhet"
    avif = feature.select_one("source[type='image/avif']")
    assert [entry.split()[1] for entry in avif["srcset"].split(", ")] == ["480w", "800w", "1280w"]
    assert (
        feature.select_one("a.button")["href"]
        == "/en/stories/bangladesh/a-tailoring-shop-in-sylhet/"
    )


def test_the_featured_story_in_its_own_language_or_labelled_in_another(client):
    bengali = html(client.get("/bn/")).select_one("section.feature")
    assert bengali.h2.get_text() == "সিলেটে একটি দর্জির দোকান"
    assert bengali.select_one("[lang]") is None
    # not yet in Amharic: shown in English, said so in Amharic, marked up in English
    amharic = html(client.get("/am/")).select_one("section.feature")
    assert amharic.select_one(".language-label").get_text(" ", strip=True) == "የሚታየው በ: English"
    block = amharic.select_one("div[lang]")
    assert (block["lang"], block["dir"]) == ("en", "ltr")
    assert block.h2.get_text() == "A tailoring shop in Sylhet"
    assert amharic.select_one("a.button").get_text() == "ታሪኩን ይመልከቱ"


def test_the_home_in_arabic_teases_each_section_in_arabic(client):
    page = html(client.get("/ar/"))
    headings = [teaser.h2.get_text() for teaser in page.select("section.latest")]
    assert headings == ["أحدث القصص", "من البودكاست", "وحدات تدريبية"]
    links = [
        teaser.select_one(".section-heading a")["href"] for teaser in page.select("section.latest")
    ]
    assert links == ["/ar/stories/", "/ar/podcasts/", "/ar/training/"]
    fact = page.select_one(".key-fact")
    assert "الاكتفاء الذاتي الاقتصادي" in fact.blockquote.get_text()
    assert page.select("section.latest")[0].select("li img")  # stories come with posters


def test_a_teaser_keeps_to_the_newest_items_it_was_given(client):
    page = html(client.get("/fr/"))
    stories, episodes, _modules = page.select("section.latest")
    assert len(stories.select("li")) == 3 and len(episodes.select("li")) == 2


def test_editors_build_the_home_from_these_blocks(client, django_user_model, home):
    log_in_as(client, django_user_model, "editor", "Editors")
    content = client.get(f"/admin/pages/{home.pk}/edit/").content.decode()
    for label in ("Featured story, episode or module", "Latest from a section", "Key fact"):
        assert label in content
    english = HomePage.objects.get(pk=home.pk)
    assert [block.block_type for block in english.body] == [
        "intro",
        "featured_item",
        "latest",
        "key_fact",
        "latest",
        "latest",
        "call_to_action",
    ]


def test_a_home_whose_chosen_page_was_deleted_still_serves_edits_and_saves(
    client, django_user_model, home
):
    english = HomePage.objects.get(pk=home.pk)
    featured = next(block for block in english.body if block.block_type == "featured_item")
    Page.objects.get(pk=featured.value["page"].pk).delete()
    page = html(client.get("/en/"))
    assert page.select_one("section.feature") is None and page.select("section.latest")
    english = HomePage.objects.get(pk=home.pk)
    english.save_revision()  # the body serialises: the dangling choice is an id, as stored
    log_in_as(client, django_user_model, "editor", "Editors")
    assert client.get(f"/admin/pages/{home.pk}/edit/").status_code == 200


def test_a_preview_shows_the_pages_its_blocks_chose(rf, admin_user, home):
    """A preview's blocks hold the pages the editor's form chose, not ids read from storage."""
    story = Page.objects.get(locale=home.locale, slug="fishing-again-in-saint-louis").specific
    home.body = [
        ("featured_item", {"heading": "Now", "page": story, "button_label": "Watch"}),
        ("featured", {"heading": "Also", "pages": [story]}),
    ]
    request = rf.get("/", HTTP_HOST="testserver")
    request.user = admin_user
    page = html(home.serve_preview(request, home.default_preview_mode).render())
    assert page.select_one("section.feature h2").get_text(strip=True) == story.title
    assert story.title in page.select_one("main").get_text()
