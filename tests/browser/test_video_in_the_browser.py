"""The data-saver player in Chromium, on a slow link (Chrome DevTools Protocol: 400 kbit/s down,
400 ms latency): the story starts at the lowest height, and with Save-Data the 720p rendition is
never fetched. What was fetched before the first frame is reported (the bench prints it too)."""

import pytest

pytestmark = pytest.mark.browser

# a story whose editor uploaded no data-saver file of their own (that one would override)
STORY = "/en/stories/el-salvador/a-mentor-in-san-miguel/"
SLOW = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 400_000 / 8,  # bytes a second
    "uploadThroughput": 400_000 / 8,
}
FETCHED = """() => performance.getEntriesByType("resource").map(entry => ({
    name: new URL(entry.name).pathname, bytes: entry.transferSize || entry.encodedBodySize
}))"""
FIRST_FRAME = """() => new Promise(resolve => {
    const video = document.querySelector("video");
    video.muted = true;
    video.requestVideoFrameCallback(() => resolve(video.dataset.height || ""));
    video.play();
})"""


def renditions_of(fetched):
    return [entry for entry in fetched if "/renditions/" in entry["name"]]


def throttled(page):
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", SLOW)
    return session


def test_on_a_slow_link_the_story_starts_at_the_lowest_height(page, site, record_property):
    throttled(page)
    page.goto(site + STORY)
    before_play = page.evaluate(FETCHED)
    assert not renditions_of(before_play)  # nothing of the video before play
    assert not any("hls" in entry["name"] for entry in before_play)  # nor the HLS library
    height = page.evaluate(FIRST_FRAME)
    fetched = page.evaluate(FETCHED)
    media = renditions_of(fetched)
    assert media, fetched
    assert media[0]["name"].endswith("/master.m3u8")
    first_picture = next(entry for entry in media if entry["name"].endswith(".m4s"))
    assert first_picture["name"].endswith("/240p.m4s"), media
    assert height == "240"
    assert not any("/720p" in entry["name"] for entry in media), media
    total = sum(entry["bytes"] for entry in fetched)
    record_property("bytes_before_first_frame", total)
    print(f"fetched before the first frame at 400 kbit/s: {total} bytes in {len(fetched)} files")


@pytest.mark.parametrize("save_data", [True, False])
def test_with_save_data_the_720p_rendition_is_never_fetched(browser, site, save_data):
    """Played to the end on a fast link in a large player: without Save-Data the player steps
    up to 720p (so the test can tell), with it never."""
    context = browser.new_context(
        viewport={"width": 1600, "height": 1000},
        extra_http_headers={"Save-Data": "on"} if save_data else {},
    )
    page = context.new_page()
    try:
        page.goto(site + STORY)
        page.evaluate(FIRST_FRAME)
        page.evaluate(
            """() => new Promise(resolve => {
                const video = document.querySelector("video");
                video.addEventListener("ended", resolve);
            })"""
        )
        names = [entry["name"] for entry in renditions_of(page.evaluate(FETCHED))]
        assert any(name.endswith(".m4s") for name in names), names
        assert any(name.endswith("/720p.m4s") for name in names) is not save_data, names
    finally:
        context.close()


def test_the_quality_choice_switches_height(page, site):
    page.goto(site + STORY)
    page.evaluate(FIRST_FRAME)
    page.select_option("[data-quality]", "720")
    page.wait_for_function("() => document.querySelector('video').dataset.height === '720'")
    page.evaluate(
        """() => new Promise(resolve => {
            const video = document.querySelector("video");
            video.requestVideoFrameCallback(resolve);
        })"""
    )
    names = [entry["name"] for entry in renditions_of(page.evaluate(FETCHED))]
    assert any(name.endswith("/720p.m4s") for name in names), names
