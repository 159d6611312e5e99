"""axe-core (npm) in Chromium: the public pages have no serious or critical accessibility
violations, in a left-to-right and a right-to-left language."""

from pathlib import Path

import pytest

from .conftest import require

pytestmark = pytest.mark.browser
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "/{code}/",
    "/{code}/stories/",
    "/{code}/stories/senegal/fishing-again-in-saint-louis/",
    "/{code}/podcasts/return-conversations/",
    "/{code}/training/",
    "/{code}/training/case-management-for-returnees/",
]


def serious_violations(browser, url, break_it=""):
    context = browser.new_context(bypass_csp=True)  # our CSP rightly refuses the injected axe
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


@pytest.mark.parametrize("code", ["fr", "ar"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(browser, site, code, path):
    require(AXE.exists(), "axe-core is not installed: run `npm install` in tests/browser")
    assert serious_violations(browser, site + path.format(code=code)) == []


def test_the_check_catches_a_violation(browser, site):
    """The control: an image without alternative text added to a page is reported."""
    require(AXE.exists(), "axe-core is not installed: run `npm install` in tests/browser")
    image_without_alt = "document.querySelector('main').append(document.createElement('img'))"
    found = serious_violations(browser, site + "/en/", break_it=image_without_alt)
    assert [violation.split(":")[0] for violation in found] == ["image-alt"]
