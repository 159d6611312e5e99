"""Visitors land in their language, and every language's pages say which language they are in."""

import pytest

from django.conf.locale import LANG_INFO
from django.utils import translation

from campaign_site.languages import CAMPAIGN_LANGUAGES, endonym, is_rtl
from campaign_site.pages.templatetags.campaign_tags import local_date

from .conftest import html


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("ar", "/ar/"),
        ("fil", "/fil/"),
        ("fil-PH,fil;q=0.9,en;q=0.5", "/fil/"),
        ("am-ET", "/am/"),
        ("fr-CA,fr;q=0.8", "/fr/"),
        ("de-DE,de;q=0.9", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_to_the_visitors_language(client, accept_language, expected, home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize("path", ["/de/", "/de/stories/", "/zh-hant/", "/ru/"])
def test_an_unknown_language_prefix_is_a_404(client, path, home):
    response = client.get(path)
    assert response.status_code == 404


def test_a_path_without_language_is_redirected_into_one(client, home):
    response = client.get("/stories/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302
    assert response["Location"] == "/fr/stories/"


@pytest.mark.parametrize("language_code", CAMPAIGN_LANGUAGES)
def test_every_locale_home_renders_with_lang_and_dir(client, language_code, home):
    page = html(client.get(f"/{language_code}/"))
    root = page.find("html")
    assert root["lang"] == language_code
    assert root["dir"] == ("rtl" if language_code == "ar" else "ltr")
    # the page is in its language: the demo's translated title, not the English one
    title = page.find("h1").get_text(strip=True)
    assert (title == "Safe Return, New Beginnings") == (language_code == "en")


@pytest.mark.parametrize("language_code", CAMPAIGN_LANGUAGES)
def test_every_section_renders_in_every_locale(client, language_code, home):
    for slug in ("stories", "podcasts", "training"):
        page = html(client.get(f"/{language_code}/{slug}/"))
        assert page.find("html")["lang"] == language_code


def test_ui_strings_are_translated(client, home):
    assert html(client.get("/fr/")).find("a", class_="skip-link").get_text() == "Aller au contenu"
    assert html(client.get("/ar/")).find("a", class_="skip-link").get_text() == "انتقل إلى المحتوى"
    assert (
        html(client.get("/es/")).find("a", class_="skip-link").get_text() == "Saltar al contenido"
    )


@pytest.mark.parametrize("language_code", ["am", "fil"])
def test_languages_django_lacks_have_language_info_from_babel(language_code):
    info = translation.get_language_info(language_code)
    assert info["name_local"] == endonym(language_code)
    assert info["bidi"] is False
    assert language_code in LANG_INFO


def test_endonyms_and_direction_come_from_babel():
    assert [endonym(code) for code in ("fr", "ar", "am", "ka", "sr", "fil")] == [
        "Français",
        "العربية",
        "አማርኛ",
        "ქართული",  # Georgian has no capitals in running text
        "Српски",
        "Filipino",
    ]
    assert [code for code in CAMPAIGN_LANGUAGES if is_rtl(code)] == ["ar"]


@pytest.mark.parametrize(
    ("language_code", "expected"),
    [
        ("en", "March 7, 2026"),
        ("fr", "7 mars 2026"),
        ("am", "7 ማርች 2026"),
        ("ar", "7 مارس 2026"),
        ("fil", "Marso 7, 2026"),
    ],
)
def test_dates_use_the_languages_cldr_format(language_code, expected):
    import datetime

    with translation.override(language_code):
        assert local_date(datetime.date(2026, 3, 7)) == expected


@pytest.mark.parametrize(
    ("language", "labels"),
    [("fr", ["Fait clé", "Énoncé", "Récits liés"]), ("ar", ["حقيقة أساسية", "المعلومة"])],
)
def test_streamfield_block_labels_follow_the_editors_language(
    admin_client, admin_user, story, language, labels
):
    import html as html_module
    import json

    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    page = html_module.unescape(admin_client.get(f"/admin/pages/{story.pk}/edit/").content.decode())
    for label in labels:
        # in the form's HTML, or in the block definitions' JSON (telepath escapes non-ASCII)
        assert label in page or json.dumps(label)[1:-1] in page, label
