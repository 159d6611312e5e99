"""Reach in Chromium: a visitor plays a story's video to the end; the player sends its beacons
(a play, then 25, 50 and 90 %) to the site's own endpoint, and the server, another process,
counts each once."""

import json

import pytest

pytestmark = pytest.mark.browser
STORY = "/en/stories/bangladesh/a-tailoring-shop-in-sylhet/"
PLAY_EVENTS = ("play", "play25", "play50", "play90")
# Headless Chromium names itself HeadlessChrome, which the bot lists rightly leave uncounted:
# the visitor here is Chrome on a phone.
PHONE = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)


@pytest.fixture
def visitor(browser):
    context = browser.new_context(user_agent=PHONE, viewport={"width": 412, "height": 915})
    yield context.new_page()
    context.close()


def story_counts(manage):
    code = (
        "import json; from django.db.models import Sum; from wagtail.models import Page; "
        "from campaign_site.reach.models import DailyCount; "
        f"page = Page.objects.get(url_path__endswith='{STORY[4:]}', locale__language_code='en'); "
        "rows = DailyCount.objects.filter(page=page).values('event').annotate(n=Sum('count')); "
        "print(json.dumps({row['event']: row['n'] for row in rows}))"
    )
    return json.loads(manage("shell", "-c", code).strip().splitlines()[-1])


def test_a_video_played_to_the_end_sends_its_beacons_once_each(visitor, site, manage):
    page = visitor
    before = story_counts(manage)
    sent = []
    page.on(
        "request",
        lambda request: sent.append(request) if "/reach/beacon/" in request.url else None,
    )
    page.goto(site + STORY)
    video = page.locator("video").first
    video.evaluate("video => { video.muted = true; video.playbackRate = 4; return video.play(); }")
    page.wait_for_function(
        "() => document.querySelector('video').ended", polling=200, timeout=120_000
    )
    # seeking back and playing again sends nothing more from this page
    video.evaluate("video => { video.currentTime = 0; return video.play(); }")
    page.wait_for_timeout(1500)
    page.wait_for_load_state("networkidle")

    assert {request.url for request in sent} == {site + "/reach/beacon/"}  # first party only
    events = [dict(p.split("=") for p in request.post_data.split("&"))["e"] for request in sent]
    assert sorted(events) == sorted(PLAY_EVENTS)
    after = story_counts(manage)
    assert {event: after.get(event, 0) - before.get(event, 0) for event in PLAY_EVENTS} == {
        event: 1 for event in PLAY_EVENTS
    }
    assert after.get("view", 0) - before.get("view", 0) == 1  # the page view, from the server
