"""What a request may tell the counters, and what it never does.

A request is counted only when it does not ask not to be (Do Not Track, Global Privacy Control)
and does not come from a known bot or podcast crawler: the Open Podcast Analytics Working
Group's list (``data/opawg-bots.json``, MIT, what podcast hosts filter by for the IAB guidelines)
and crawler-user-agents (a maintained package). From the rest only coarse facts are taken: the
first language the browser asks for, a country code a trusted proxy set, and for podcast
downloads a listener key that cannot be turned back into an address."""

import datetime
import hashlib
import json
import re
import secrets
from functools import lru_cache
from pathlib import Path

from crawleruseragents import is_crawler

from django.conf import settings
from django.core.cache import cache
from django.utils.translation.trans_real import parse_accept_lang_header

from campaign_site.delivery.security import client_address

OPAWG_BOTS = Path(__file__).parent / "data" / "opawg-bots.json"
LANGUAGE = re.compile(r"^[a-z]{2,3}$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
NOT_COUNTRIES = {"XX", "T1", "A1", "A2", "O1", "EU", "AP"}  # unknown, Tor, proxies, regions


def podcast_bots():
    entries = json.loads(OPAWG_BOTS.read_text())["entries"]
    return re.compile("|".join(f"(?:{entry['pattern']})" for entry in entries))


PODCAST_BOTS = podcast_bots()


@lru_cache(maxsize=4096)  # in this process's memory only: user agents repeat on every request
def is_bot(user_agent):
    return (
        not user_agent
        or PODCAST_BOTS.search(user_agent) is not None
        or is_crawler(user_agent, case_sensitive=False)
    )


def may_count(request):
    meta = request.META
    return (
        meta.get("HTTP_DNT") != "1"
        and meta.get("HTTP_SEC_GPC") != "1"
        and not is_bot(meta.get("HTTP_USER_AGENT", "")[:512])
    )


def country(request):
    """The visitor's country from a trusted proxy's header (REACH_COUNTRY_HEADER, such as
    CF-IPCountry), else nothing: the site never looks an address up."""
    header = settings.REACH_COUNTRY_HEADER
    if not header:
        return ""
    code = request.headers.get(header, "").strip().upper()
    return code if COUNTRY.match(code) and code not in NOT_COUNTRIES else ""


def visitor_language(request):
    """The primary subtag of the first language the browser asks for ("pt" for "pt-BR")."""
    for code, _quality in parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
        primary = code.split("-")[0].lower()
        if LANGUAGE.match(primary):
            return primary
        if code == "*":
            break
    return ""


def today():
    return datetime.datetime.now(datetime.UTC).date()


def daily_salt(day):
    """A random salt for one UTC day, kept in the shared cache (so every process hashes alike)
    until the day after, then gone: yesterday's listener keys cannot be recomputed."""
    key = f"reach:salt:{day.isoformat()}"
    salt = cache.get(key)
    if salt is None:  # the day's first listener: the first process to add it sets it for all
        cache.add(key, secrets.token_hex(32), 2 * 24 * 60 * 60)
        salt = cache.get(key)
    return salt


def listener(request, day):
    """One listener for one day: the IAB guidelines' address and user agent, hashed with the
    day's salt. Neither is kept, in the database, the cache or a log."""
    material = "\n".join(
        (daily_salt(day), client_address(request), request.META.get("HTTP_USER_AGENT", ""))
    )
    return hashlib.sha256(material.encode()).hexdigest()[:32]
