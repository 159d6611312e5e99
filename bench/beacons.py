"""`make bench`: the player's beacon endpoint (campaign_site.reach) under load, through gunicorn
with production settings, counting into Redis as production does; then a flush, and a check
that every beacon answered was counted once. Target: at least 1,000 req/s.

Uses the campaign `python -m bench.pages` generated (build/bench.sqlite3) and Redis at
BENCH_REDIS_URL (default redis://127.0.0.1:6379/14). Needs wrk."""

import json
import shutil
import subprocess
import sys
import uuid

import redis

from .pages import (
    BROWSER,
    BUILD,
    CONNECTIONS,
    DATABASE,
    REDIS_URL,
    ROOT,
    SECONDS,
    environment,
    gunicorn,
    prepare,
)

LUA = """
wrk.method = "POST"
wrk.body = "e=play90&p=%s&l=en"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["User-Agent"] = "%s"
done = function(summary, latency, requests)
  io.write(string.format(
    "JSON {\\"requests\\": %%d, \\"rps\\": %%f, " ..
    "\\"p50\\": %%f, \\"p95\\": %%f, \\"errors\\": %%d}\\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
"""


def shell(code, env):
    output = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return output.strip().splitlines()[-1]


def counted(story_id, env):
    return int(
        shell(
            "from django.db.models import Sum; from campaign_site.reach.models import DailyCount; "
            f"print(DailyCount.objects.filter(event='play90', page_id={story_id})"
            ".aggregate(n=Sum('count'))['n'] or 0)",
            env,
        )
    )


def main():
    redis.Redis.from_url(REDIS_URL).ping()  # fails clearly without Redis
    BUILD.mkdir(exist_ok=True)
    if not DATABASE.exists():
        prepare()
    env = {**environment(cache_on=True), "REACH_REDIS_PREFIX": f"bench-{uuid.uuid4().hex}:"}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0"], cwd=ROOT, env=env, check=True
    )  # noqa: S603, E501
    story_id = shell(
        "from stories.models import StoryPage; print(StoryPage.objects.get("
        "locale__language_code='en', slug='fishing-again-in-saint-louis').pk)",
        env,
    )
    script = BUILD / "bench-beacon.lua"
    script.write_text(LUA % (story_id, BROWSER))
    before = counted(story_id, env)
    server = gunicorn(env)
    try:
        runs = []
        for seconds in (2, SECONDS):  # the first warms the workers
            output = subprocess.run(  # noqa: S603
                [shutil.which("wrk"), "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "-s", str(script),
                 "http://127.0.0.1:8000/reach/beacon/"],
                capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
            runs.append(json.loads(output.split("JSON ", 1)[1]))
    finally:
        server.terminate()
        server.wait()
    subprocess.run([sys.executable, "manage.py", "flush_reach"], cwd=ROOT, env=env, check=True)  # noqa: S603
    added = counted(story_id, env) - before
    sent = sum(run["requests"] for run in runs)
    result = runs[-1]
    print("## beacon endpoint (POST /reach/beacon/, Redis counters, gunicorn 2 x gthread)")
    print("| req/s | p50 ms | p95 ms | errors | beacons answered | counted after flush |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    print(
        f"| {result['rps']:.0f} | {result['p50']:.1f} | {result['p95']:.1f} | "
        f"{result['errors']} | {sent} | {added} |"
    )
    # wrk counts the requests it saw answered; each connection may have had one more in flight
    # when a run stopped, which the server still answered and counted
    if not sent <= added <= sent + len(runs) * CONNECTIONS:
        sys.exit(f"{sent} beacons answered but {added} counted")


if __name__ == "__main__":
    main()
