"""The project is sound as a whole: checks, migrations, production settings, the database."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.conf import settings
from django.core.management import call_command
from django.db import connections

ROOT = Path(__file__).resolve().parent.parent


def test_system_checks_are_clean(capsys):
    call_command("check", fail_level="WARNING")
    assert "no issues" in capsys.readouterr().out


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_production_settings_pass_check_deploy():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "campaign_site.settings.production",
        "SECRET_KEY": "a-long-random-production-secret-key-" + "x" * 40,
        "ALLOWED_HOSTS": "campaign.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env |= {"DJANGO_SETTINGS_MODULE": "campaign_site.settings.production", "ALLOWED_HOSTS": "x"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3", reason="SQLite only"
)
def test_sqlite_uses_wal_and_a_busy_timeout(tmp_path, django_db_blocker):
    """Concurrent editors queue for the write lock instead of failing with 'database is locked'."""
    default = connections["default"]
    database = type(default)({**default.settings_dict, "NAME": str(tmp_path / "campaign.sqlite3")})
    try:
        with django_db_blocker.unblock(), database.cursor() as cursor:
            assert cursor.execute("PRAGMA journal_mode").fetchone() == ("wal",)
            assert cursor.execute("PRAGMA busy_timeout").fetchone() == (20000,)
    finally:
        database.close()


@pytest.mark.django_db
def test_admin_login_is_rate_limited(client, django_user_model):
    django_user_model.objects.create_superuser("editor", "e@example.org", "right-password")
    for _attempt in range(4):
        response = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
        assert response.status_code == 200  # the form again, with its error
    fifth = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    assert fifth.status_code == 429 and b"locked" in fifth.content.lower()
    locked = client.post("/admin/login/", {"username": "editor", "password": "right-password"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session

    # another account from the same address is not locked out
    django_user_model.objects.create_superuser("other", "o@example.org", "pw")
    assert client.post("/admin/login/", {"username": "other", "password": "pw"}).status_code == 302


def test_no_app_depends_on_the_demo_campaign():
    """The demo depends on the apps, never the other way round: no module outside
    campaign_site/demo imports it (the settings only install it)."""
    importers = []
    for package in ("campaign_site", "stories", "podcasts", "training"):
        for path in (ROOT / package).rglob("*.py"):
            if "demo" in path.relative_to(ROOT).parts[:2] or "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    # a relative import inside campaign_site (from ..demo import ...) too
                    names = [f"campaign_site.{node.module}" if node.level else node.module]
                if any(name.startswith("campaign_site.demo") for name in names):
                    importers.append(str(path.relative_to(ROOT)))
    assert importers == []


def test_the_server_tests_share_one_worker(request, site_env):
    """Under `make test` (pytest-xdist, `--dist loadgroup`) every test that starts the demo site
    runs on one worker, which builds the site once. A pytest whose node ids no longer take
    pytest-xdist's group suffix (pytest-dev/pytest-xdist#1386) spreads them silently, and each
    worker builds its own site: on two cores, minutes more. Asking for ``site_env`` (cheap: a
    folder and a port) makes this test one of them."""
    if not request.config.getoption("loadgroup", False):  # pytest-xdist sets it on workers
        pytest.skip("not run with --dist loadgroup")
    assert request.node.nodeid.endswith("@site"), (
        "pytest-xdist did not group the server tests: keep pytest below the version that broke "
        "loadgroup (pyproject.toml)"
    )
