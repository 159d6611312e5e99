"""Production web server (gunicorn reads this file from the working directory).

Threads, not sync workers: a phone uploading a video over a slow connection, or a client that
stalls on purpose, holds one thread while the others keep answering. Behind nginx
(deploy/nginx.conf) request bodies are buffered before they reach gunicorn at all.
Every value can be set from the environment.
"""

import os

wsgi_app = "campaign_site.wsgi:application"
bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", 2))
worker_class = "gthread"
# Four, not more: pages are CPU work under one GIL per worker. With 8 threads the uncached story
# page served 43 req/s on two cores, with 4 threads 59 to 70 (docs/performance.md); slow clients
# are nginx's to wait for (deploy/nginx.conf buffers requests and responses).
threads = int(os.environ.get("GUNICORN_THREADS", 4))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
graceful_timeout = 30
# No keep-alive: nginx in front (deploy/nginx.conf) opens one upstream connection per request, so
# keep-alive never served a visitor; and a client that keeps its connections open pins them all to
# the worker that accepted them. Measured with wrk's 16 connections (docs/performance.md): in half
# the runs one worker held all 16 while the other idled, and the site served half as much.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 0))
# Headers must arrive whole and small; bodies are limited by Django's upload limits.
limit_request_line = 8190
limit_request_fields = 100


def worker_exit(server, worker):
    """A worker stopping writes the reach counts it still holds (campaign_site.reach)."""
    from campaign_site.reach.counters import write_on_exit

    write_on_exit()
