"""Trainers' use of a module, in Chromium: inside an LMS (SCORM 1.2 against scorm-again), in an
iframe on another site, and offline from the unzipped training pack."""

import io
import re
import shutil
import urllib.request
import zipfile

import pytest

pytestmark = pytest.mark.browser
MODULE = "/ar/training/case-management-for-returnees/"

LMS_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Test LMS</title>
<script src="scorm12.js"></script>
<script>
  // scorm-again plays the LMS; calls are counted to prove the SCO commits and finishes once.
  window.API = new Scorm12API({ logLevel: 5 });
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


def open_lms(page, site, other_origin, scorm_again, name):
    """An LMS page (scorm-again) on another origin with the module's SCORM package in a frame."""
    root, origin = other_origin
    lms = root / name
    lms.mkdir()
    (lms / "index.html").write_text(LMS_PAGE)
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


def play_until(frame, fraction):
    """Play the module's video (twice as fast) until this fraction of it has been played."""
    frame.evaluate(
        """async (fraction) => {
            const video = document.querySelector("video");
            video.muted = true;
            video.playbackRate = 2;
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
        fraction,
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


def test_the_training_pack_works_offline(page, site, tmp_path):
    zipfile.ZipFile(io.BytesIO(download(site + MODULE + "pack.zip"))).extractall(tmp_path)
    page.goto((tmp_path / "index.html").as_uri())
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert play_briefly(page) > 0.3
    links = page.eval_on_selector_all(
        ".documents a, .transcripts a, .subtitles a", "links => links.map(a => a.href)"
    )
    assert len(links) >= 4
    for href in links:
        assert (tmp_path / href.removeprefix(tmp_path.as_uri() + "/")).is_file(), href
    subtitles = page.evaluate("document.querySelector('video').textTracks.length")
    assert subtitles == len(page.eval_on_selector_all(".subtitles a", "links => links"))
