"""The production stack, for real (tests/stack.py): Varnish in front of two app hosts sharing
PostgreSQL, Redis and a private bucket in an S3-compatible server, a task worker sending the
purges. What a visitor and an editor see through Varnish, and what a change on one host does
everywhere."""

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest

from .conftest import wait_until
from .stack import BUCKET, drop, new_stack, request

pytestmark = [pytest.mark.server, pytest.mark.slow, pytest.mark.xdist_group("stack")]
STORY = "/en/stories/senegal/fishing-again-in-saint-louis/"
FRENCH_STORY = "/fr/stories/senegal/fishing-again-in-saint-louis/"
MODULE = "/en/training/understanding-sustainable-reintegration/"
WITHDRAWN_STORY = "/en/stories/el-salvador/a-mentor-in-san-miguel/"


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    stack = new_stack(tmp_path_factory)
    try:
        stack.start_app_host("host_a")
        stack.start_app_host("host_b")
        stack.start_worker()
        stack.start_varnish()
        yield stack
    finally:
        drop(stack)


def title(response):
    return re.search(rb"<h1[^>]*>(.*?)</h1>", response.body, re.S).group(1).decode().strip()


def media_links(response):
    """The stored files a page plays and shows: its video sources, subtitles and poster."""
    return sorted(
        set(re.findall(rb'(?:src|poster)="(/media/[^"]+)"', response.body))
        | set(re.findall(rb'<track[^>]+src="(/media/[^"]+)"', response.body))
    )


def fetch(url, **headers):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def publish_new_title(stack, path, new_title):
    """An editor's publish, in a process of host A (the same database, cache and settings)."""
    stack.manage(
        "shell",
        "-c",
        "from wagtail.models import Page\n"
        f"page = next(p for p in Page.objects.live().specific() if p.url == {path!r})\n"
        f"page.title = {new_title!r}\n"
        "page.save_revision().publish()\n",
    )


@pytest.fixture(scope="module", autouse=True)
def admin(stack):
    stack.manage("ensure_admin")


def test_visitors_are_served_by_varnish_and_editors_by_the_app(stack):
    assert request(stack.varnish, STORY).getheader("X-Varnish-Cache") in ("miss", "hit")
    again = request(stack.varnish, STORY, headers={"Accept-Encoding": "br"})
    first = request(stack.varnish, STORY, headers={"Accept-Encoding": "br"})
    assert again.status == first.status == 200
    assert first.getheader("X-Varnish-Cache") == "hit"
    assert first.getheader("Content-Encoding") == "br"
    assert "s-maxage" in first.getheader("Cache-Control")
    # a visitor's cookie (a CSRF token from a form) does not keep them from the cache
    with_cookie = request(stack.varnish, STORY, headers={"Cookie": "csrftoken=abc"})
    assert with_cookie.getheader("X-Varnish-Cache") == "hit"

    # an editor, logged in through Varnish, gets the page from an app host, with the userbar
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = browser.open(stack.varnish + "/admin/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login).group(1)
    browser.open(
        urllib.request.Request(
            stack.varnish + "/admin/login/",
            data=urllib.parse.urlencode(
                {"username": "admin", "password": "changeme", "csrfmiddlewaretoken": token}
            ).encode(),
            headers={"Referer": stack.varnish + "/admin/login/"},
        )
    )
    assert any(cookie.name == "sessionid" for cookie in jar)
    as_editor = browser.open(stack.varnish + STORY)
    assert as_editor.headers["X-Varnish-Cache"] == "pass"
    assert b"wagtail-userbar" in as_editor.read()
    # and the visitors' copy is still the cached one, without it
    visitor = request(stack.varnish, STORY)
    assert visitor.getheader("X-Varnish-Cache") == "hit" and b"wagtail-userbar" not in visitor.body


def test_a_publish_on_one_host_is_fresh_on_the_other_and_in_varnish(stack):
    host_b = stack.app_hosts[1]
    for base in (stack.varnish, host_b):
        request(base, STORY)
        request(base, FRENCH_STORY)
    assert request(stack.varnish, STORY).getheader("X-Varnish-Cache") == "hit"

    publish_new_title(stack, STORY, "Fishing again, a year on")

    def everywhere_fresh():
        return all(
            title(request(base, STORY)) == "Fishing again, a year on"
            for base in (stack.varnish, host_b)
        )

    wait_until(everywhere_fresh, "the new title on host B and in Varnish", seconds=30)
    # the translation was purged with it (its language switcher, its listings)
    french = request(stack.varnish, FRENCH_STORY)
    assert french.status == 200 and french.getheader("X-Varnish-Cache") == "miss"


def test_purge_and_ban_from_anywhere_else_are_refused(stack):
    request(stack.varnish, STORY)
    for method in ("PURGE", "BAN"):
        refused = request(stack.varnish, STORY, method=method, source="127.0.0.2")
        assert refused.status == 403
    assert request(stack.varnish, STORY).getheader("X-Varnish-Cache") == "hit"
    # from an app host's address it is obeyed
    assert request(stack.varnish, STORY, method="PURGE").status == 200
    assert request(stack.varnish, STORY).getheader("X-Varnish-Cache") == "miss"


def test_the_admin_health_checks_and_beacons_are_never_cached(stack):
    for path in ("/admin/login/", "/healthz/", "/healthz/ready/"):
        request(stack.varnish, path)
        assert request(stack.varnish, path).getheader("X-Varnish-Cache") == "pass", path
    ready = request(stack.varnish, "/healthz/ready/")
    assert ready.status == 200 and b'"storage": "ok"' in ready.body


def test_varnish_keeps_serving_while_every_app_host_is_down(stack, tmp_path):
    # a stack of its own whose pages go stale after a second, so that only grace can serve them
    # (and a page cache of its own: the pages the other hosts stored say a day)
    short = stack.sibling(tmp_path, PAGE_CACHE_SECONDS="1", CACHE_KEY_PREFIX="short-lived")
    try:
        short.start_app_host("host")
        short.start_varnish()
        fresh = request(short.varnish, STORY)
        assert fresh.status == 200 and "s-maxage=1" in fresh.getheader("Cache-Control")
        short.stop("host")
        wait_until(
            lambda: request(short.varnish, "/healthz/").status == 503, "the host seen as down"
        )
        answers = []

        def stale():
            answers.append(request(short.varnish, STORY))
            return answers[-1].getheader("X-Varnish-Cache") == "hit-stale"

        wait_until(stale, "the page served stale")
        assert {answer.status for answer in answers} == {200}
        assert answers[-1].body == fresh.body
        # what Varnish never had cannot be served
        assert request(short.varnish, "/fr/stories/").status == 503
    finally:
        short.close()


def test_stored_files_leave_the_private_bucket_only_by_short_signed_urls(stack):
    page = request(stack.varnish, STORY)
    links = [link.decode() for link in media_links(page)]
    video = next(link for link in links if link.endswith(".mp4"))
    for _ in range(2):
        redirect = request(stack.varnish, video)
        # the site checked the video is public, then sent the visitor to the bucket; the
        # redirect is the visitor's own, never kept by Varnish (the URL dies in five minutes)
        assert redirect.status == 302
        assert redirect.getheader("X-Varnish-Cache") != "hit"
        assert redirect.getheader("Cache-Control").startswith("private")
    signed = redirect.getheader("Location")
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(signed).query)
    assert int(query["X-Amz-Expires"][0]) <= 300
    status, head = fetch(signed, Range="bytes=0-99")
    assert status == 206 and len(head) == 100
    # the object itself, asked for without a signature, is refused by the store
    unsigned = signed.split("?", 1)[0]
    assert fetch(unsigned)[0] == 403
    key = urllib.parse.unquote(urllib.parse.urlsplit(unsigned).path.split("/", 2)[2])
    assert stack.bucket.head_object(Bucket=BUCKET, Key=key)["ContentLength"] > 100
    # a training package built by the worker from the bucket's files, out of the bucket
    package = request(stack.varnish, MODULE + "scorm.zip")
    if package.status == 302:
        package.status, package.body = fetch(package.getheader("Location"))
    assert package.status == 200 and package.body[:2] == b"PK"


def test_consent_withdrawal_and_deletion_take_the_story_and_its_files_away(stack):
    host_b = stack.app_hosts[1]
    page = request(stack.varnish, WITHDRAWN_STORY)
    assert page.status == 200
    links = [link.decode() for link in media_links(page)]
    assert any(link.endswith(".vtt") for link in links) and any(".mp4" in link for link in links)
    for base in (stack.varnish, host_b):
        request(base, WITHDRAWN_STORY)
        for link in links:
            assert request(base, link).status in (200, 302), link
    signed = [request(stack.varnish, link).getheader("Location") for link in links]
    signed = [url for url in signed if url]

    video_id = int(
        stack.manage(
            "shell",
            "-c",
            "from django.utils import timezone\n"
            "from stories.models import StoryPage\n"
            "story = StoryPage.objects.get(\n"
            "    locale__language_code='en', slug='a-mentor-in-san-miguel'\n"
            ")\n"
            "record = story.consent_records.first()\n"
            "record.withdrawn_on = timezone.localdate()\n"
            "record.save()\n"
            "print(story.video_id)\n",
        ).split()[-1]
    )

    def gone_everywhere():
        return all(
            request(base, path).status == 404
            for base in (stack.varnish, host_b)
            for path in (WITHDRAWN_STORY, *links)
        )

    wait_until(gone_everywhere, "the story and its files gone from host B and Varnish", seconds=30)

    # deleting the video deletes its objects: the signed URLs handed out before stop working
    stack.manage(
        "shell",
        "-c",
        f"from campaign_site.media.models import CampaignMedia\n"
        f"CampaignMedia.objects.get(pk={video_id}).delete()\n",
    )

    def objects_left():
        listed = stack.bucket.list_objects_v2(Bucket=BUCKET, Prefix=f"renditions/{video_id}/")
        return listed.get("KeyCount", 0)

    wait_until(lambda: objects_left() == 0, "the renditions deleted from the bucket", seconds=30)
    # (the poster stays in the image library: its signed URL lives out its five minutes; the
    # store answers 403 for a key that is gone, as S3 does without the right to list)
    of_the_video = [url for url in signed if "/images/" not in url]
    assert {".mp4", ".vtt"} <= {url.split("?")[0][-4:] for url in of_the_video}
    assert {url.split("?")[0]: fetch(url)[0] for url in of_the_video} == {
        url.split("?")[0]: 403 for url in of_the_video
    }
