"""hreflang alternates and the language switcher offer exactly the published translations."""

import pytest
from bs4 import BeautifulSoup

from django.apps import apps

from wagtail.models import Locale, Page

from campaign_site.languages import CAMPAIGN_LANGUAGES, endonym

from .conftest import html


def alternates(page):
    return {link["hreflang"]: link["href"] for link in page.find_all("link", rel="alternate")}


def switcher(page):
    nav = page.find("nav", class_="language-switcher")
    return (
        [(a["hreflang"], a["href"], a.get_text(strip=True)) for a in nav.find_all("a")]
        if nav
        else []
    )


def test_hreflang_alternates_are_complete_and_reciprocal(client, section):
    expected = {code: f"http://testserver/{code}/stories/" for code in CAMPAIGN_LANGUAGES}
    expected["x-default"] = "http://testserver/en/stories/"
    for code in CAMPAIGN_LANGUAGES:
        page = html(client.get(f"/{code}/stories/"))
        assert alternates(page) == expected
        assert page.find("link", rel="canonical")["href"] == expected[code]


def test_switcher_links_to_the_translated_page_by_endonym(client, section):
    page = html(client.get("/fr/stories/"))
    assert switcher(page) == [
        (code, f"/{code}/stories/", endonym(code)) for code in CAMPAIGN_LANGUAGES
    ]
    current = page.find("nav", class_="language-switcher").find("a", attrs={"aria-current": "page"})
    assert current["hreflang"] == "fr"
    assert all(
        a["dir"] == "auto" and a["lang"] == a["hreflang"]
        for a in page.select(".language-switcher a")
    )


def test_missing_and_draft_translations_are_not_offered(client, section, locales):
    section.get_translation(locales["bn"]).delete()
    section.get_translation(locales["am"]).unpublish()

    page = html(client.get("/en/stories/"))
    offered = [code for code, _href, _name in switcher(page)]
    assert offered == [code for code in CAMPAIGN_LANGUAGES if code not in ("bn", "am")]
    assert set(alternates(page)) == {*offered, "x-default"}

    # the Bengali visitor is told the page does not exist rather than shown another language
    assert client.get("/bn/stories/").status_code == 404
    assert client.get("/am/stories/").status_code == 404


def test_a_page_in_one_language_has_no_switcher(client, section, locales):
    for translation in section.get_translations():
        translation.delete()
    page = html(client.get("/en/stories/"))
    assert switcher(page) == []
    assert alternates(page) == {
        "en": "http://testserver/en/stories/",
        "x-default": "http://testserver/en/stories/",
    }


def test_x_default_is_absent_when_the_default_language_is_missing(client, section, locales):
    section.unpublish()
    assert "x-default" not in alternates(html(client.get("/fr/stories/")))


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_home_teasers_link_to_the_translated_sections(client, code, home):
    page = html(client.get(f"/{code}/"))
    links = [a["href"] for a in page.select(".section-heading a")]  # "All stories", ...
    assert links == [f"/{code}/stories/", f"/{code}/podcasts/", f"/{code}/training/"]
    assert page.select_one(".call-to-action a")["href"] == f"/{code}/podcasts/"


def test_a_missing_translation_links_to_the_languages_where_the_page_exists(client, db):
    response = client.get("/pt/stories/cameroon/a-mothers-welcome-in-douala/")
    assert response.status_code == 404
    page = BeautifulSoup(response.content, "html.parser")
    assert page.find("html")["lang"] == "pt"
    links = {a["hreflang"]: a["href"] for a in page.select(".elsewhere a")}
    assert {"en", "fr", "ar"} <= set(links)
    assert "pt" not in links
    assert links["fr"] == "http://testserver/fr/stories/cameroon/a-mothers-welcome-in-douala/"
    assert client.get(links["fr"].removeprefix("http://testserver")).status_code == 200
    assert "Esta página ainda não está disponível" in page.get_text()


def test_a_page_that_exists_nowhere_is_a_plain_404(client, db):
    response = client.get("/fr/stories/senegal/no-such-story/")
    assert response.status_code == 404
    page = BeautifulSoup(response.content, "html.parser")
    assert not page.select(".elsewhere")
    assert client.get("/media/no/such/file.mp4").status_code == 404


@pytest.mark.parametrize(
    ("path", "listed"),
    [
        ("/pt/training/", "training.ModulePage"),
        ("/pt/stories/", "stories.StoryPage"),
        ("/ar/podcasts/", "podcasts.EpisodePage"),
    ],
)
def test_an_empty_section_points_to_the_languages_where_it_has_content(client, db, path, listed):
    model = apps.get_model(listed)
    section = Page.objects.get(
        url_path__endswith=path.split("/", 2)[2], locale__language_code=path[1:3]
    )
    for item in Page.objects.live().descendant_of(section).specific():
        item.unpublish()  # the demo has something in every language: empty this section
    page = html(client.get(path))
    links = {a["hreflang"]: a["href"] for a in page.select(".elsewhere a")}
    assert links, "an empty section must point somewhere"
    for language, url in links.items():
        other = section.get_translation(Locale.objects.get(language_code=language))
        assert url == other.full_url
        assert model.objects.live().descendant_of(other).exists()
    # and a language with content there is not missed
    with_content = {
        translation.locale.language_code
        for translation in section.get_translations().live()
        if model.objects.live().descendant_of(translation).exists()
    }
    assert set(links) == with_content


def test_a_changed_source_text_keeps_its_previous_translation_as_a_suggestion(admin_client, db):
    """After "Sync translated pages", a sentence that changed shows its old translation in the
    translation editor, marked as such, instead of an empty field; nothing is published."""
    import json

    from wagtail_localize.models import StringTranslation, TranslationSource

    from campaign_site.translation.suggestions import SUGGESTION
    from stories.models import StoryPage

    english = StoryPage.objects.get(locale__language_code="en", slug="a-mentor-in-san-miguel")
    french = english.get_translation(Locale.objects.get(language_code="fr"))
    published_summary = french.summary
    english.summary += " Now they meet every week."
    english.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(english)
    source.update_from_db()  # what "Sync translated pages" does

    suggested = StringTranslation.objects.get(
        translation_of__data=english.summary, locale__language_code="fr"
    )
    assert suggested.data == published_summary
    assert suggested.tool_name == str(SUGGESTION)
    assert suggested.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    # in the editor, with its origin said
    editor = html(admin_client.get(f"/admin/pages/{french.pk}/edit/"))
    props = json.loads(editor.select_one("[data-props]")["data-props"])
    comments = [translation["comment"] for translation in props["initialStringTranslations"]]
    assert any(comment.startswith(f"Translated with {SUGGESTION}") for comment in comments)
    # an unchanged text keeps its own translation; the public page is as it was
    french.refresh_from_db()
    assert french.summary == published_summary
    assert not StringTranslation.objects.filter(
        translation_of__data=english.title, tool_name=str(SUGGESTION)
    ).exists()
