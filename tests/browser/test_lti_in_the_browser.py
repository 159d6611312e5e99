"""LTI 1.3 in Chromium, as a learner and a trainer meet it in Moodle, on the test platform that
`manage.py lti_test_platform` serves (campaign_site.demo.lti_platform): its course page frames
the tool; its OIDC endpoint signs the id_token and posts it to the launch; the trainer adds a
module by deep linking and the course gets it; the learner opens it, plays the module, and the
task worker sends the grade to the platform."""

import http.server
import json
import threading

import pytest

from campaign_site.demo.lti_platform import Platform, pem_pair, registration

from ..conftest import free_port, wait_for, wait_until
from .test_training_in_the_browser import play_until

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def platform(site, manage):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Platform)
    issuer = f"http://127.0.0.1:{server.server_address[1]}"
    private, public = pem_pair()
    manage("create_lti_key")
    fields = json.dumps(registration(issuer, public))
    manage(
        "shell",
        "-c",
        "import json; from pylti1p3.contrib.django.lti1p3_tool_config.models import "
        "LtiTool, LtiToolKey; "
        f"LtiTool.objects.create(tool_key=LtiToolKey.objects.get(), **json.loads({fields!r}))",
    )
    Platform.start(site, issuer, private)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    wait_for(issuer + "/")
    yield issuer
    server.shutdown()


def module_key(manage):
    return manage(
        "shell",
        "-c",
        "from training.models import ModulePage; print(ModulePage.objects.get("
        "locale__language_code='ar', slug='case-management-for-returnees').translation_key)",
    ).splitlines()[-1]  # after the shell's own messages


def tool_frame(page):
    page.frame_locator("iframe").locator("h1").first.wait_for()
    return page.locator("iframe").element_handle().content_frame()


def test_a_trainer_adds_a_module_by_deep_linking(page, site, manage, platform):
    page.goto(f"{platform}/")
    page.get_by_role("link", name="Add a module (as a trainer)").click()
    tool = tool_frame(page)
    tool.get_by_label("إدارة الحالات للعائدين", exact=False).check()
    tool.get_by_role("button").click()
    page.frame_locator("iframe").get_by_text("Added to the course").wait_for()
    # the platform checked the tool's signature on the answer before adding the module
    assert len(Platform.returned) == 1
    (item,) = Platform.links
    assert item["custom"] == {"module": module_key(manage), "language": "ar"}
    page.goto(f"{platform}/")
    assert page.get_by_role("link", name="open as a learner").count() == 1


def test_a_learner_launches_plays_and_is_graded(page, site, manage, platform):
    # the module the trainer added (as the test above does, by deep linking)
    Platform.links = [
        {"title": "Case management", "custom": {"module": module_key(manage), "language": "ar"}}
    ]
    page.goto(f"{platform}/")
    page.get_by_role("link", name="open as a learner").click()
    tool = tool_frame(page)
    assert tool.evaluate("document.documentElement.lang") == "ar"
    # at real speed: the server credits no more play than the time since the launch
    play_until(tool, 1.0, rate=1)
    wait_until(  # the task worker sends the grade
        lambda: any(score["activityProgress"] == "Completed" for score in Platform.scores),
        "the task worker's grade",
    )
    completed = [s for s in Platform.scores if s["activityProgress"] == "Completed"]
    assert completed and completed[-1]["scoreGiven"] >= 90
    assert completed[-1]["userId"] == "learner-7"
    assert tool.locator(".lti-progress").text_content() == tool.locator(
        ".lti-progress"
    ).get_attribute("data-complete-message")
    page.goto(f"{platform}/")  # the course's grade book shows it
    assert "learner-7" in page.locator("table").text_content()
