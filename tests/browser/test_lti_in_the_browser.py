"""LTI 1.3 in Chromium, as a learner and a trainer meet it in Moodle: a course page on the
platform frames the tool; the platform's OIDC endpoint signs the id_token and posts it to the
launch; the learner plays the module; the task worker sends the grade to the platform."""

import http.server
import json
import threading
import time
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
import pytest
from jwcrypto.jwk import JWK

from ..conftest import free_port
from ..test_lti import AGS, CLIENT_ID, DEPLOYMENT, DL, LTI, SCORE_SCOPE, Platform, pem_pair
from .test_training_in_the_browser import download, play_until

pytestmark = pytest.mark.browser
AUTO_POST = """<!DOCTYPE html><html><body>
<form method="post" action="{action}">{fields}</form>
<script>document.forms[0].submit();</script></body></html>"""


class BrowserPlatform(Platform):
    """The simulated platform of tests/test_lti.py, with the pages a browser meets: the course
    page that frames the tool and the OIDC authorization endpoint."""

    site = None
    private_key = None
    message = None  # what the next launch is: its message type and claims
    returned = []

    def do_GET(self):
        url = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        if url.path == "/course":
            login = (
                self.site
                + "/lti/login/?"
                + urlencode(
                    {
                        "iss": self.issuer,
                        "client_id": CLIENT_ID,
                        "login_hint": "learner-7",
                        "target_link_uri": self.site + "/lti/launch/",
                    }
                )
            )
            self.page(f'<h1>Course</h1><iframe src="{login}" width="900" height="700"></iframe>')
        elif url.path == "/auth":
            now = int(time.time())
            claims = {
                "iss": self.issuer,
                "aud": CLIENT_ID,
                "sub": "learner-7",
                "iat": now,
                "exp": now + 300,
                "nonce": query["nonce"],
                LTI + "version": "1.3.0",
                LTI + "deployment_id": DEPLOYMENT,
                LTI + "target_link_uri": query["redirect_uri"],
                LTI + "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
                **self.message,
            }
            token = jwt.encode(
                claims, self.private_key, algorithm="RS256", headers={"kid": "platform-key"}
            )
            self.auto_post(query["redirect_uri"], {"id_token": token, "state": query["state"]})
        else:
            self.send_error(404)

    def do_POST(self):
        if self.path == "/deep-link-return":
            body = self.rfile.read(int(self.headers["Content-Length"]))
            BrowserPlatform.returned.append(parse_qs(body.decode())["JWT"][0])
            self.page("<h1>Added to the course</h1>")
        else:
            super().do_POST()

    def auto_post(self, action, fields):
        inputs = "".join(f'<input type="hidden" name="{k}" value="{v}">' for k, v in fields.items())
        self.page(AUTO_POST.format(action=action, fields=inputs))

    def page(self, html):
        payload = html.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


@pytest.fixture(scope="module")
def platform(site, manage):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), BrowserPlatform)
    issuer = f"http://127.0.0.1:{server.server_address[1]}"
    private, public = pem_pair()
    key_set = {
        "keys": [
            JWK.from_pem(public).export_public(as_dict=True)
            | {"kid": "platform-key", "alg": "RS256", "use": "sig"}
        ]
    }
    manage("create_lti_key")
    registration = {
        "title": "Browser Moodle",
        "issuer": issuer,
        "client_id": CLIENT_ID,
        "auth_login_url": f"{issuer}/auth",
        "auth_token_url": f"{issuer}/token",
        "key_set": json.dumps(key_set),
        "deployment_ids": json.dumps([DEPLOYMENT]),
    }
    fields = json.dumps(registration)
    manage(
        "shell",
        "-c",
        "import json; from pylti1p3.contrib.django.lti1p3_tool_config.models import "
        "LtiTool, LtiToolKey; "
        f"LtiTool.objects.create(tool_key=LtiToolKey.objects.get(), **json.loads({fields!r}))",
    )
    BrowserPlatform.site, BrowserPlatform.issuer = site, issuer
    BrowserPlatform.private_key = private
    BrowserPlatform.tool_keys = json.loads(download(site + "/lti/jwks/"))
    Platform.scores, BrowserPlatform.returned = [], []  # Platform's line item records scores
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
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
    BrowserPlatform.message = {
        LTI + "message_type": "LtiDeepLinkingRequest",
        DL + "deep_linking_settings": {
            "deep_link_return_url": f"{platform}/deep-link-return",
            "accept_types": ["ltiResourceLink"],
            "accept_presentation_document_targets": ["iframe"],
        },
    }
    page.goto(f"{platform}/course")
    tool = tool_frame(page)
    tool.get_by_label("إدارة الحالات للعائدين", exact=False).check()
    tool.get_by_role("button").click()
    page.frame_locator("iframe").get_by_text("Added to the course").wait_for()
    (answer,) = BrowserPlatform.returned
    keys = {key["kid"]: key for key in BrowserPlatform.tool_keys["keys"]}
    key = jwt.PyJWK(keys[jwt.get_unverified_header(answer)["kid"]])
    message = jwt.decode(answer, key.key, algorithms=["RS256"], audience=platform)
    (item,) = message[DL + "content_items"]
    assert item["custom"] == {"module": module_key(manage), "language": "ar"}


def test_a_learner_launches_plays_and_is_graded(page, site, manage, platform):
    BrowserPlatform.message = {
        LTI + "message_type": "LtiResourceLinkRequest",
        LTI + "resource_link": {"id": "link-browser"},
        LTI + "custom": {"module": module_key(manage), "language": "ar"},
        AGS: {"scope": [SCORE_SCOPE], "lineitem": f"{platform}/lineitems/7"},
    }
    page.goto(f"{platform}/course")
    tool = tool_frame(page)
    assert tool.evaluate("document.documentElement.lang") == "ar"
    # at real speed: the server credits no more play than the time since the launch
    play_until(tool, 1.0, rate=1)
    for _ in range(100):  # the task worker sends the grade
        if any(score["activityProgress"] == "Completed" for score in Platform.scores):
            break
        time.sleep(0.1)
    completed = [s for s in Platform.scores if s["activityProgress"] == "Completed"]
    assert completed and completed[-1]["scoreGiven"] >= 90
    assert completed[-1]["userId"] == "learner-7"
    assert tool.locator(".lti-progress").text_content() == tool.locator(
        ".lti-progress"
    ).get_attribute("data-complete-message")
