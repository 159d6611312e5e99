"""Translating in the admin: a requested translation is a draft until it is translated and
published, slugs follow the source, and machine translation fills first drafts when configured."""

import os
import subprocess
import sys

import pytest

from django.test import override_settings
from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from campaign_site.translation.pseudo import pseudo, pseudo_html
from stories.models import StoryPage

from .conftest import html

PSEUDO_TRANSLATOR = {"CLASS": "campaign_site.translation.pseudo.PseudoTranslator"}


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.org", "pw")
    client.force_login(user)
    return user


@pytest.fixture
def untranslated(db, locales):
    """An English story and a language it lacks whose country page exists (so it can be
    requested), as (story, locale)."""
    for story in StoryPage.objects.filter(locale=locales["en"]).live():
        for code in ("fr", "es", "pt", "ar", "bn"):
            if story.get_parent().has_translation(locales[code]) and not story.has_translation(
                locales[code]
            ):
                return story, locales[code]
    pytest.fail("the demo has no story missing a translation whose country page exists")


@pytest.fixture
def request_translation(client, django_capture_on_commit_callbacks):
    def request(page, locale):
        # what the view leaves to the end of its transaction (a publish) runs, as in production
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
                {"locales": [locale.pk]},
            )
        assert response.status_code == 302, response.content[:2000]
        return page.get_translation(locale)

    return request


def test_requesting_a_translation_publishes_nothing(
    client, admin, untranslated, request_translation
):
    story, locale = untranslated
    translated = request_translation(story, locale)

    assert not translated.live
    client.logout()
    assert client.get(translated.get_url()).status_code == 404
    english = html(client.get(story.url))
    assert not english.find("link", rel="alternate", hreflang=locale.language_code)
    assert translated.get_url() not in client.get("/sitemap.xml").content.decode()


def test_the_slug_is_the_sources_and_never_a_string_to_translate(
    client, admin, untranslated, request_translation, django_capture_on_commit_callbacks
):
    story, locale = untranslated
    request_translation(story, locale)
    translation = Translation.objects.get(
        source__object_id=story.translation_key, target_locale=locale
    )
    po = translation.export_po()
    assert story.slug not in {entry.msgid for entry in po}

    for entry in po:
        entry.msgstr = f"[{locale.language_code}] {entry.msgid}"
    translation.import_po(po)
    total, translated = translation.get_progress()
    assert total == translated  # nothing left over, the slug included

    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes then
        translation.save_target(publish=True)
    page = story.get_translation(locale)
    assert page.live and page.slug == story.slug
    assert page.title == f"[{locale.language_code}] {story.title}"


def test_machine_translation_is_off_unless_configured(
    client, admin, untranslated, request_translation
):
    story, locale = untranslated
    request_translation(story, locale)
    translation = Translation.objects.get(
        source__object_id=story.translation_key, target_locale=locale
    )
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    assert client.post(url).status_code == 404
    assert not StringTranslation.objects.filter(
        locale=locale, context__object=translation.source.object
    ).exists()


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=PSEUDO_TRANSLATOR)
def test_machine_translation_fills_a_first_draft(client, admin, untranslated, request_translation):
    story, locale = untranslated
    translated_page = request_translation(story, locale)
    translation = Translation.objects.get(
        source__object_id=story.translation_key, target_locale=locale
    )
    edit = reverse("wagtailadmin_pages:edit", args=[translated_page.pk])
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    response = client.post(f"{url}?next={edit}")
    assert response.status_code == 302 and response["Location"] == edit

    total, translated = translation.get_progress()
    assert total == translated
    translation.save_target()  # what the translator's "Save" does
    draft = Page.objects.get(pk=translated_page.pk).get_latest_revision_as_object()
    # the development pseudo-translator's marked "translation"
    assert draft.title == f"[{locale.language_code}] {pseudo(story.title)}"
    assert draft.title != story.title
    assert not Page.objects.get(pk=translated_page.pk).live


def test_the_pseudo_translation_keeps_markup_placeholders_and_addresses():
    source = (
        'Read <a id="a1">the report</a> on <b>%(country)s</b>: {count} stories, '
        "{{ name }} and %s at https://example.org/Report?Lang=en or info@example.org."
    )
    translated = pseudo_html(source, "fr")
    assert translated.startswith("[fr] ")
    for kept in ('<a id="a1">', "</a>", "<b>", "%(country)s", "{count}", "{{ name }}", "%s"):
        assert kept in translated
    assert "https://example.org/Report?Lang=en" in translated and "info@example.org" in translated
    assert '<a id="a1">ţhé ŕépöŕţ</a>' in translated and translated.startswith("[fr] Ŕéåd ")


def test_settings_dev_offers_the_pseudo_translator_and_production_none():
    def translator(settings_module, **env):
        code = "from django.conf import settings; "
        code += "print(getattr(settings, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', {}).get('CLASS'))"
        environment = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module, **env}
        environment["SECRET_KEY"], environment["ALLOWED_HOSTS"] = "x" * 50, "campaign.example"
        for name in ("LIBRETRANSLATE_URL", "DEEPL_AUTH_KEY", "PSEUDO_TRANSLATION"):
            environment.pop(name, None)
        environment.update(env)
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-c", "import django; django.setup(); " + code],
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout.strip()

    pseudo_class = PSEUDO_TRANSLATOR["CLASS"]
    assert translator("campaign_site.settings.dev") == pseudo_class
    assert translator("campaign_site.settings.dev", PSEUDO_TRANSLATION="false") == "None"
    assert translator("campaign_site.settings.production") == "None"
    assert translator("campaign_site.settings.production", PSEUDO_TRANSLATION="true") == (
        pseudo_class
    )


@override_settings(SYNC_TRANSLATIONS_ON_PUBLISH=True)
def test_publishing_a_source_can_sync_its_translations_at_once(rf, admin, story, locales):
    from django.contrib.messages.storage.fallback import FallbackStorage

    from wagtail_localize.models import StringTranslation

    from campaign_site.translation.suggestions import SUGGESTION
    from campaign_site.translation.wagtail_hooks import sync_translations_of_a_published_source

    french = story.get_translation(locales["fr"])
    french_title = french.title
    story.title = "Fishing again, a year later"
    story.save_revision(user=admin).publish()
    request = rf.post("/admin/")
    request.user, request.session = admin, {}
    request._messages = FallbackStorage(request)

    sync_translations_of_a_published_source(request, story)

    translation = Translation.objects.get(
        source__object_id=story.translation_key, target_locale=locales["fr"]
    )
    assert "Fishing again, a year later" in {entry.msgid for entry in translation.export_po()}
    # the new title waits for its translator, with the previous translation as a suggestion
    suggestion = StringTranslation.objects.get(
        translation_of__data="Fishing again, a year later", locale=locales["fr"]
    )
    assert (suggestion.data, suggestion.tool_name) == (french_title, str(SUGGESTION))
    french.refresh_from_db()
    assert french.live and french.title == french_title  # nothing published
    assert "synced" in str(list(request._messages)[0])


def test_a_bulk_action_requests_translations_of_the_selected_pages(
    client, admin, locales, django_capture_on_commit_callbacks
):
    stories = [
        story
        for story in StoryPage.objects.filter(locale=locales["en"])
        if not story.has_translation(locales["pt"])
        and story.get_parent().has_translation(locales["pt"])
    ][:2]
    assert len(stories) == 2
    url = "/admin/bulk/wagtailcore/page/translate/?" + "&".join(f"id={s.pk}" for s in stories)
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert all(story.title in confirm.content.decode() for story in stories)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"locales": [locales["pt"].pk, locales["am"].pk]})
    assert response.status_code == 302
    for story in stories:
        portuguese = story.get_translation(locales["pt"])
        assert not portuguese.live and portuguese.slug == story.slug  # a draft to translate
        assert Translation.objects.filter(
            source__object_id=story.translation_key, target_locale=locales["pt"]
        ).exists()
