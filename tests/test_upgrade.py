"""Existing sites upgrade: a database made at main before the media models moved from the core
app to ``campaign_site.media`` keeps every row, and its content types keep their ids (so do the
permissions, revisions and references that point at them), on SQLite and, when DATABASE_URL
names a PostgreSQL server, on a database of its own there."""

import json
import os
import subprocess
import sys
import uuid

import psycopg
import pytest

from .conftest import ROOT


@pytest.fixture
def upgrade_database(tmp_path):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{tmp_path / 'main.sqlite3'}"
        return
    server, name = url.rsplit("/", 1)[0], f"campaign_upgrade_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{server}/{name}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_database_made_at_main_upgrades_without_losing_a_row(upgrade_database, tmp_path):
    result = subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "tests" / "upgrade_from_main.py")],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "campaign_site.settings.dev",
            "DATABASE_URL": upgrade_database,
            "MEDIA_ROOT": str(tmp_path / "media"),
        },
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    read_back = json.loads(result.stdout.strip().splitlines()[-1])
    assert read_back["title"] == "Fishing again in Saint-Louis"
    assert read_back["tracks"] == ["fr"]
    assert read_back["video_type"] == read_back["before"]["video_type"]  # renamed, not remade
    assert read_back["old_types"] == 0
    assert read_back["group_may_change_videos"] == ["change_campaignmedia"]
