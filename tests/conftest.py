import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from django.conf import settings
from django.core.cache import cache
from django.test import Client, override_settings
from django.utils import translation

from wagtail.models import Locale, Page

from campaign_site.demo.loader import load_demo_campaign
from campaign_site.languages import CAMPAIGN_LANGUAGES
from campaign_site.pages.models import HomePage
from training.packages import PACKAGE_DIR

from .processes import ROOT, free_port, wait_until  # noqa: F401 (the tests import them here)


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


KEPT_PACKAGES = Path(settings.MEDIA_ROOT) / ".demo-packages"
NO_TASKS = {
    name: {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": [name]}
    for name in ("default", "media")
}
# Fixtures that start real servers or other processes of the site. The tests using them are
# marked `server` (left out by `make test-fast`) and, under pytest-xdist, run on one worker
# together, so that a run builds one demo site for them instead of one per worker.
SERVER_FIXTURES = {"site", "site_env", "manage", "gunicorn"}


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config, items):
    for item in items:
        if SERVER_FIXTURES & set(item.fixturenames) or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.server)
            item.add_marker(pytest.mark.xdist_group("site"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo campaign, loaded once; each test runs in a transaction rolled back after it.
    Every live page is rendered once here, so that the image renditions it shows (AVIF, WebP
    and JPEG posters) are made and kept for the whole session instead of being made again, and
    rolled back, in every test that renders the page."""
    with django_db_blocker.unblock():
        load_demo_campaign()
        # no tasks meanwhile: a training package built here would outlive tests that delete
        # its files (storage is not rolled back)
        with override_settings(TASKS=NO_TASKS):
            warm_up = Client()
            for page in Page.objects.live().filter(depth__gt=1).specific():
                warm_up.get(page.url)
        cache.clear()
        # the demo's built packages, kept aside (hard links) to be put back after each test
        packages = Path(settings.MEDIA_ROOT) / PACKAGE_DIR
        shutil.rmtree(KEPT_PACKAGES, ignore_errors=True)
        shutil.copytree(packages, KEPT_PACKAGES, copy_function=os.link)


@pytest.fixture(autouse=True)
def packages_put_back():
    """A test that unpublishes or rebuilds a module with its on-commit callbacks run deletes the
    package files, while the rollback brings back the rows that name them: the files are put
    back, so the next test on this worker finds what the database promises."""
    yield
    if KEPT_PACKAGES.exists():
        packages = Path(settings.MEDIA_ROOT) / PACKAGE_DIR
        packages.mkdir(exist_ok=True)
        for kept in KEPT_PACKAGES.iterdir():
            if not (packages / kept.name).exists():
                os.link(kept, packages / kept.name)


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


@pytest.fixture
def story(db):
    """The Senegal story in English: four translations, consent on record, and a video that a
    training module reuses."""
    from stories.models import StoryPage

    return StoryPage.objects.get(locale__language_code="en", slug="fishing-again-in-saint-louis")


def log_in_as(client, django_user_model, username, group):
    """A user of one group (a country team, the moderators), logged in on ``client``."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


def html(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def csp_directive(response, name):
    """One directive of the response's Content-Security-Policy (their order is not fixed)."""
    directives = response["Content-Security-Policy"].split(";")
    return dict(directive.strip().split(" ", 1) for directive in directives)[name]


# The demo site served by a real server in its own processes, on its own SQLite database and a
# file cache that every one of its processes shares (browser tests, cross-process tests).
# The demo campaign's media files: real videos and recordings for upload tests.
DEMO_FILES = ROOT / "campaign_site" / "demo" / "files"


def answers(url):
    try:
        with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (our own localhost server)
            return True
    except OSError:
        return False


def wait_for(url, seconds=60):
    wait_until(lambda: answers(url), f"{url} answering", seconds)


@pytest.fixture(scope="session")
def site_env(tmp_path_factory):
    """The environment of the demo site's processes: its own database and media folder."""
    workdir = tmp_path_factory.mktemp("site")
    port = free_port()
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "campaign_site.settings.dev",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "CACHE_DIR": str(workdir / "cache"),
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        # reach counts written at once: tests read them right after the request
        "REACH_BUFFER_SECONDS": "0",
    }


@pytest.fixture(scope="session")
def manage(site_env):
    """Run a manage.py command against the demo site's database: manage("shell", "-c", ...)."""

    def run(*args, **env):
        return subprocess.run(  # noqa: S603
            [sys.executable, str(ROOT / "manage.py"), *args],
            env={**site_env, **env},
            check=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout

    return run


@pytest.fixture(scope="session")
def site(site_env, manage):
    """The demo campaign served by `manage.py runserver` on a free localhost port, with the
    task worker beside it, as `make run` does."""
    base = site_env["WAGTAILADMIN_BASE_URL"]
    port = base.rsplit(":", 1)[1]
    manage("migrate", "--no-input", "-v0")
    manage("load_demo_campaign")
    manage("db_worker", "--batch", "--no-startup-delay")  # what the demo queued
    # the videos' renditions (make run serves meanwhile; the tests want them ready)
    manage(
        "db_worker", "--backend", "media", "--queue-name", "media", "--batch", "--no-startup-delay"
    )
    processes = [
        subprocess.Popen(  # noqa: S603
            [sys.executable, str(ROOT / "manage.py"), *command],
            env=site_env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for command in (
            ["runserver", "--noreload", f"127.0.0.1:{port}"],
            ["db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"],
            [
                *("db_worker", "--backend", "media", "--queue-name", "media"),
                *("--no-reload", "--no-startup-delay", "--interval", "0.2"),
            ],
        )
    ]
    try:
        wait_for(base + "/en/")
        yield base
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)
