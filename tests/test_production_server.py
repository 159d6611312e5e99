"""The production server setup (gunicorn.conf.py) keeps answering while slow clients upload:
each stalled upload holds one thread, not a whole worker."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from .conftest import ROOT, free_port, wait_until


def connects(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture
def gunicorn(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "campaign_site.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
    }
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0"], cwd=ROOT, env=env, check=True
    )
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "--config", str(ROOT / "gunicorn.conf.py")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    wait_until(lambda: connects(port), "gunicorn listening", seconds=30)
    yield base, port
    server.terminate()
    server.wait(timeout=10)


def slow_upload(port):
    """A POST that promises 10 MB and sends one byte, then stalls."""
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(
        b"POST /admin/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 10485760\r\n\r\na"
    )
    return sock


def test_four_slow_uploads_do_not_freeze_the_site(gunicorn):
    base, port = gunicorn
    uploads = [slow_upload(port) for _ in range(4)]
    try:
        time.sleep(1)  # every upload is now being read by the application
        for _ in range(3):
            with urllib.request.urlopen(base + "/admin/login/", timeout=10) as response:  # noqa: S310
                assert response.status == 200
    finally:
        for sock in uploads:
            sock.close()
