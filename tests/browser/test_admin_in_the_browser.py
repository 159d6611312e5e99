"""The editor's side panels and translation sync, in Chromium on the demo site's admin: the
live preview (at phone size) and the content checks work on every page type in English and
Arabic; publishing a translated source offers to sync its translations."""

import json

import pytest

pytestmark = pytest.mark.browser

USERNAME, PASSWORD = "chief-editor", "a-long-test-password"
PAGES = """
import json
from campaign_site.core.models import HomePage
from stories.models import CountryPage, StoryPage
from podcasts.models import EpisodePage, ShowPage
from training.models import ModulePage
from wagtail_localize.models import Translation
pages = []
for model in (HomePage, CountryPage, StoryPage, ShowPage, EpisodePage, ModulePage):
    for code in ("en", "ar"):
        page = model.objects.live().filter(locale__language_code=code).first()
        if page:
            translation = Translation.objects.filter(
                source__object_id=page.translation_key, target_locale=page.locale
            ).first()
            pages.append([page.pk, code, page.title, translation and translation.pk])
print(json.dumps(pages))
"""


@pytest.fixture(scope="module")
def pages(site, manage):
    manage("ensure_admin", ADMIN_USERNAME=USERNAME, ADMIN_PASSWORD=PASSWORD)
    return json.loads(manage("shell", "-c", PAGES).strip().splitlines()[-1])


def log_in(page, site):
    page.goto(site + "/admin/login/")
    page.fill("input[name=username]", USERNAME)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(site + "/admin/")


def test_preview_and_checks_work_on_every_page_type_in_english_and_arabic(page, site, pages):
    assert [code for _pk, code, _title, _translation in pages].count("en") == 6  # every page type
    assert [code for _pk, code, _title, _translation in pages].count(
        "ar"
    ) >= 4  # Arabic has no podcast yet
    log_in(page, site)
    for pk, code, title, translation in pages:
        if translation is None:  # Wagtail's editor: the live preview at phone size, the checks
            page.goto(f"{site}/admin/pages/{pk}/edit/")
            page.click("[data-side-panel-toggle=preview]")
            page.check("input[name=preview-size][value=mobile]", force=True)
            preview = page.frame_locator("#w-preview-iframe")
        else:  # a translation: wagtail-localize's editor opens its preview in a new tab
            page.goto(f"{site}/admin/localize/translate/{translation}/preview/")
            preview = page
        preview.locator(f"html[lang={code}]").wait_for(state="attached")
        heading = preview.locator("h1").first.inner_text()
        assert heading.strip() == title.strip(), (pk, code)
        if translation is not None:
            continue

        page.click("[data-side-panel-toggle=checks]")
        words = page.locator("[data-content-word-count]")
        page.wait_for_function(
            "element => /^[0-9]/.test(element.textContent.trim())", arg=words.element_handle()
        )
        assert int(words.inner_text().replace(",", "")) > 0, (pk, code)


def test_publishing_a_translated_source_offers_to_sync_its_translations(page, site, pages):
    story = next(pk for pk, code, _title, _translation in pages[4:] if code == "en")
    log_in(page, site)
    page.goto(f"{site}/admin/pages/{story}/edit/")
    page.locator("footer .w-dropdown__toggle").first.click()
    page.click("button[name=action-publish]")
    sync = page.get_by_role("link", name="Sync translated pages")
    sync.wait_for()
    assert "/admin/localize/update/" in sync.get_attribute("href")

    sync.click()
    page.click("main form button[type=submit], main form input[type=submit]")
    page.get_by_text("Successfully updated").first.wait_for()


DUBBING = """
import json
from campaign_site.core.models import CampaignMedia
from stories.models import StoryPage
french = StoryPage.objects.get(locale__language_code="fr", slug="fishing-again-in-saint-louis")
dubbed = CampaignMedia.objects.get(title="Story video: A mentor in San Miguel")
print(json.dumps([french.pk, french.video_id, dubbed.pk, dubbed.title]))
"""
OVERRIDE = """
import json
from wagtail_localize.models import SegmentOverride, Translation
from stories.models import StoryPage
french = StoryPage.objects.get(locale__language_code="fr", slug="fishing-again-in-saint-louis")
Translation.objects.get(
    source__object_id=french.translation_key, target_locale=french.locale
).save_target(publish=True)  # what "Publish in French" does
french.refresh_from_db()
overrides = SegmentOverride.objects.filter(locale__language_code="fr", context__path="video")
print(json.dumps([[json.loads(override.data_json) for override in overrides], french.video_id]))
"""


def test_a_translation_chooses_its_dubbed_video_in_the_translation_editor(
    page, site, manage, pages
):
    """wagtail-localize's editor shows a searchable chooser for the translation's own video
    (it showed the bare id of the source's), and saves the choice as this language's override."""
    french, shared, dubbed, title = json.loads(
        manage("shell", "-c", DUBBING).strip().splitlines()[-1]
    )
    log_in(page, site)
    page.goto(f"{site}/admin/pages/{french}/edit/")
    page.get_by_role("button", name="Change audio or video").click()
    modal = page.locator(".modal")
    modal.locator("input[name=q]").fill("San Miguel")
    modal.get_by_role("link", name=title).click()
    page.get_by_text(title).wait_for()  # the editor names the chosen video
    overrides, video = json.loads(manage("shell", "-c", OVERRIDE).strip().splitlines()[-1])
    assert [int(value) for value in overrides] == [dubbed] and dubbed != shared
    assert video == dubbed  # the French story, published, plays its own video
    manage("shell", "-c", UNDO)  # the other tests share this site


UNDO = """
from wagtail_localize.models import SegmentOverride, Translation
from stories.models import StoryPage
french = StoryPage.objects.get(locale__language_code="fr", slug="fishing-again-in-saint-louis")
SegmentOverride.objects.filter(locale=french.locale, context__path="video").delete()
Translation.objects.get(
    source__object_id=french.translation_key, target_locale=french.locale
).save_target(publish=True)
"""
