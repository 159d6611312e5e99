"""Redis stopped under a running site (a real redis-server, started and stopped here): pages,
feeds and beacons keep answering from the database, the readiness check names the cache, and
the page cache is back by itself once Redis answers again."""

import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest
import redis

from .processes import ROOT, free_port, wait_until
from .stack import require

pytestmark = pytest.mark.server
STORY = "/en/stories/senegal/fishing-again-in-saint-louis/"
FEED = "/en/podcasts/return-conversations/feed.xml"
PHONE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36"


def get(url, data=None):
    request = urllib.request.Request(url, data=data, headers={"User-Agent": PHONE})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback)
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def start_redis(port, workdir):
    return subprocess.Popen(  # noqa: S603
        [shutil.which("redis-server"), "--port", str(port), "--save", "", "--appendonly", "no"],
        cwd=workdir,
        stdout=subprocess.DEVNULL,
    )


def answering(url):
    try:
        return redis.Redis.from_url(url).ping()
    except redis.RedisError:
        return False


def test_with_redis_down_the_site_serves_from_the_database_and_recovers(
    site, site_env, manage, tmp_path
):
    require("redis-server", shutil.which("redis-server"))
    url = f"redis://127.0.0.1:{free_port()}/0"
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    cache = start_redis(port, tmp_path)
    wait_until(lambda: answering(url), "redis-server")
    base = f"http://127.0.0.1:{free_port()}"
    log = tmp_path / "site.log"
    env = {**site_env, "REDIS_URL": url, "REACH_REDIS_URL": url, "REACH_REDIS_PREFIX": "outage:"}
    with log.open("w") as output:
        server = subprocess.Popen(  # noqa: S603
            [sys.executable, str(ROOT / "manage.py"), "runserver", "--noreload", base[7:]],
            env=env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    story_id = manage(
        "shell", "-c",
        "from wagtail.models import Page\n"
        f"print(next(p.pk for p in Page.objects.live() if p.url == {STORY!r}))",
    ).split()[-1]  # fmt: skip
    played = (
        "from campaign_site.reach.models import DailyCount\n"
        f"rows = DailyCount.objects.filter(event='play', page_id={story_id})\n"
        "print(sum(rows.values_list('count', flat=True)))"
    )
    try:
        wait_until(lambda: get(base + "/healthz/")[0] == 200, "the site")
        get(base + STORY)
        assert get(base + STORY)[1]["X-Cache"] == "HIT"

        cache.terminate()
        cache.wait(timeout=30)
        for path in (STORY, "/en/", "/ar/stories/", FEED):
            status, headers, body = get(base + path)
            assert status == 200, path
            assert headers["X-Cache"] != "HIT"
        assert get(base + "/healthz/")[0] == 200
        status, _, body = get(base + "/healthz/ready/")
        assert status == 503 and b'"cache": "ok"' not in body and b'"database": "ok"' in body
        # a play counted while Redis is away goes to the database, and the log says so
        before = int(manage("shell", "-c", played).split()[-1])
        beacon = urllib.parse.urlencode({"e": "play", "p": story_id, "l": "en"}).encode()
        assert get(base + "/reach/beacon/", beacon)[0] == 204
        assert int(manage("shell", "-c", played).split()[-1]) == before + 1
        text = log.read_text()
        assert "The cache is unavailable" in text and "Reach counts written to the database" in text

        cache = start_redis(port, tmp_path)
        wait_until(lambda: answering(url), "redis-server, again")
        get(base + STORY)
        assert get(base + STORY)[1]["X-Cache"] == "HIT"
        assert get(base + "/healthz/ready/")[0] == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
        cache.terminate()
        cache.wait(timeout=30)
