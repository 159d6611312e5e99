"""What a visitor sees in Chromium: no third-party request before a click, the language
switcher, right-to-left layout."""

import pytest

pytestmark = pytest.mark.browser
STORY = "/en/stories/bangladesh/a-tailoring-shop-in-sylhet/"


def test_no_third_party_request_until_the_visitor_asks_for_the_mirror(page, site):
    hosts = []
    page.on("request", lambda request: hosts.append(request.url.split("/")[2]))
    page.goto(site + STORY)
    page.wait_for_load_state("networkidle")
    assert set(hosts) == {site.split("/")[2]}

    # The Share button shows only where the browser can share (the Web Share API).
    assert page.locator("[data-web-share]").is_visible() == page.evaluate("'share' in navigator")
    page.get_by_role("link", name="Watch on YouTube instead").click()
    frame = page.locator("iframe.mirror-frame")
    assert frame.get_attribute("src").startswith(
        "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"
    )
    assert page.url == site + STORY  # the script opened the player here instead of leaving


def test_transcript_links_seek_the_video(page, site):
    page.goto(site + STORY)
    page.locator(".transcript a").nth(1).click()
    assert page.evaluate("document.querySelector('video').currentTime") == pytest.approx(
        3.0, abs=0.3
    )


def test_the_switcher_leads_to_the_same_story_in_arabic(page, site):
    page.goto(site + "/fr/stories/senegal/fishing-again-in-saint-louis/")
    page.get_by_role("link", name="العربية").click()
    page.wait_for_url("**/ar/stories/senegal/fishing-again-in-saint-louis/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    # logical properties: in RTL the site name sits at the right edge of the header
    box = page.locator(".site-name").bounding_box()
    assert box["x"] > page.viewport_size["width"] / 2


def test_on_a_phone_the_languages_fold_into_a_menu_that_needs_no_script(browser, site):
    phone = browser.new_context(viewport={"width": 375, "height": 812}, java_script_enabled=False)
    page = phone.new_page()
    page.goto(site + STORY)
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 180, header  # was 249 of 812 px with every language listed
    arabic = page.get_by_role("link", name="العربية")
    assert not arabic.is_visible()
    page.locator(".language-menu summary").click()
    assert arabic.is_visible()
    arabic.click()
    page.wait_for_url("**/ar/stories/**")
    phone.close()

    desktop = browser.new_context(viewport={"width": 1366, "height": 900})
    page = desktop.new_page()
    page.goto(site + STORY)
    assert page.get_by_role("link", name="العربية").is_visible()  # listed, no menu to open
    assert not page.locator(".language-menu summary").is_visible()
    desktop.close()


def weigh_before_play(browser, site, path, **phone):
    """{url: bytes with headers} of everything a phone loads for ``path`` before play."""
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, **phone)
    page = context.new_page()
    requests = []
    page.on("requestfinished", lambda request: requests.append(request))
    page.goto(site + path)
    page.wait_for_load_state("networkidle")
    sizes = {
        request.url: request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"]
        for request in requests
    }
    poster = page.locator(".player-poster")
    chosen = poster.evaluate("image => image.currentSrc")
    # the poster covers the player, behind the controls, until the video plays
    assert poster.bounding_box() == page.locator(".player video").bounding_box()
    context.close()
    assert not any(url.endswith(".mp4") for url in sizes)  # the video waits for play
    return sizes, chosen


def test_a_story_with_a_photographic_poster_weighs_under_60_kb_on_a_phone(browser, site):
    """Everything a phone downloads for a story page before play: HTML, CSS, script, poster
    (a picture with a photograph's weight, sized for the screen) and icons, headers included."""
    sizes, chosen = weigh_before_play(browser, site, STORY, device_scale_factor=2)
    # the 800-pixel AVIF for a 375-pixel screen at twice the density; a photograph's weight
    assert chosen.endswith("fill-800x450.avif"), chosen
    assert sizes[chosen] > 15_000, sizes
    assert sum(sizes.values()) < 60_000, sizes

    # at three times the density, asking to save data: the smallest poster
    sizes, chosen = weigh_before_play(
        browser, site, STORY, device_scale_factor=3, extra_http_headers={"Save-Data": "on"}
    )
    assert chosen.endswith("fill-480x270.avif"), chosen
    assert sum(sizes.values()) < 60_000, sizes


def test_two_players_on_one_page_each_follow_their_own_transcript(page, site):
    """The first demo module has two videos: each transcript seeks its own player only."""
    page.goto(site + "/en/training/understanding-sustainable-reintegration/")
    players = page.locator("[data-player] video")
    assert players.count() == 2
    transcripts = page.locator(".transcript")
    assert transcripts.count() == 2
    transcripts.nth(1).locator("a").nth(1).click()
    times = page.evaluate(
        "[...document.querySelectorAll('[data-player] video')].map(v => v.currentTime)"
    )
    assert times[0] == 0
    assert times[1] == pytest.approx(3.0, abs=0.3)
    transcripts.nth(0).locator("a").nth(1).click()
    first = page.evaluate("document.querySelectorAll('[data-player] video')[0].currentTime")
    assert first == pytest.approx(3.0, abs=0.3)
