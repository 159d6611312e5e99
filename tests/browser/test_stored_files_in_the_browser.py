"""An HTML page or a script that reached storage (uploaded before files were checked by content,
or through a hole yet unknown) opened by a logged-in admin in Chromium runs nothing."""

import json

import pytest

pytestmark = pytest.mark.browser

PAYLOAD = "<!doctype html><html><body><script>console.log('pwned');document.title='pwned';</script>"
PLANT = """
import json
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from campaign_site.media.models import CampaignMedia

payload = {payload!r}
media = CampaignMedia.objects.create(
    title="Legacy upload", type="video", file=ContentFile(payload.encode(), name="legacy.html"),
    data_saver_file=ContentFile(b"alert('pwned')", name="legacy.js"),
)
document = Document.objects.create(
    title="Legacy notes", file=ContentFile(payload.encode(), name="legacy-notes.txt")
)
print(json.dumps([media.file.url, media.data_saver_file.url, document.url]))
"""


@pytest.fixture(scope="module")
def planted(site, manage):
    manage("ensure_admin", ADMIN_USERNAME="security", ADMIN_PASSWORD="a-long-test-password")
    output = manage("shell", "-c", PLANT.format(payload=PAYLOAD))
    return json.loads(output.strip().splitlines()[-1])


def log_in(page, site):
    page.goto(site + "/admin/login/")
    page.fill("input[name=username]", "security")
    page.fill("input[name=password]", "a-long-test-password")
    page.click("button[type=submit]")
    page.wait_for_url(site + "/admin/")


def test_a_stored_html_page_or_script_never_runs_for_a_logged_in_admin(page, site, planted):
    log_in(page, site)
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.on("download", lambda download: download.cancel())
    for url in planted:
        response = page.request.get(site + url)
        assert response.status == 200  # editors may review unpublished files
        content_type = response.headers["content-type"]
        assert "html" not in content_type and "script" not in content_type
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["content-security-policy"] == "default-src 'none'; sandbox"
        # opened as an admin would open a link: Chromium plays, downloads or shows text
        page.goto(site + "/admin/")
        page.evaluate("url => { location.href = url }", site + url)
        page.wait_for_timeout(1500)
        assert "pwned" not in messages
        assert page.title() != "pwned"
    assert planted[2].startswith("/documents/")
