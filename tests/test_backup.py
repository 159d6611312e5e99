"""Backup and restore, as an operator runs them: the demo site (with its encoded videos) backed
up, restored into a new database and an empty media folder, and every public address of the
restored site answering as the original did, byte for byte."""

import os
import re
import subprocess
import sys
import tarfile
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from .conftest import ROOT, free_port, wait_for

BUILT = re.compile(rb"<lastBuildDate>[^<]*</lastBuildDate>")
ASSET = re.compile(r"\.(xml|json|zip|vtt|mp4|m4a|m3u8|mp3|webp|avif|jpe?g|png)$")


def fetch(url, **headers):
    try:
        with urllib.request.urlopen(  # noqa: S310 (our own localhost servers)
            urllib.request.Request(url, headers=headers), timeout=30
        ) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def public_addresses(base):
    """Every page in the sitemap, and every feed, package, file and image its pages link to."""
    status, sitemap = fetch(base + "/sitemap.xml")
    assert status == 200
    pages = re.findall(rb"<loc>([^<]+)</loc>", sitemap)
    found = {"/sitemap.xml"}
    for page in pages:
        path = urlsplit(page.decode()).path
        found.add(path)
        status, body = fetch(base + path)
        for tag in BeautifulSoup(body, "html.parser").find_all(True):
            for attribute in ("href", "src", "poster", "data-hls"):
                link = urlsplit(urljoin(base + path, tag.get(attribute) or ""))
                if link.netloc == urlsplit(base).netloc and ASSET.search(link.path):
                    found.add(link.path)
    return sorted(found)


def answers(base, path, addresses):
    """What a visitor gets; media files also as a player asks for them (a byte range). Links
    are built from Wagtail's Site, restored with the rest: the restored site, run here on
    another port, names the original's address; either address counts as the same."""
    got = [fetch(base + path)]
    if path.startswith("/media/"):
        got.append(fetch(base + path, Range="bytes=100-2099"))
    for address in addresses:
        got = [(status, body.replace(address.encode(), b"<site>")) for status, body in got]
    # a feed's lastBuildDate is when this site's cache first built it (it never goes back)
    return [(status, BUILT.sub(b"", body)) for status, body in got]


@pytest.fixture
def restored(site_env, manage, tmp_path):
    archive = tmp_path / "campaign.tar"
    manage("backup", str(archive))
    port = free_port()
    env = {
        **site_env,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'restored.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "CACHE_DIR": str(tmp_path / "cache"),
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
    }

    def run(*args):
        return subprocess.run(  # noqa: S603
            [sys.executable, str(ROOT / "manage.py"), *args],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )

    restoring = run("restore", str(archive))
    assert restoring.returncode == 0, restoring.stderr
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(env["WAGTAILADMIN_BASE_URL"] + "/en/")
        yield env["WAGTAILADMIN_BASE_URL"], archive, run
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.slow
def test_a_restored_site_answers_every_public_address_as_the_original(site, restored):
    base, archive, run = restored
    addresses = public_addresses(site)
    assert len(addresses) > 200
    kinds = {path.rsplit(".", 1)[-1] for path in addresses if "." in path.rsplit("/", 1)[-1]}
    assert {"xml", "zip", "mp4", "m3u8", "vtt"} <= kinds, kinds
    both = (site, base)
    different = [
        path for path in addresses if answers(site, path, both) != answers(base, path, both)
    ]
    assert different == []

    # a second restore onto this site, now full, is refused, and says how to go on
    again = run("restore", str(archive))
    assert again.returncode != 0 and "--replace" in again.stderr


def test_a_damaged_backup_is_refused_before_anything_is_touched(tmp_path):
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(damaged, "w"):
        pass
    result = subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), "restore", str(damaged)],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "campaign_site.settings.dev",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
            "MEDIA_ROOT": str(tmp_path / "media"),
        },
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "not a complete backup" in result.stderr
    assert not (tmp_path / "empty.sqlite3").exists()
