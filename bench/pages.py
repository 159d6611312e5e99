"""`make bench`: public pages under production settings, through gunicorn on loopback.

On a fresh SQLite database it loads the demo campaign and generates stories until the campaign
holds STORIES_PER_LANGUAGE stories in each of its ten languages, then for each page type prints
req/s, p50 and p95 latency (wrk), cold queries and bytes sent, with the page cache warm and with
every cache off (BENCH_CACHE=on or off for one of the two; BENCH_REUSE=1 keeps the last
generated campaign), beside a static file of the same size served by the same
gunicorn (whitenoise), and each page's ratio to it. Needs wrk (apt-get install wrk).

With BENCH_BAKERYDEMO_URL (a bakerydemo blog post served by gunicorn with the same workers,
threads and keep-alive, every cache a dummy: docs/performance.md says how), the cache-off run
also loads that page with the same wrk and prints the story's ratio to it.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DATABASE = BUILD / "bench.sqlite3"
STATIC_ROOT = ROOT / "static_collected"
STORIES_PER_LANGUAGE = int(os.environ.get("BENCH_STORIES", 150))
SECONDS = int(os.environ.get("BENCH_SECONDS", 8))
CONNECTIONS = 16
# As a visitor's phone: wrk's own requests carry no User-Agent, which the reach counters leave
# uncounted as a bot; with this one every page hit pays for its count, as in production.
BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
PAGES = {
    "home": "/en/",
    "stories index": "/en/stories/",
    "story": "/en/stories/senegal/fishing-again-in-saint-louis/",
    "story (ar)": "/ar/stories/senegal/fishing-again-in-saint-louis/",
    "episode": "/en/podcasts/return-conversations/what-reintegration-means/",
    "feed": "/en/podcasts/return-conversations/feed.xml",
    "module": "/en/training/case-management-for-returnees/",
    "embed": "/en/training/case-management-for-returnees/embed/",
    "oEmbed": "/oembed/?url=http%3A%2F%2F127.0.0.1%3A8000"
    "%2Fen%2Ftraining%2Fcase-management-for-returnees%2F",
}
LUA = """
done = function(summary, latency, requests)
  io.write(string.format("JSON {\\"rps\\": %f, \\"p50\\": %f, \\"p95\\": %f, \\"errors\\": %d}\\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
"""


def environment(cache_on):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BENCH_CACHE_OFF": "" if cache_on else "1",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{DATABASE}",
        "CACHE_DIR": str(BUILD / "bench-cache"),
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8000",
        "MEDIA_ROOT": str(BUILD / "bench-media"),
        # reach counters in Redis, as production keeps them (campaign_site.reach)
        "REACH_REDIS_URL": REDIS_URL,
        "REACH_REDIS_PREFIX": "bench:",
    }


def manage(*args, env):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def prepare():
    for path in (DATABASE, BUILD / "bench-cache", BUILD / "bench-media"):
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    env = environment(cache_on=True)
    manage("migrate", "--no-input", "-v0", env=env)
    manage("load_demo_campaign", env=env)
    subprocess.run(  # noqa: S603
        [sys.executable, "-m", "bench.generate", str(STORIES_PER_LANGUAGE)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    manage("db_worker", "--batch", "--no-startup-delay", env=env)
    manage("collectstatic", "--no-input", "-v0", env=env)


def free(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def gunicorn(env):
    while not free(8000):
        time.sleep(0.5)
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
        cwd=ROOT,
        env={**env, "BIND": "127.0.0.1:8000", "WEB_CONCURRENCY": "2"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        if not free(8000):
            return process
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def fetch(path):
    request = urllib.request.Request(
        "http://127.0.0.1:8000" + path, headers={"Accept-Encoding": "gzip, br"}
    )  # noqa: E501
    with urllib.request.urlopen(request) as response:  # noqa: S310 - loopback
        return response.read()


def load(path, seconds=SECONDS, base="http://127.0.0.1:8000"):
    script = BUILD / "bench.lua"
    script.write_text(LUA)
    output = subprocess.run(  # noqa: S603
        [
            shutil.which("wrk"), "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "-s", str(script),
            "-H", "Accept-Encoding: gzip, br", "-H", f"User-Agent: {BROWSER}",
            base + path,
        ],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return json.loads(output.split("JSON ", 1)[1])


def cold_queries(env):
    """Queries of each page with every cache emptied but Wagtail's site lookups (read back by
    any earlier request, as in a running site), counted in a process of its own; as
    tests/test_query_budget.py counts them."""
    code = (
        "import json, django; django.setup()\n"
        "from django.core.cache import cache\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        f"pages = {PAGES!r}\n"
        "client, counts = Client(), {}\n"
        "for name, path in pages.items():\n"
        "    client.get(path)\n"
        "    cache.clear()  # the feed's own cache too; Wagtail's site lookups read back:\n"
        "    client.get('/en/podcasts/')\n"
        "    with CaptureQueriesContext(connection) as queries:\n"
        "        client.get(path)\n"
        "    counts[name] = len(queries)\n"
        "print(json.dumps(counts))\n"
    )
    output = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "PAGE_CACHE_SECONDS": "0", "ALLOWED_HOSTS": "testserver"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def run(cache_on):
    env = environment(cache_on)
    server = gunicorn(env)
    try:
        sizes = {name: len(fetch(path)) for name, path in PAGES.items()}
        story = fetch(PAGES["story"])
        static = STATIC_ROOT / "bench" / "story.html"
        static.parent.mkdir(parents=True, exist_ok=True)
        static.write_bytes(story)
    finally:
        server.terminate()
        server.wait()
    server = gunicorn(env)  # whitenoise sees the static file from its start
    try:
        for path in PAGES.values():  # warm the cache (and renditions)
            fetch(path)
        load("/static/bench/story.html", seconds=3)  # every worker up and warm first
        baseline = load("/static/bench/story.html")
        results = {name: load(path) for name, path in PAGES.items()}
        bakerydemo = os.environ.get("BENCH_BAKERYDEMO_URL")
        if bakerydemo and not cache_on:  # loaded between two loads of the story, as fairly
            load("", seconds=3, base=bakerydemo)
            results["bakerydemo blog post"] = load("", base=bakerydemo)
            results["story, again"] = load(PAGES["story"])
    finally:
        server.terminate()
        server.wait()
    return baseline, results, sizes


def main():
    BUILD.mkdir(exist_ok=True)
    if os.environ.get("BENCH_REUSE") != "1" or not DATABASE.exists():
        prepare()
    else:  # the code (models, static files) may have moved on since the campaign was generated
        manage("migrate", "--no-input", "-v0", env=environment(cache_on=True))
        manage("collectstatic", "--no-input", "-v0", env=environment(cache_on=True))
    queries = cold_queries(environment(cache_on=True))
    python = sys.version.split()[0]
    print(f"machine: {os.cpu_count()} cores, Python {python}, SQLite, gunicorn 2 x gthread")
    print(f"campaign: {STORIES_PER_LANGUAGE} generated stories per language, 10 languages\n")
    runs = (("warm page cache", True), ("every cache off", False))
    only = os.environ.get("BENCH_CACHE")  # "on" or "off": just that run
    for label, cache_on in runs:
        if only and only != ("on" if cache_on else "off"):
            continue
        baseline, results, sizes = run(cache_on)
        print(f"## {label}")
        print("| page | req/s | p50 ms | p95 ms | queries (cold) | bytes | x static |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        print(
            f"| static file, same size | {baseline['rps']:.0f} | {baseline['p50']:.1f} "
            f"| {baseline['p95']:.1f} | 0 | {sizes['story']} | 1.000 |"
        )
        for name, result in results.items():
            print(
                f"| {name} | {result['rps']:.0f} | {result['p50']:.1f} | {result['p95']:.1f} "
                f"| {queries.get(name, '')} | {sizes.get(name, '')} "
                f"| {result['rps'] / baseline['rps']:.3f} |"
                + (f" errors: {result['errors']}" if result["errors"] else "")
            )
        if "bakerydemo blog post" in results:
            story = (results["story"]["rps"] + results["story, again"]["rps"]) / 2
            ratio = story / results["bakerydemo blog post"]["rps"]
            print(f"\nstory with every cache off: {ratio:.2f}x bakerydemo's blog post")
        print()


if __name__ == "__main__":
    main()
