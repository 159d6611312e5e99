"""`make bench`: the production settings, and with BENCH_CACHE=off every cache turned off
(Django's dummy backend: no page cache, no feed cache, no Wagtail site root paths)."""

import os

from campaign_site.settings.production import *  # noqa: F403

if os.environ.get("BENCH_CACHE_OFF") == "1":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    PAGE_CACHE_SECONDS = 0
