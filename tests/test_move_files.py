"""Moving an existing site's stored files to the bucket and back (manage.py move_files), against
a real S3-compatible server (moto's server mode, started here): every file arrives with the
same bytes, a second run copies nothing, a run after a damaged copy repairs just that one."""

import os
import subprocess
import sys

import pytest

from .processes import ROOT
from .stack import BUCKET, bucket_env, start_object_store

pytestmark = pytest.mark.server
FILES = {
    "media/story-sn.mp4": os.urandom(3 * 1024 * 1024 + 17),  # more than one read chunk
    "subtitles/story-sn.ar.vtt": "WEBVTT\n\n00:00.000 --> 00:02.000\nمرحبا\n".encode(),
    "images/poster-sn.2e16d0ba.format-webp.fill-480x270.webp": b"RIFF....WEBP",
}


@pytest.fixture
def bucket(tmp_path):
    server, endpoint, client = start_object_store(tmp_path)
    try:
        yield endpoint, client
    finally:
        server.terminate()
        server.wait(timeout=30)


def move(tmp_path, endpoint, media_root, to):
    return subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), "move_files", "--to", to],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "campaign_site.settings.dev",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "MEDIA_ROOT": str(media_root),
            **bucket_env(endpoint),
        },
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def objects(client):
    listed = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    return {
        item["Key"]: client.get_object(Bucket=BUCKET, Key=item["Key"])["Body"].read()
        for item in listed
    }


def test_files_move_to_the_bucket_and_back_checked_and_resumable(tmp_path, bucket):
    endpoint, client = bucket
    disk = tmp_path / "media"
    for name, data in FILES.items():
        (disk / name).parent.mkdir(parents=True, exist_ok=True)
        (disk / name).write_bytes(data)

    first = move(tmp_path, endpoint, disk, "bucket")
    assert first.returncode == 0, first.stderr
    assert "3 files copied, 0 already there" in first.stdout
    assert objects(client) == FILES
    assert all((disk / name).exists() for name in FILES)  # nothing deleted from the source

    again = move(tmp_path, endpoint, disk, "bucket")
    assert "0 files copied, 3 already there" in again.stdout

    # a copy that differs (an interrupted upload) is made again, the others are left alone
    client.put_object(Bucket=BUCKET, Key="media/story-sn.mp4", Body=b"half a file")
    repaired = move(tmp_path, endpoint, disk, "bucket")
    assert "1 files copied, 2 already there" in repaired.stdout
    assert objects(client) == FILES

    back = tmp_path / "restored"
    home = move(tmp_path, endpoint, back, "disk")
    assert home.returncode == 0, home.stderr
    assert {name: (back / name).read_bytes() for name in FILES} == FILES
