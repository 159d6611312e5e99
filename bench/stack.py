"""`make bench` (part): the production stack of docs/deploy.md, started as its tests start it
(tests/stack.py: Varnish in front of two gunicorn app hosts on PostgreSQL, Redis and a bucket
in an S3-compatible server, a task worker; the demo campaign), measured beside its limit:

- the warm story page through Varnish against nginx serving the same bytes as a static file
  (the goal: at least 0.5x);
- the hit ratio under a mixed load (every page in the sitemap, in turn) while a publish lands
  every second;
- how long a publish takes to be served fresh by Varnish and by each app host.

Needs wrk, nginx and varnishd (apt-get install wrk nginx varnish), PostgreSQL and Redis.
"""

import json
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench.pages import BUILD, CONNECTIONS, LUA, SECONDS, load
from tests.processes import ROOT, free_port, wait_until
from tests.stack import answers, drop, new_stack, request

STORY = "/en/stories/senegal/fishing-again-in-saint-louis/"
WORK = BUILD / "bench-stack"
PURGES = 10
NGINX = """
worker_processes 2;
daemon off;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    server {{
        listen 127.0.0.1:{port};
        root {work}/static;
        default_type text/html;
    }}
}}
"""
CYCLE = """
paths = {{{paths}}}
i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
"""


class Folders:
    """What new_stack asks pytest's tmp_path_factory for."""

    def mktemp(self, name):
        folder = WORK / name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        return folder


def nginx_serving(body):
    (WORK / "static").mkdir(exist_ok=True)
    (WORK / "static" / "story.html").write_bytes(body)
    port = free_port()
    config = WORK / "nginx.conf"
    config.write_text(NGINX.format(work=WORK, port=port))
    server = subprocess.Popen([shutil.which("nginx"), "-c", str(config)])  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    wait_until(lambda: answers(base, "/story.html"), "nginx")
    return server, base


def varnish_counters(stack):
    output = subprocess.run(  # noqa: S603
        [shutil.which("varnishstat"), "-n", str(stack.workdir / "varnish"), "-j"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    counters = json.loads(output)
    counters = counters.get("counters", counters)
    return {name: counters[f"MAIN.{name}"]["value"] for name in ("cache_hit", "cache_miss")}


def publisher(stack, seconds):
    """A shell on host A's settings publishing a new title every second; prints when each
    publish returned (committed)."""
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", (
            "import time\n"
            "from wagtail.models import Page\n"
            f"page = next(p for p in Page.objects.live().specific() if p.url == {STORY!r})\n"
            f"for number in range({seconds}):\n"
            "    page.title = f'Fishing again, take {number}'\n"
            "    page.save_revision().publish()\n"
            "    print('PUBLISHED', number, time.time(), flush=True)\n"
            "    time.sleep(1)\n"
        )],
        env=stack.env, cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip


def title(base):
    body = request(base, STORY).body
    return re.search(rb"<h1[^>]*>(.*?)</h1>", body, re.S).group(1).decode().strip()


def purge_times(stack):
    """For each publish, the seconds until Varnish and each app host serve its title."""
    bases = {"Varnish": stack.varnish, "host A": stack.app_hosts[0], "host B": stack.app_hosts[1]}
    for base in bases.values():
        request(base, STORY)
    shell = publisher(stack, PURGES)
    delays = {name: [] for name in bases}
    for line in shell.stdout:
        if not line.startswith("PUBLISHED"):
            continue
        _, number, published = line.split()
        expected = f"Fishing again, take {number}"
        waiting = dict(bases)
        while waiting:
            for name, base in list(waiting.items()):
                if title(base) == expected:
                    delays[name].append(time.time() - float(published))
                    del waiting[name]
            time.sleep(0.005)
    shell.wait()
    return delays


def mixed_load(stack):
    with urllib.request.urlopen(stack.varnish + "/sitemap.xml") as response:  # noqa: S310
        pages = re.findall(rb"<loc>https?://[^/]+([^<]+)</loc>", response.read())
    paths = ", ".join(json.dumps(path.decode()) for path in pages)
    script = WORK / "cycle.lua"
    script.write_text(CYCLE.format(paths=paths) + LUA)
    before = varnish_counters(stack)
    shell = publisher(stack, SECONDS)
    output = subprocess.run(  # noqa: S603
        [shutil.which("wrk"), "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "-s", str(script),
         "-H", "Accept-Encoding: gzip, br", stack.varnish + "/"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    shell.wait()
    after = varnish_counters(stack)
    hits = after["cache_hit"] - before["cache_hit"]
    misses = after["cache_miss"] - before["cache_miss"]
    return len(pages), json.loads(output.split("JSON ", 1)[1]), hits, misses


def main():
    for tool in ("wrk", "nginx", "varnishd"):
        if not shutil.which(tool):
            sys.exit(f"bench.stack needs {tool}: apt-get install wrk nginx varnish")
    WORK.mkdir(parents=True, exist_ok=True)
    stack = new_stack(Folders())
    nginx = None
    try:
        stack.start_app_host("host_a")
        stack.start_app_host("host_b")
        stack.start_worker()
        stack.start_varnish()
        served = request(stack.varnish, STORY, headers={"Accept-Encoding": "gzip, br"})
        request(stack.varnish, STORY, headers={"Accept-Encoding": "gzip, br"})
        nginx, static = nginx_serving(served.body)
        through_varnish = load(STORY, base=stack.varnish)
        from_nginx = load("/story.html", base=static)
        print("## The production stack (bench/stack.py)")
        print(f"story page, {len(served.body)} bytes ({served.getheader('Content-Encoding')}), "
              f"{CONNECTIONS} connections, {SECONDS} s")  # fmt: skip
        print("| served by | req/s | p50 ms | p95 ms | x nginx |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for name, result in (("nginx, static file", from_nginx), ("Varnish", through_varnish)):
            print(
                f"| {name} | {result['rps']:.0f} | {result['p50']:.2f} | {result['p95']:.2f} "
                f"| {result['rps'] / from_nginx['rps']:.2f} |"
            )
        pages, result, hits, misses = mixed_load(stack)
        print(
            f"\nmixed load: {pages} sitemap pages in turn through Varnish, a publish every "
            f"second: {result['rps']:.0f} req/s, p95 {result['p95']:.1f} ms, hit ratio "
            f"{hits / max(hits + misses, 1):.3f} ({hits} hits, {misses} misses)"
        )
        delays = purge_times(stack)
        print(f"\npublish to fresh, {PURGES} publishes (seconds): | where | median | max |")
        for name, values in delays.items():
            print(f"| {name} | {statistics.median(values):.3f} | {max(values):.3f} |")
    finally:
        if nginx:
            nginx.terminate()
            nginx.wait()
        drop(stack)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
