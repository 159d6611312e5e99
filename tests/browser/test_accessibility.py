"""axe-core (npm) in Chromium: the public pages have no serious or critical accessibility
violations on every page type in English, Arabic (right to left), Bengali and Amharic (scripts
of their own, and listings of items not yet translated into them), on a phone and on a desktop;
nothing overflows sideways at 320 px or with text at 200 %. Screenshots of home and story in
English and Arabic on a phone and a desktop are saved for review in build/screenshots/."""

from pathlib import Path

import pytest

from .conftest import require

pytestmark = pytest.mark.browser
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"
PAGES = [
    "/{code}/",
    "/{code}/stories/",
    "/{code}/stories/{story}/",
    "/{code}/podcasts/",
    "/{code}/podcasts/return-conversations/",
    "/{code}/podcasts/return-conversations/what-reintegration-means/",
    "/{code}/training/",
    "/{code}/training/understanding-sustainable-reintegration/",  # two players
    "/{code}/privacy/",
]
WIDTHS = {"phone": (375, 812), "desktop": (1366, 900)}
# A story each language has (Bengali and Amharic have their country's).
STORIES = {
    "bn": "bangladesh/a-tailoring-shop-in-sylhet",
    "am": "ethiopia/coffee-and-a-second-start",
}
# Left to right, right to left, and two scripts of their own: every page type in each.
LANGUAGE_PAGES = [
    (code, path.format(code=code, story=STORIES.get(code, "senegal/fishing-again-in-saint-louis")))
    for code in ("en", "ar", "bn", "am")
    for path in PAGES
]


def serious_violations(browser, url, break_it="", viewport=WIDTHS["desktop"]):
    width, height = viewport
    context = browser.new_context(  # our CSP rightly refuses the injected axe
        bypass_csp=True, viewport={"width": width, "height": height}
    )
    page = context.new_page()
    page.goto(url)
    if break_it:
        page.evaluate(break_it)
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("axe.run(document, { resultTypes: ['violations'] })")
    context.close()
    return [
        f"{violation['id']}: {violation['help']} (e.g. {violation['nodes'][0]['html'][:120]})"
        for violation in results["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("device", WIDTHS)
@pytest.mark.parametrize(("code", "path"), LANGUAGE_PAGES)
def test_no_serious_accessibility_violations(browser, site, code, path, device):
    require(AXE.exists(), "axe-core is not installed: run `npm install` in tests/browser")
    url = site + path
    assert serious_violations(browser, url, viewport=WIDTHS[device]) == []


@pytest.mark.parametrize(("code", "path"), LANGUAGE_PAGES)
def test_nothing_overflows_sideways_at_320_px_or_with_200_percent_text(browser, site, code, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site + path)
    overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    narrow = page.evaluate(overflow)
    page.set_viewport_size({"width": 375, "height": 812})
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    large_text = page.evaluate(overflow)
    context.close()
    assert (narrow, large_text) == (0, 0)


@pytest.mark.parametrize("code", ["en", "ar"])
def test_screenshots_of_home_and_story_for_review(browser, site, code):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in (("home", PAGES[0]), ("story", PAGES[2])):
        for device, (width, height) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            page.goto(site + path.format(code=code, story="senegal/fishing-again-in-saint-louis"))
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1000)  # Chromium's player controls settle before play
            target = SCREENSHOTS / f"{name}-{code}-{device}.png"
            page.screenshot(path=str(target), full_page=True)
            context.close()
            assert target.stat().st_size > 10_000


def test_the_check_catches_a_violation(browser, site):
    """The control: an image without alternative text added to a page is reported."""
    require(AXE.exists(), "axe-core is not installed: run `npm install` in tests/browser")
    image_without_alt = "document.querySelector('main').append(document.createElement('img'))"
    found = serious_violations(browser, site + "/en/", break_it=image_without_alt)
    assert [violation.split(":")[0] for violation in found] == ["image-alt"]
