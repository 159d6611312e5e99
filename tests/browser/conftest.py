"""Browser tests: Playwright driving Debian's Chromium (never a downloaded browser) against the
site served by a real server on localhost, with the demo campaign on its own SQLite database.

Outside CI a missing Chromium skips these tests; under CI (CI=true) it fails them."""

import functools
import http.server
import io
import os
import shutil
import threading
from pathlib import Path

import pytest

from campaign_site.delivery.responses import byte_range

from ..conftest import free_port  # noqa: F401 - the live site's fixtures are in tests/conftest.py

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCORM_AGAIN = Path(__file__).parent / "node_modules" / "scorm-again" / "dist" / "scorm12.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--autoplay-policy=no-user-gesture-required",
]


def require(condition, reason):
    if not condition:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (required under CI)")
        pytest.skip(reason)


@pytest.fixture(scope="session")
def other_origin(tmp_path_factory):
    """A second site on another localhost port: another origin, as a partner's LMS would be."""
    root = tmp_path_factory.mktemp("other-origin")
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with HTTP Range support, as an LMS serves them: without it Chromium cannot
    seek in a video and counts a skipped part as played."""

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        wanted = (
            byte_range(self.headers.get("Range"), path.stat().st_size) if path.is_file() else None
        )
        if not wanted:
            return super().send_head()
        start, end = wanted
        handle = path.open("rb")
        handle.seek(start)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {start}-{end}/{path.stat().st_size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        return io.BytesIO(handle.read(end - start + 1))


@pytest.fixture(scope="module")
def browser():
    # Module-scoped: Playwright's sync API keeps an event loop running while it is open, and
    # Django refuses database access from the rest of the suite while a loop runs.
    playwright_api = pytest.importorskip("playwright.sync_api")
    require(Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def scorm_again():
    require(SCORM_AGAIN.exists(), "scorm-again is not installed: run `npm ci` in tests/browser")
    return SCORM_AGAIN


def copy_into(directory, source):
    shutil.copy(source, directory / Path(source).name)
