"""Trainers' use of a module, in Chromium: inside an LMS (SCORM 1.2 against scorm-again), in an
iframe on another site, and offline from the unzipped training pack."""

import contextlib
import io
import json
import re
import shutil
import urllib.request
import zipfile

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser
MODULE = "/ar/training/case-management-for-returnees/"

LMS_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Test LMS</title>
<script src="scorm12.js"></script>
<script>
  // scorm-again plays the LMS; calls are counted to prove the SCO commits and finishes once.
  window.API = new Scorm12API({ logLevel: 5 });
  var kept = PRELOAD;  // what the LMS kept from an earlier session
  if (kept) { window.API.loadFromJSON(kept, "cmi"); }
  window.calls = { LMSInitialize: 0, LMSCommit: 0, LMSFinish: 0, LMSSetValue: 0 };
  window.values = {};
  ["LMSInitialize", "LMSCommit", "LMSFinish", "LMSSetValue"].forEach(function (name) {
    var original = window.API[name].bind(window.API);
    window.API[name] = function (key, value) {
      window.calls[name] += 1;
      if (name === "LMSSetValue") { window.values[key] = value; }
      return original.apply(null, arguments);
    };
  });
</script></head>
<body><iframe id="sco" src="package/index.html" width="800" height="600"></iframe></body></html>
"""


def download(url):
    with urllib.request.urlopen(url) as response:  # noqa: S310 (our own localhost server)
        return response.read()


def open_lms(page, site, other_origin, scorm_again, name, kept=None):
    """An LMS page (scorm-again) on another origin with the module's SCORM package in a frame;
    ``kept``: the learner's data from an earlier session."""
    root, origin = other_origin
    lms = root / name
    lms.mkdir()
    (lms / "index.html").write_text(LMS_PAGE.replace("PRELOAD", json.dumps(kept), 1))
    shutil.copy(scorm_again, lms / "scorm12.js")
    zipfile.ZipFile(io.BytesIO(download(site + MODULE + "scorm.zip"))).extractall(lms / "package")
    page.goto(f"{origin}/{name}/index.html")
    page.wait_for_function("window.calls.LMSInitialize === 1")
    return page.frame(url=lambda url: url.endswith("package/index.html"))


def play_briefly(target):
    """Play the first video for 0.8 s; return how far it got."""
    return target.evaluate(
        """async () => {
            const video = document.querySelector("video");
            video.muted = true;
            await video.play();
            await new Promise((resolve) => setTimeout(resolve, 800));
            return video.currentTime;
        }"""
    )


def status(page):
    return page.evaluate("window.API.cmi.core.lesson_status")


def play_until(frame, fraction, rate=2):
    """Play the module's video (twice as fast by default) until this fraction of it has been
    played."""
    frame.evaluate(
        """async ([fraction, rate]) => {
            const video = document.querySelector("video");
            video.muted = true;
            video.playbackRate = rate;
            await video.play();
            await new Promise((resolve) => {
                const check = () => {
                    if (video.currentTime >= fraction * video.duration || video.ended) {
                        video.pause();
                        resolve();
                    }
                    else { requestAnimationFrame(check); }
                };
                check();
            });
        }""",
        [fraction, rate],
    )


def test_scorm_package_reaches_completed_only_after_90_percent(
    page, site, other_origin, scorm_again
):
    sco = open_lms(page, site, other_origin, scorm_again, "lms")
    assert status(page) == "incomplete"

    play_until(sco, 0.8)
    assert sco.evaluate("window.campaignScorm.watchedSeconds() / window.campaignScorm.total") < 0.9
    assert status(page) == "incomplete"

    play_until(sco, 1.0)
    page.wait_for_function("window.API.cmi.core.lesson_status === 'completed'")
    assert sco.locator(".progress").text_content() == sco.locator(".progress").get_attribute(
        "data-complete-message"
    )

    sco.evaluate(
        "['pagehide', 'beforeunload'].forEach((name) => window.dispatchEvent(new Event(name)))"
    )
    assert page.evaluate("window.calls.LMSFinish") == 1
    assert page.evaluate("window.calls.LMSCommit") >= 2
    assert re.fullmatch(
        r"0000:00:\d\d\.\d\d", page.evaluate("window.values['cmi.core.session_time']")
    )
    assert page.evaluate("window.API.LMSGetLastError()") == "0"
    # Moodle's default grading takes the highest score: a completed module reports 90 or more.
    assert 90 <= int(page.evaluate("window.API.cmi.core.score.raw")) <= 100
    assert page.evaluate("[window.API.cmi.core.score.min, window.API.cmi.core.score.max]") == [
        "0",
        "100",
    ]


def test_half_today_and_half_tomorrow_completes_the_module(page, site, other_origin, scorm_again):
    """The first session stops half-way: the LMS keeps the score, the played ranges and the
    position. The second session starts there, and completes after the rest is played."""
    sco = open_lms(page, site, other_origin, scorm_again, "lms-day-1")
    play_until(sco, 0.55)
    sco.evaluate("window.dispatchEvent(new Event('pagehide'))")
    first = page.evaluate("window.values")  # the last value the SCO set for each element
    assert status(page) == "incomplete"
    assert first["cmi.core.exit"] == "suspend"
    assert 45 <= int(first["cmi.core.score.raw"]) < 90
    assert first["cmi.suspend_data"].startswith("0:0.0-")
    index, position = first["cmi.core.lesson_location"].split(":")
    assert index == "0" and float(position) > 0

    kept = {
        "core": {
            "lesson_status": "incomplete",
            "lesson_location": first["cmi.core.lesson_location"],
            "score": {"raw": first["cmi.core.score.raw"], "min": "0", "max": "100"},
        },
        "suspend_data": first["cmi.suspend_data"],
    }
    sco = open_lms(page, site, other_origin, scorm_again, "lms-day-2", kept=kept)
    sco.wait_for_function(
        "document.querySelector('video').currentTime > 0", timeout=10_000
    )  # resumed where the learner stopped
    assert sco.evaluate("document.querySelector('video').currentTime") == pytest.approx(
        float(position), abs=0.6
    )
    assert sco.locator(".progress").text_content() == sco.locator(".progress").get_attribute(
        "data-resume-message"
    )
    assert status(page) == "incomplete"
    play_until(sco, 1.0)  # only the second half: the first half counts from yesterday
    page.wait_for_function("window.API.cmi.core.lesson_status === 'completed'")
    assert int(page.evaluate("window.API.cmi.core.score.raw")) >= 90


def test_skipping_ahead_does_not_complete_the_module(page, site, other_origin, scorm_again):
    sco = open_lms(page, site, other_origin, scorm_again, "lms-skip")
    sco.evaluate(
        """async () => {
            const video = document.querySelector("video");
            video.muted = true;
            await video.play();
            video.currentTime = video.duration - 0.2;  // jump to the end
            await new Promise((done) => video.addEventListener("ended", done, { once: true }));
        }"""
    )
    assert sco.evaluate("window.campaignScorm.watchedSeconds()") < 1
    assert status(page) == "incomplete"


def test_the_module_plays_in_an_iframe_on_another_origin(page, site, other_origin):
    root, origin = other_origin
    (root / "course.html").write_text(
        f"""<!DOCTYPE html><html><body><h1>Partner course</h1>
        <iframe id="module" src="{site}{MODULE}embed/" width="640" height="408" title="M"></iframe>
        <iframe id="forbidden" src="{site}{MODULE}" width="640" height="408" title="Page"></iframe>
        </body></html>"""
    )
    page.goto(f"{origin}/course.html")
    embed = page.frame(url=f"{site}{MODULE}embed/")
    embed.locator("video").wait_for()
    assert embed.evaluate("document.documentElement.dir") == "rtl"
    assert play_briefly(embed) > 0.3
    # The module page itself refuses to be framed.
    forbidden = page.frame_locator("#forbidden")
    assert forbidden.locator("video").count() == 0


TRACKS_LOADED = """() => {
    const tracks = [...document.querySelectorAll("video track")];
    tracks.forEach((element) => {
        if (element.track.mode === "disabled") element.track.mode = "hidden";
    });
    return tracks.length > 0 && tracks.every((element) => element.readyState >= 2);
}"""


def track_states(target):
    """Ask every track to load (as choosing it in the player's menu does) and wait: 2 is
    LOADED, 3 is ERROR."""
    with contextlib.suppress(PlaywrightTimeout):  # the states then tell what went wrong
        target.wait_for_function(TRACKS_LOADED, timeout=10_000)
    return target.eval_on_selector_all("video track", "tracks => tracks.map(t => t.readyState)")


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_the_training_pack_works_offline(page, site, tmp_path, language):
    """Opened from the unzipped folder (a file: page, a unique origin): the video plays and
    every subtitle track loads."""
    module = MODULE.replace("/ar/", f"/{language}/")
    zipfile.ZipFile(io.BytesIO(download(site + module + "pack.zip"))).extractall(tmp_path)
    page.goto((tmp_path / "index.html").as_uri())
    assert page.evaluate("document.documentElement.lang") == language
    assert play_briefly(page) > 0.3
    links = page.eval_on_selector_all(
        ".documents a, .transcripts a, .subtitles a", "links => links.map(a => a.href)"
    )
    assert len(links) >= 4
    for href in links:
        assert (tmp_path / href.removeprefix(tmp_path.as_uri() + "/")).is_file(), href
    states = track_states(page)
    assert len(states) == len(page.eval_on_selector_all(".subtitles a", "links => links")) > 1
    assert set(states) == {2}
    cues = page.evaluate(
        "[...document.querySelector('video').textTracks].map(track => track.cues.length)"
    )
    assert all(count > 0 for count in cues)


def module_page_codes(site):
    """The two embed codes a trainer copies from the module page."""
    from bs4 import BeautifulSoup

    page = BeautifulSoup(download(site + MODULE), "html.parser")
    return [textarea.get_text() for textarea in page.select(".embed-box textarea")]


@pytest.mark.parametrize("sandbox", [None, "allow-scripts allow-same-origin", "allow-scripts"])
def test_the_copied_embed_code_shows_the_whole_player(page, site, other_origin, sandbox):
    """The codes from the module page, pasted into another site's page at 320, 360 and 1200 px,
    plain and sandboxed as WordPress writes unknown providers' frames: the whole video, its
    controls included, is inside the frame, and every subtitle track loads."""
    responsive, fixed = module_page_codes(site)
    assert "<iframe" in responsive and "<iframe" in fixed
    if sandbox:
        responsive, fixed = (
            code.replace("<iframe ", f'<iframe sandbox="{sandbox}" ')
            for code in (responsive, fixed)
        )
    root, origin = other_origin
    name = f"course-{(sandbox or 'plain').replace(' ', '-')}.html"
    (root / name).write_text(
        f"""<!DOCTYPE html><html><head><meta charset="utf-8">
        <style>body {{ margin: 0 }}</style></head><body>
        <div id="phone" style="width:320px">{responsive}</div>
        <div id="narrow" style="width:360px">{responsive}</div>
        <div id="wide" style="width:1200px">{responsive}</div>
        <div id="fixed">{fixed}</div></body></html>"""
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{origin}/{name}")
    frames = []
    for index, width in enumerate((320, 360, 1200, 640)):
        iframe = page.locator("iframe").nth(index)
        iframe.scroll_into_view_if_needed()  # the codes load lazily
        page.frame_locator(f"iframe >> nth={index}").locator("video").first.wait_for()
        frame = iframe.element_handle().content_frame()
        assert frame.url == f"{site}{MODULE}embed/"
        # The video shows once parsed, before the stylesheet has applied: measured unstyled, an
        # Arabic (right-to-left) frame overflowed to the left. Visitors see only the styled one.
        frame.wait_for_load_state("load")
        frames.append(frame)
        box = frame.evaluate(
            """() => {
                const video = document.querySelector("video").getBoundingClientRect();
                return { top: video.top, bottom: video.bottom, left: video.left, right: video.right,
                         width: innerWidth, height: innerHeight };
            }"""
        )
        assert box["width"] == width
        assert box["top"] >= 0 and box["left"] >= 0
        assert box["bottom"] <= box["height"] and box["right"] <= box["width"], box
        assert box["bottom"] - box["top"] > 0.5 * box["height"]  # the player fills the frame
        assert set(track_states(frame)) == {2}
        assert frame.evaluate("document.fullscreenEnabled")  # the code allows it
    assert play_briefly(frames[0]) > 0.3
