"""The admin in Chromium on the demo site: the live preview (at phone size) and the content
checks on every page type in English and Arabic; publishing a translated source offers to sync
its translations; a translation's dubbed video chosen in the translation editor; and a country
team's whole week, from a new story to three live languages through moderation, with the
coverage matrix following each step."""

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

USERNAME, PASSWORD = "chief-editor", "a-long-test-password"
PAGES = """
import json
from campaign_site.pages.models import HomePage
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
from campaign_site.media.models import CampaignMedia
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
    modal.wait_for(state="hidden")  # closing: its results still name the video a moment
    page.locator("#main").get_by_text(title).wait_for()  # the editor names the chosen video
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


SENEGAL = """
from stories.models import CountryPage
print(CountryPage.objects.get(locale__language_code="en", slug="senegal").pk)
"""
STORY_URL = "/en/stories/senegal/market-day-in-dakar/"
VIDEO = Path(__file__).resolve().parents[2] / "campaign_site/demo/files/stories/story-sv.mp4"
SUBTITLES = "WEBVTT\n\n00:00:00.500 --> 00:00:02.500\nC'est jour de marché.\n".encode()
JOURNEY_USERS = """
from django.contrib.auth.models import Group, User
for name, group in (("awa", "Country team: Senegal"), ("mod", "Moderators")):
    user, _new = User.objects.get_or_create(username=name, email=f"{name}@example.org")
    user.set_password("a-long-test-password")
    user.save()
    user.groups.add(Group.objects.get(name=group))
"""
CONSENT = """
import datetime
from stories.models import ConsentRecord, StoryPage
story = StoryPage.objects.get(locale__language_code="en", slug="market-day-in-dakar")
ConsentRecord.objects.create(
    story=story, person="Moussa", scope="Video on the website", given_on=datetime.date(2026, 11, 1)
)
print(story.pk)
"""
TRANSLATIONS = """
from stories.models import StoryPage
print(" ".join(
    str(StoryPage.objects.get(locale__language_code=code, slug="market-day-in-dakar").pk)
    for code in ("fr", "ar")
))
"""
ROW = """() => {
  const row = [...document.querySelectorAll("tr")]
    .find(tr => tr.textContent.includes("Market day in Dakar"));
  const heads = [...row.closest("table").querySelectorAll("thead th")]
    .map(th => th.textContent.trim());
  return Object.fromEntries(
    [...row.children].map((cell, index) => [heads[index], cell.textContent.trim()])
  );
}"""
WORDS = {
    "fr": ["Jour de marché à Dakar", "Moussa vend de nouveau du poisson au marché."],
    "ar": ["يوم السوق في داكار", "يبيع موسى السمك في السوق من جديد."],
}


def test_a_country_team_story_goes_live_in_three_languages_only_through_moderation(
    browser, site, manage
):
    """The whole week of a country team, in Chromium: a story written with its video uploaded
    in place, submitted; approved by a moderator; French and Arabic requested, translated and
    submitted by the team; nothing public until approved; then live, and the coverage matrix
    says so; an English edit makes both outdated, a sync and publish makes them live again."""
    manage("shell", "-c", JOURNEY_USERS)

    def session(user):
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        page = context.new_page()
        page.goto(site + "/admin/login/")
        page.fill("input[name=username]", user)
        page.fill("input[name=password]", "a-long-test-password")
        page.click("button[type=submit]")
        page.wait_for_url(site + "/admin/")
        return context, page

    def footer_action(page, name):
        page.get_by_role("button", name="More actions").click()
        page.get_by_role("button", name=name, exact=True).click()
        page.wait_for_load_state()

    def matrix(page):
        page.goto(site + "/admin/reports/translation-coverage/?group=Senegal")
        row = page.evaluate(ROW)
        return row["Français"], row["العربية"]

    public = browser.new_context().new_page()
    senegal = json.loads(manage("shell", "-c", SENEGAL).strip().splitlines()[-1])

    # The team writes the story, uploads its video in the chooser, and submits it.
    team, awa = session("awa")
    awa.goto(f"{site}/admin/pages/add/stories/storypage/{senegal}/")
    awa.fill("#id_title", "Market day in Dakar")
    awa.fill("#id_summary", "Moussa sells fish again at the market.")
    awa.get_by_role("button", name="Choose video").click()
    modal = awa.locator(".modal")
    modal.get_by_role("tab", name="Upload Video").click()
    upload = modal.locator("form:visible").filter(has=awa.locator("input[type=file]"))
    upload.locator("input[name$=title]").fill("Market day in Dakar: video")
    upload.locator("input[name$='-file']").set_input_files(str(VIDEO))
    upload.locator("input[name$=spoken_language]").fill("wo")
    upload.locator("button[type=submit]").click()
    awa.get_by_text("Market day in Dakar: video").wait_for()
    footer_action(awa, "Submit to Moderators approval")
    assert "submitted for moderation" in awa.locator(".messages").inner_text()
    assert public.goto(site + STORY_URL).status == 404
    # ... and adds French subtitles to that video, from the video's own page
    awa.goto(site + "/admin/media/")
    awa.get_by_role("link", name="Market day in Dakar: video").click()
    awa.get_by_role("link", name="Add subtitles").click()
    awa.locator("select[name=language]").select_option("fr")
    awa.locator("input[name=file]").set_input_files(
        files=[{"name": "fr.vtt", "mimeType": "text/vtt", "buffer": SUBTITLES}]
    )
    awa.locator("main form [type=submit]").last.click()
    awa.wait_for_load_state()

    # The moderator records the storyteller's consent and approves.
    story = manage("shell", "-c", CONSENT).strip().splitlines()[-1]
    moderation, mod = session("mod")
    mod.goto(f"{site}/admin/pages/{story}/edit/")
    footer_action(mod, "Approve and Publish")
    assert public.goto(site + STORY_URL).status == 200
    assert public.locator("track[srclang=fr]").get_attribute("kind") == "subtitles"

    # The team requests French and Arabic, translates both and submits them.
    awa.goto(f"{site}/admin/localize/submit/page/{story}/")
    awa.get_by_label("French").check()
    awa.get_by_label("Arabic").check()
    awa.locator("main form [type=submit]").last.click()
    awa.wait_for_load_state()
    french, arabic = manage("shell", "-c", TRANSLATIONS).strip().splitlines()[-1].split()
    assert matrix(mod) == ("draft", "draft")
    for code, pk in (("fr", french), ("ar", arabic)):
        awa.goto(f"{site}/admin/pages/{pk}/edit/")
        for text in WORDS[code]:
            awa.get_by_role("button", name="Translate", exact=True).first.click()
            awa.locator("textarea").fill(text)
            awa.get_by_role("button", name="Save", exact=True).click()
            awa.get_by_text(text).wait_for()
        awa.goto(f"{site}/admin/translations/{pk}/submit/")
        awa.get_by_role("button", name="Submit translation for moderation").click()
        awa.wait_for_load_state()
        assert public.goto(f"{site}/{code}/stories/senegal/market-day-in-dakar/").status == 404
    assert matrix(mod) == ("awaiting moderation", "awaiting moderation")

    # The moderator approves both: live, and the matrix says so.
    for code, pk in (("fr", french), ("ar", arabic)):
        mod.goto(site + "/admin/")  # "Awaiting your review": its Approve sits in a row menu
        approve = mod.locator(f"button[data-workflow-action-url*='/{pk}/approve/']").first
        mod.wait_for_load_state("networkidle")  # the dashboard's scripts handle the click
        with mod.expect_navigation():
            approve.evaluate("button => button.click()")
        mod.wait_for_load_state("networkidle")
        response = public.goto(f"{site}/{code}/stories/senegal/market-day-in-dakar/")
        assert response.status == 200 and WORDS[code][0] in public.title()
    assert matrix(mod) == ("live", "live")

    # An edit of the English source makes both outdated; a sync and publish, live again.
    mod.goto(f"{site}/admin/pages/{story}/edit/")
    mod.fill("#id_summary", "Moussa sells fish again at the market, every morning.")
    footer_action(mod, "Publish")
    sync = mod.get_by_role("link", name="Sync translated pages").get_attribute("href")
    assert matrix(mod) == ("outdated", "outdated")
    mod.goto(site + sync)
    mod.get_by_label("Publish immediately").check()
    mod.locator("main form [type=submit]").last.click()
    mod.wait_for_load_state()
    assert matrix(mod) == ("live", "live")
    team.close()
    moderation.close()
