"""`make bench-writes`: load with writes. For 60 s wrk loads the story, its listing and the home
page through gunicorn (production settings, page cache on) while this process, another one,
publishes a new title for the story every few seconds. It reports wrk's failed responses and,
for every publish, how long until each purged URL served the new title.

Runs on the campaign `make bench` generated (build/bench.sqlite3).
"""

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request

from bench.pages import BUILD, DATABASE, ROOT, environment, gunicorn

SECONDS = int(os.environ.get("BENCH_SECONDS", 60))
SLUG = "fishing-again-in-saint-louis"
URLS = [f"/en/stories/senegal/{SLUG}/", "/en/stories/senegal/", "/en/stories/"]
LUA = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("JSON {\\"requests\\": %%d, \\"failed\\": %%d, \\"p95\\": %%f}\\n",
    summary.requests, summary.errors.status, latency:percentile(95) / 1000))
end
"""


def body(path):
    with urllib.request.urlopen("http://127.0.0.1:8000" + path) as response:  # noqa: S310
        return response.read().decode()


def main():
    if not DATABASE.exists():
        sys.exit("Run `make bench` first: it generates the campaign this uses.")
    env = environment(cache_on=True)
    os.environ.update(env)
    import django

    django.setup()
    from stories.models import StoryPage

    server = gunicorn(env)
    script = BUILD / "writes.lua"
    script.write_text(LUA % ", ".join(f'"{url}"' for url in URLS))
    load = subprocess.Popen(  # noqa: S603
        [
            shutil.which("wrk"),
            "-t1",
            "-c8",
            f"-d{SECONDS}s",
            "-s",
            str(script),
            "http://127.0.0.1:8000",
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    delays = []
    try:
        deadline = time.monotonic() + SECONDS - 5
        number = 0
        while time.monotonic() < deadline:
            time.sleep(2)
            number += 1
            story = StoryPage.objects.get(locale__language_code="en", slug=SLUG)
            title = f"Fishing again in Saint-Louis, take {number}"
            story.title = title
            story.save_revision().publish()
            published = time.monotonic()  # committed: from now on every reader must see it
            for url in URLS:
                while title not in body(url):
                    time.sleep(0.01)
                delays.append(time.monotonic() - published)
        result = json.loads(load.communicate()[0].split("JSON ", 1)[1])
    finally:
        load.kill()
        server.terminate()
        server.wait()
    print(
        f"load: {result['requests']} requests in {SECONDS} s, "
        f"{result['failed']} failed (non-2xx/3xx), p95 {result['p95']:.1f} ms"
    )
    median = sorted(delays)[len(delays) // 2]
    print(
        f"writes: {number} publishes; the new title was on every purged URL after at most "
        f"{max(delays) * 1000:.0f} ms (median {median * 1000:.0f} ms)"
    )


if __name__ == "__main__":
    main()
