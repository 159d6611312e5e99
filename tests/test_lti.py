"""LTI 1.3 against a simulated platform: real RS256 signing both ways, OIDC login and launch,
deep linking and grade passback (Assignment and Grade Services) to a platform served over HTTP
by the test."""

import datetime
import http.server
import json
import math
import threading
import time
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from pylti1p3.contrib.django.lti1p3_tool_config.models import LtiTool, LtiToolKey

from django.core.management import call_command
from django.utils import timezone

from campaign_site.demo.lti_platform import (
    AGS,
    CLIENT_ID,
    DEPLOYMENT,
    DL,
    LTI,
    SCORE_SCOPE,
    Platform,
    pem_pair,
    registration,
)
from training.models import LtiGrade, LtiLaunch, LtiServiceHosts, ModulePage

from .conftest import csp_directive, free_port, html, log_in_as

pytestmark = pytest.mark.django_db
LAUNCH_URL = "http://testserver/lti/launch/"


@pytest.fixture
def platform(client):
    """The test platform (campaign_site.demo.lti_platform) served over HTTP: its token
    endpoint checks the tool's signed client assertion, its line item records the grades."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Platform)
    issuer = f"http://127.0.0.1:{server.server_address[1]}"
    private, public = pem_pair()
    call_command("create_lti_key")
    LtiTool.objects.create(tool_key=LtiToolKey.objects.get(), **registration(issuer, public))
    Platform.start("http://testserver", issuer, private)
    Platform.tool_keys = json.loads(client.get("/lti/jwks/").content)  # no live site here
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {"issuer": issuer, "private_key": private}
    server.shutdown()


def launch(client, platform, message_type="LtiResourceLinkRequest", sign_with=None, **claims):
    """The platform's side of a launch: OIDC login initiation, then the signed id_token
    posted back to the redirect_uri the tool gave."""
    response = client.get(
        "/lti/login/",
        {
            "iss": platform["issuer"],
            "client_id": CLIENT_ID,
            "login_hint": "learner-42",
            "target_link_uri": LAUNCH_URL,
            "lti_message_hint": "hint",
        },
    )
    assert response.status_code == 302
    redirect = urlsplit(response["Location"])
    assert f"{redirect.scheme}://{redirect.netloc}{redirect.path}" == f"{platform['issuer']}/auth"
    params = {key: values[0] for key, values in parse_qs(redirect.query).items()}
    assert params["redirect_uri"] == LAUNCH_URL and params["client_id"] == CLIENT_ID
    now = int(time.time())
    token = jwt.encode(
        {
            "iss": platform["issuer"],
            "aud": CLIENT_ID,
            "sub": "learner-42",
            "iat": now,
            "exp": now + 300,
            "nonce": params["nonce"],
            LTI + "message_type": message_type,
            LTI + "version": "1.3.0",
            LTI + "deployment_id": DEPLOYMENT,
            LTI + "target_link_uri": LAUNCH_URL,
            LTI + "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
            **claims,
        },
        sign_with or platform["private_key"],
        algorithm="RS256",
        headers={"kid": "platform-key"},
    )
    posted = {"id_token": token, "state": params["state"]}
    response = client.post("/lti/launch/", posted)
    response.posted = posted  # what an attacker who saw the form post could send again
    return response


def resource_claims(custom, with_grades=True):
    claims = {LTI + "resource_link": {"id": "link-1"}, LTI + "custom": custom}
    if with_grades:
        claims[AGS] = {
            "scope": [SCORE_SCOPE],
            "lineitem": f"{Platform.issuer}/lineitems/7",
        }
    return claims


def error_text(response):
    from bs4 import BeautifulSoup

    return BeautifulSoup(response.content, "html.parser").find(class_="error").get_text()


@pytest.fixture
def module():
    return ModulePage.objects.get(locale__language_code="ar", slug="case-management-for-returnees")


def test_a_resource_link_shows_the_current_module_framed_by_the_platform(client, platform, module):
    custom = {"module": str(module.translation_key), "language": "ar"}
    response = launch(client, platform, **resource_claims(custom))
    assert response.status_code == 200
    page = html(response)
    assert page.find("html")["lang"] == "ar" and page.find("h1").get_text().strip() == module.title
    assert page.find("video")
    assert csp_directive(response, "frame-ancestors") == platform["issuer"]
    assert "X-Frame-Options" not in response

    module.title = "إدارة الحالات: الإصدار الثاني"
    module.save_revision().publish()
    response = launch(client, platform, **resource_claims(custom))
    assert html(response).find("h1").get_text().strip() == "إدارة الحالات: الإصدار الثاني"


def test_a_launch_posted_again_is_refused_from_any_browser(client, platform, module):
    """The same id_token and state replayed, from the learner's browser or from another one
    without its cookies: refused, and no score token is handed out again."""
    from django.test import Client

    custom = {"module": str(module.translation_key), "language": "ar"}
    first = launch(client, platform, **resource_claims(custom))
    assert first.status_code == 200
    launches = LtiLaunch.objects.count()
    for replay in (Client(), client):
        response = replay.post("/lti/launch/", first.posted)
        assert response.status_code == 400
        assert "already used" in error_text(response)
        assert b"<video" not in response.content
    assert LtiLaunch.objects.count() == launches
    # a new launch (a new nonce) from the platform still works
    assert launch(client, platform, **resource_claims(custom)).status_code == 200


def test_a_launch_not_signed_by_the_platform_is_refused(client, platform, module):
    other_key, _public = pem_pair()
    custom = {"module": str(module.translation_key), "language": "ar"}
    response = launch(client, platform, sign_with=other_key, **resource_claims(custom))
    assert response.status_code == 400
    assert "could not be verified" in error_text(response)
    assert "data-score-token" not in response.content.decode()


def played(module, share):
    """The player's report of ``share`` of every video of the module played from its start."""
    return "|".join(
        f"{index}:0-{video.duration * share:.3f}" for index, video in enumerate(module.video_list)
    )


def an_hour_ago():
    """The learner has been watching for an hour: time enough for any claim."""
    LtiLaunch.objects.update(started_at=timezone.now() - datetime.timedelta(hours=1))


def score_reporter(client, response):
    status = html(response).select_one(".lti-progress")
    token, url = status["data-score-token"], status["data-score-url"]

    def report(played, token=token):
        return client.post(url, json.dumps({"token": token, "played": played}), "application/json")

    return report


def test_progress_goes_back_to_the_platform_as_the_best_grade(client, platform, module):
    custom = {"module": str(module.translation_key), "language": "ar"}
    report = score_reporter(client, launch(client, platform, **resource_claims(custom)))
    an_hour_ago()

    assert report(played(module, 0.555)).status_code == 200
    assert report(played(module, 0.955)).json() == {"score": 95}
    assert report(played(module, 0.405)).json() == {"score": 95}  # never lowered
    sent = Platform.scores
    assert [score["scoreGiven"] for score in sent] == [55, 95]
    assert sent[-1]["scoreMaximum"] == 100
    assert sent[-1]["userId"] == "learner-42"
    assert [score["activityProgress"] for score in sent] == ["InProgress", "Completed"]
    assert sent[-1]["gradingProgress"] == "FullyGraded"
    grade = LtiGrade.objects.get()
    assert (grade.score, grade.sent_score, grade.page_id) == (95, 95, module.pk)

    # A new session (another launch) starts from the grade already given.
    response = launch(client, platform, **resource_claims(custom))
    assert html(response).select_one(".lti-progress")["data-best-score"] == "95"
    token = html(response).select_one(".lti-progress")["data-score-token"]
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert report(played(module, 1), token=forged).status_code == 400


def test_a_score_claimed_one_second_after_launch_is_not_passed_on(client, platform, module, caplog):
    """The server credits at most the time since the launch: a learner who posts "everything
    played" a second in gets the second or two they could have watched, not 100."""
    custom = {"module": str(module.translation_key), "language": "ar"}
    report = score_reporter(client, launch(client, platform, **resource_claims(custom)))
    LtiLaunch.objects.update(started_at=timezone.now() - datetime.timedelta(seconds=1))
    total = sum(video.duration for video in module.video_list)
    assert total > 5  # the demo module's two videos: the claim is well beyond a second
    with caplog.at_level("WARNING", logger="training.lti"):
        answer = report(played(module, 1)).json()
    assert answer["score"] <= 100 * 3 / total < 100  # about a second, with the clock's slack
    assert all(score["scoreGiven"] < 100 for score in Platform.scores)
    assert not any(score["activityProgress"] == "Completed" for score in Platform.scores)
    assert "claimed" in caplog.text and "credited" in caplog.text


def test_replayed_overlapping_and_out_of_range_play_counts_once(client, platform, module):
    custom = {"module": str(module.translation_key), "language": "ar"}
    report = score_reporter(client, launch(client, platform, **resource_claims(custom)))
    an_hour_ago()
    first = module.video_list[0].duration
    total = sum(video.duration for video in module.video_list)
    # the first video played three times over, and past its end: counted once
    claim = f"0:0-{first},0-{first},1-{first + 500}"
    assert report(claim).json()["score"] == math.floor(100 * first / total)
    for malformed in ("7:0-3", "0:5-2", "0:a-b", "0:0-inf", "0:" + ",".join(["0-1"] * 1001)):
        assert report(malformed).status_code == 400, malformed
    missing = client.post(
        "/lti/score/", json.dumps({"token": "x", "score": 100}), "application/json"
    )
    assert missing.status_code == 400


def test_a_grade_service_on_another_host_is_refused_unless_listed(client, platform, module):
    custom = {"module": str(module.translation_key), "language": "ar"}
    elsewhere = platform["issuer"].replace("127.0.0.1", "localhost") + "/lineitems/7"
    claims = resource_claims(custom)
    claims[AGS]["lineitem"] = elsewhere
    response = launch(client, platform, **claims)
    assert response.status_code == 400
    assert "localhost" in error_text(response) and "not one of its registered hosts" in (
        error_text(response)
    )
    assert not LtiGrade.objects.exists()

    # the administrator lists the host (as Canvas needs: grades on the school's host)
    LtiServiceHosts.objects.create(platform=LtiTool.objects.get(), hosts="localhost\n")
    report = score_reporter(client, launch(client, platform, **claims))
    an_hour_ago()
    assert report(played(module, 1)).json() == {"score": 100}
    assert [score["scoreGiven"] for score in Platform.scores] == [100]

    # a grade stored for a host that is no longer listed is not sent there
    LtiServiceHosts.objects.all().delete()
    LtiGrade.objects.update(score=None, sent_score=None)
    report = score_reporter(client, launch(client, platform, **resource_claims(custom)))
    LtiGrade.objects.update(lineitem=elsewhere)
    an_hour_ago()
    report(played(module, 0.5))
    assert [score["scoreGiven"] for score in Platform.scores] == [100]


def test_deep_linking_lets_a_trainer_pick_a_module_and_language(client, platform, module):
    settings_claim = {
        "deep_link_return_url": f"{platform['issuer']}/deep-link-return",
        "accept_types": ["ltiResourceLink"],
        "accept_presentation_document_targets": ["iframe", "window"],
        "data": "course-3",
    }
    response = launch(
        client,
        platform,
        message_type="LtiDeepLinkingRequest",
        **{
            DL + "deep_linking_settings": settings_claim,
            LTI + "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"],
        },
    )
    assert response.status_code == 200
    chooser = html(response)
    offered = {int(radio["value"]) for radio in chooser.select("input[name=module]")}
    assert module.pk in offered
    assert set(ModulePage.objects.live().values_list("pk", flat=True)) == offered
    launch_id = chooser.select_one("input[name=launch]")["value"]

    response = client.post("/lti/deep-link/", {"launch": launch_id, "module": module.pk})
    assert response.status_code == 200
    form = html(response).find("form")
    assert form["action"] == settings_claim["deep_link_return_url"]
    assert platform["issuer"] in csp_directive(response, "form-action")
    keys = json.loads(client.get("/lti/jwks/").content)["keys"]
    answer = form.find("input", attrs={"name": "JWT"})["value"]
    key = jwt.PyJWK(next(k for k in keys if k["kid"] == jwt.get_unverified_header(answer)["kid"]))
    message = jwt.decode(answer, key.key, algorithms=["RS256"], audience=platform["issuer"])
    assert message[LTI + "message_type"] == "LtiDeepLinkingResponse"
    assert message[DL + "data"] == "course-3"
    (item,) = message[DL + "content_items"]
    assert item["type"] == "ltiResourceLink" and item["url"] == LAUNCH_URL
    assert item["title"] == module.title
    assert item["custom"] == {"module": str(module.translation_key), "language": "ar"}

    # The link the platform now holds launches that module, in that language.
    response = launch(client, platform, **resource_claims(item["custom"], with_grades=False))
    assert html(response).find("h1").get_text().strip() == module.title

    # A deep-linking answer is never sent to a host the platform was not registered with.
    settings_claim["deep_link_return_url"] = "https://elsewhere.example/return"
    chooser = html(
        launch(
            client,
            platform,
            message_type="LtiDeepLinkingRequest",
            **{DL + "deep_linking_settings": settings_claim},
        )
    )
    launch_id = chooser.select_one("input[name=launch]")["value"]
    response = client.post("/lti/deep-link/", {"launch": launch_id, "module": module.pk})
    assert response.status_code == 400 and "elsewhere.example" in error_text(response)
    assert "JWT" not in response.content.decode()


def test_an_unknown_platform_gets_a_clear_error(client, db):
    response = client.get(
        "/lti/login/",
        {"iss": "https://unknown.example.org", "client_id": "x", "login_hint": "u",
         "target_link_uri": LAUNCH_URL},
    )  # fmt: skip
    assert response.status_code == 400
    assert "not registered" in error_text(response)


def test_the_key_set_publishes_only_public_keys(client, db):
    call_command("create_lti_key")
    call_command("create_lti_key")  # idempotent
    (key,) = json.loads(client.get("/lti/jwks/").content)["keys"]
    assert key["kty"] == "RSA" and key["alg"] == "RS256" and "d" not in key


def test_platforms_are_registered_in_the_admin_by_superusers_only(client, django_user_model, db):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    listing = client.get("/admin/lti_platforms/")
    assert listing.status_code == 200
    form = client.get("/admin/lti_platforms/new/")
    assert form.status_code == 200 and b'name="deployment_ids"' in form.content
    assert client.get("/admin/lti_tool_keys/").status_code == 200

    log_in_as(client, django_user_model, "mod", "Moderators")
    assert client.get("/admin/lti_platforms/").status_code in (302, 403)
    assert client.get("/admin/lti_tool_keys/").status_code in (302, 403)


def test_a_link_naming_no_module_gets_a_clear_error(client, platform, module):
    response = launch(client, platform, **resource_claims({"module": "not-a-uuid"}))
    assert response.status_code == 400
    assert "names no module" in error_text(response)
