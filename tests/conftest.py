from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from wagtail.models import Locale, Page

from campaign_site.core.demo.loader import load_demo_campaign
from campaign_site.core.models import HomePage
from campaign_site.languages import CAMPAIGN_LANGUAGES


def pytest_configure(config):
    missing = [
        code
        for code in CAMPAIGN_LANGUAGES
        if not (Path(settings.LOCALE_PATHS[0]) / code / "LC_MESSAGES" / "django.mo").exists()
    ]
    if missing:
        raise pytest.UsageError(
            f"UI catalogs are not compiled for {missing}: run `make messages` (or `make test`)."
        )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo campaign, loaded once; each test runs in a transaction rolled back after it."""
    with django_db_blocker.unblock():
        load_demo_campaign()


@pytest.fixture(autouse=True)
def fresh_start():
    """Each test starts in English (a request leaves its language active in the thread) with
    an empty cache (the database is rolled back after each test; the cache is not)."""
    translation.activate(settings.LANGUAGE_CODE)
    cache.clear()
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home(db):
    return HomePage.objects.get(locale__language_code="en", depth=2)


@pytest.fixture
def section(db):
    """The English stories section, translated into every language by the demo."""
    return Page.objects.get(locale__language_code="en", slug="stories").specific


def html(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def csp_directive(response, name):
    """One directive of the response's Content-Security-Policy (their order is not fixed)."""
    directives = response["Content-Security-Policy"].split(";")
    return dict(directive.strip().split(" ", 1) for directive in directives)[name]
