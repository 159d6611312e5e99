"""Shared counters, right whatever the number of processes.

Each process gathers its counts for up to REACH_BUFFER_SECONDS (``Buffer``), then adds them with
one round trip: with Redis (``REACH_REDIS_URL``, by default ``REDIS_URL``) to a hash of pending
counts (HINCRBY), which ``flush()`` (the task behind ``manage.py flush_reach``) adds to the daily
rows; without it, straight to the daily rows, which suits one machine rather than a launch."""

import atexit
import logging
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from functools import cache as once

import redis

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

from wagtail.models import Page

from .models import DailyCount
from .privacy import today

SEPARATOR = "\t"
FLUSH_LOCK_SECONDS = 300
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Key:
    day: str
    event: str
    page_id: int
    language: str
    source: str = ""
    country: str = ""

    def field(self):
        parts = (self.day, self.event, str(self.page_id), self.language, self.source, self.country)
        return SEPARATOR.join(part.replace(SEPARATOR, " ") for part in parts)

    @classmethod
    def parse(cls, field):
        day, event, page_id, language, source, country = field.split(SEPARATOR)
        return cls(day, event, int(page_id), language, source, country)


def redis_name(name):
    return settings.REACH_REDIS_PREFIX + name


@once
def shared_redis():
    """One connection pool per process, made on first use (after gunicorn forks)."""
    if not settings.REACH_REDIS_URL:
        return None
    # an unreachable Redis costs a request a fraction of a second (then see write)
    return redis.Redis.from_url(
        settings.REACH_REDIS_URL, socket_connect_timeout=0.5, socket_timeout=1
    )


def count(event, page_id, language, source="", country=""):
    count_all([(event, page_id, language, source, country)])


class Buffer:
    """Counts gathered in this process and written together at most every
    REACH_BUFFER_SECONDS: a counted page costs a dictionary update, and one request a second
    pays the round trip for all of them. What a process holds when it stops is written on its
    way out (gunicorn stops its workers gracefully); a killed process loses under a second."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = Counter()
        self.since = time.monotonic()

    def add(self, keys):
        """Add the keys; the whole buffer, emptied, when it is due to be written."""
        with self.lock:
            self.counts.update(keys)
            now = time.monotonic()
            if now - self.since < settings.REACH_BUFFER_SECONDS:
                return None
            due, self.counts, self.since = self.counts, Counter(), now
            return due

    def take(self):
        with self.lock:
            due, self.counts = self.counts, Counter()
            return due


BUFFER = Buffer()


def count_all(events):
    """Count each (event, page id, language, source, country) once, today."""
    day = today().isoformat()
    keys = [
        Key(day, event, page_id, language, source[:200], where)
        for event, page_id, language, source, where in events
    ]
    due = BUFFER.add(keys)
    if due:
        write(due)


def write(counts):
    """Pending counts into Redis in one round trip, or without Redis into the daily rows."""
    if not counts:
        return
    client = shared_redis()
    if client is not None:
        pending = redis_name("pending")
        try:
            with client.pipeline(transaction=False) as pipe:
                for key, number in counts.items():
                    pipe.hincrby(pending, key.field(), number)
                pipe.execute()
            return
        except redis.RedisError as error:  # Redis away: the counts go to the database instead
            logger.warning(
                "Reach counts written to the database, Redis is unavailable (%s): %d counts",
                error,
                sum(counts.values()),
            )
    add_to_days(counts)


@atexit.register
def write_on_exit():
    try:
        write(BUFFER.take())
    except Exception:  # noqa: BLE001 - a process on its way out has nobody to tell
        logger.exception("Reach counts could not be written on exit")


def add_to_days(counts):
    """Add counts to their daily rows (made when missing), safe beside another process doing
    the same; counts for pages deleted since they were counted are dropped."""
    known = set(
        Page.objects.filter(pk__in={key.page_id for key in counts}).values_list("pk", flat=True)
    )
    for key, number in counts.items():
        if key.page_id not in known:
            continue
        lookup = {
            "day": key.day,
            "event": key.event,
            "page_id": key.page_id,
            "language": key.language,
            "source": key.source,
            "country": key.country,
        }
        rows = DailyCount.objects.filter(**lookup)
        if rows.update(count=F("count") + number):
            continue
        try:
            with transaction.atomic():
                DailyCount.objects.create(**lookup, count=number)
        except IntegrityError:  # another process made the row first
            rows.update(count=F("count") + number)


def flush():
    """Move Redis's pending counts into the daily rows; counts for pages deleted since are
    dropped. A flush that fails leaves its batch under its own name, taken up by the next."""
    client = shared_redis()
    if client is None:
        return 0
    # one flush at a time: two would add the same batch twice
    with client.lock(redis_name("flush-lock"), timeout=FLUSH_LOCK_SECONDS):
        try:  # new counts go on into a new hash while this batch is added
            client.rename(redis_name("pending"), redis_name("flushing:" + uuid.uuid4().hex))
        except redis.ResponseError:  # nothing pending
            pass
        batches = client.scan_iter(match=redis_name("flushing:*"))
        return sum(flush_batch(client, name) for name in batches)


def flush_batch(client, name):
    counts = {
        Key.parse(field.decode()): int(number) for field, number in client.hgetall(name).items()
    }
    with transaction.atomic():
        add_to_days(counts)
    client.delete(name)
    return sum(counts.values())
