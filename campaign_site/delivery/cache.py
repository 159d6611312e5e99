"""Django's Redis cache, except that Redis being away is a miss, not an error: every cached
thing here (pages, feeds, lookups) can be made again from the database, so with Redis down the
site answers from the database, uncached, and is cached again as soon as Redis answers; a
warning is logged (once a minute per process) meanwhile. What is lost while Redis is away is
what it would have kept: a purge made then reaches Varnish (its own queue, in the database)
but not this cache, which restarts empty when Redis keeps nothing on disk (docs/deploy.md)."""

import contextlib
import logging
import time

import redis

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)
WARN_EVERY = 60  # seconds
last_warned = 0.0


@contextlib.contextmanager
def redis_away_is_a_miss():
    global last_warned  # noqa: PLW0603 (one clock per process)
    try:
        yield
    except redis.RedisError as error:
        if time.monotonic() - last_warned > WARN_EVERY:
            last_warned = time.monotonic()
            logger.warning("The cache is unavailable, serving uncached: %s", error)


class ForgivingRedisCache(RedisCache):
    def get(self, key, default=None, version=None):
        with redis_away_is_a_miss():
            return super().get(key, default, version)
        return default

    def get_many(self, keys, version=None):
        with redis_away_is_a_miss():
            return super().get_many(keys, version)
        return {}

    def has_key(self, key, version=None):
        with redis_away_is_a_miss():
            return super().has_key(key, version)
        return False

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with redis_away_is_a_miss():
            return super().add(key, value, timeout, version)
        return False

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with redis_away_is_a_miss():
            super().set(key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        with redis_away_is_a_miss():
            return super().set_many(data, timeout, version)
        return list(data)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        with redis_away_is_a_miss():
            return super().touch(key, timeout, version)
        return False

    def delete(self, key, version=None):
        with redis_away_is_a_miss():
            return super().delete(key, version)
        return False

    def delete_many(self, keys, version=None):
        with redis_away_is_a_miss():
            super().delete_many(keys, version)
