"""LTI 1.3 (Advantage) tool: Moodle, Canvas or Totara launch a module directly (with pylti1p3).

- ``login``: OIDC login initiation; the platform's answer always comes back to ``launch``.
- ``launch``: a resource link shows the module's current published version, in the language
  the link names, with its progress sent back as a grade; a deep-linking request shows the
  module chooser, whose choice ``deep_link`` returns to the platform as a signed message.
- ``score``: the player's progress: the ranges of each video it really played. The server
  computes the score from them (``training.progress``), crediting at most the time since this
  launch started, so a learner cannot post their own grade. The best score of a learner for a
  link is kept (``LtiGrade``) and sent by a task through Assignment and Grade Services, never
  inside the request.
- ``jwks``: the tool's public keys, for the platform.

Platforms are registered in the admin (Settings > LTI platforms), keys made with
``manage.py create_lti_key``. The grade and deep-linking addresses a launch names are called only
on the platform's registered hosts: those of its issuer, login, token and key set addresses, and
the other service hosts listed for it.
"""

import datetime
import json
import logging
import uuid
from urllib.parse import urlsplit

from django_tasks import task
from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.contrib.django import (
    DjangoCacheDataStorage,
    DjangoDbToolConf,
    DjangoMessageLaunch,
    DjangoOIDCLogin,
)
from pylti1p3.contrib.django.lti1p3_tool_config.models import LtiTool
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.exception import LtiException, OIDCException
from pylti1p3.grade import Grade
from pylti1p3.service_connector import ServiceConnector

from django.core import signing
from django.db.models import Q
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from campaign_site.delivery.framing import allow_framing
from campaign_site.translation.published import public

from . import progress
from .models import LtiGrade, LtiLaunch, ModulePage, UsedLtiNonce

logger = logging.getLogger(__name__)

CUSTOM = "https://purl.imsglobal.org/spec/lti/claim/custom"
AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
RESOURCE_LINK = "https://purl.imsglobal.org/spec/lti/claim/resource_link"
DEPLOYMENT = "https://purl.imsglobal.org/spec/lti/claim/deployment_id"
SCORE_TOKEN_SALT = "training.lti.score"  # noqa: S105 - a signing namespace, not a secret
SCORE_TOKEN_AGE = 12 * 60 * 60  # a learner's session in the LMS
SCORE_TOKEN_LIFE = datetime.timedelta(seconds=SCORE_TOKEN_AGE)
MAX_REPORT = 8000  # characters of played ranges in one report (the player sends at most 4,000)


def tool_conf():
    return DjangoDbToolConf()


def storage():
    return DjangoCacheDataStorage()


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def framed_by_platform(response, launch_data):
    """The launch is shown in the platform's frame: that origin, and only it, may frame it."""
    return allow_framing(response, [origin(launch_data["iss"])])


def lti_error(request, message, status=400):
    response = render(request, "training/lti/error.html", {"message": message}, status=status)
    return allow_framing(response)


@csrf_exempt  # a cross-site form post from the platform: OIDC's state and nonce protect it
def login(request):
    try:
        oidc = DjangoOIDCLogin(request, tool_conf(), launch_data_storage=storage())
        return oidc.redirect(request.build_absolute_uri(reverse("lti_launch")))
    except (LtiException, OIDCException) as error:
        return lti_error(request, _("This learning platform is not registered: %s") % error)


@csrf_exempt  # the platform's form post of its signed id_token
@require_POST
def launch(request):
    try:
        message_launch = DjangoMessageLaunch(request, tool_conf(), launch_data_storage=storage())
        data = message_launch.get_launch_data()  # signature, nonce, state, deployment checked
    except LtiException as error:
        return lti_error(request, _("The launch could not be verified: %s") % error)
    # pylti1p3 checks the nonce's form, not that it is new: each is used once, until it expires
    expires = datetime.datetime.fromtimestamp(data["exp"], tz=datetime.UTC)
    if not UsedLtiNonce.use(data["iss"], data["nonce"], expires):
        return lti_error(
            request,
            _("This launch was already used. Open the activity again from your learning platform."),
        )
    if message_launch.is_deep_link_launch():
        return framed_by_platform(choose(request, message_launch.get_launch_id()), data)
    if not message_launch.is_resource_launch():
        return lti_error(request, _("This kind of launch is not supported."))
    custom = data.get(CUSTOM) or {}
    try:
        translation_key = uuid.UUID(str(custom.get("module")))
    except ValueError:
        return lti_error(
            request,
            _("This link names no module of this site. Choose the module again in the platform."),
        )
    module = current_module(translation_key, custom.get("language"))
    if module is None:
        return lti_error(request, _("This module is no longer published."), status=404)
    context = {"page": module, "score_token": None}
    ags = data.get(AGS) or {}
    if message_launch.has_ags() and ags.get("lineitem"):
        if not on_platform_host(data["iss"], aud(data), ags["lineitem"]):
            return refused_service(request, data["iss"], ags["lineitem"])
        grade, _created = LtiGrade.objects.update_or_create(
            issuer=data["iss"],
            client_id=aud(data),
            deployment_id=data.get(DEPLOYMENT, ""),
            resource_link=(data.get(RESOURCE_LINK) or {}).get("id", ""),
            user=data["sub"],
            defaults={"lineitem": ags["lineitem"], "scopes": ags.get("scope", []), "page": module},
        )
        # a learner's launches older than a token's life can no longer report: let them go
        grade.launches.filter(started_at__lt=timezone.now() - SCORE_TOKEN_LIFE).delete()
        started = LtiLaunch.objects.create(grade=grade)
        context["score_token"] = signing.dumps(started.pk, salt=SCORE_TOKEN_SALT)
        context["best_score"] = grade.score
    with translation.override(module.locale.language_code):
        response = render(request, "training/lti/module.html", context)
    return framed_by_platform(response, data)


def platform_hosts(issuer, client_id):
    """The host names where a registered platform's services may be."""
    platform = (
        LtiTool.objects.filter(issuer=issuer, client_id=client_id, is_active=True)
        .select_related("service_hosts")
        .first()
    )
    if platform is None:
        return set()
    urls = [platform.issuer, platform.auth_login_url, platform.auth_token_url]
    hosts = {urlsplit(url).hostname for url in [*urls, platform.key_set_url or ""]}
    listed = getattr(platform, "service_hosts", None)
    return {host.lower() for host in hosts if host} | set(listed.host_list if listed else [])


def on_platform_host(issuer, client_id, url):
    parts = urlsplit(url)
    return parts.scheme in ("https", "http") and (parts.hostname or "") in platform_hosts(
        issuer, client_id
    )


def refused_service(request, issuer, url):
    logger.warning("LTI: %s named a service on an unregistered host: %s", issuer, url)
    return lti_error(
        request,
        _(
            "This learning platform named a service at %(host)s, which is not one of its "
            "registered hosts. Its administrator can list the host for it in this site's "
            "LTI platform settings."
        )
        % {"host": urlsplit(url).hostname or url},
    )


def aud(data):
    audience = data.get("aud")
    return audience[0] if isinstance(audience, list) else audience


def current_module(translation_key, language):
    """The module's published version in the language the link names (the module's own
    language when that translation is gone)."""
    modules = public(ModulePage.objects.live()).filter(translation_key=translation_key)
    modules = modules.select_related("locale")
    return modules.filter(locale__language_code=language).first() or modules.first()


def choose(request, launch_id):
    modules = public(ModulePage.objects.live()).select_related("locale").order_by("title")
    return render(request, "training/lti/choose.html", {"modules": modules, "launch": launch_id})


@csrf_exempt  # posted from the chooser inside the platform's frame (no cookie of ours there)
@require_POST
def deep_link(request):
    try:
        message_launch = DjangoMessageLaunch.from_cache(
            request.POST.get("launch", ""), request, tool_conf(), launch_data_storage=storage()
        )
    except LtiException:
        return lti_error(request, _("This choice has expired: open the chooser again."))
    if not message_launch.is_deep_link_launch():
        return HttpResponseBadRequest()
    module = public(ModulePage.objects.live()).filter(pk=request.POST.get("module")).first()
    if module is None:
        return lti_error(request, _("This module is no longer published."), status=404)
    resource = (
        DeepLinkResource()
        .set_url(request.build_absolute_uri(reverse("lti_launch")))
        .set_title(module.title)
        .set_custom_params(
            {"module": str(module.translation_key), "language": module.locale.language_code}
        )
    )
    deep_link = message_launch.get_deep_link()
    data = message_launch.get_launch_data()
    settings = data["https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"]
    if not on_platform_host(data["iss"], aud(data), settings["deep_link_return_url"]):
        return refused_service(request, data["iss"], settings["deep_link_return_url"])
    response = render(
        request,
        "training/lti/return.html",
        {"action": settings["deep_link_return_url"], "jwt": deep_link.get_response_jwt([resource])},
    )
    # The form goes back to the platform: the one place a form may post elsewhere.
    response._csp_update = {"form-action": [origin(settings["deep_link_return_url"])]}
    return framed_by_platform(response, data)


@csrf_exempt  # sent by the player in the platform's frame; the signed token is the credential
@require_POST
def score(request):
    """The player reports the ranges it played; the server credits at most the time since the
    launch, and keeps and sends the best score."""
    try:
        body = json.loads(request.body)
        launch_id = signing.loads(body["token"], salt=SCORE_TOKEN_SALT, max_age=SCORE_TOKEN_AGE)
        report = str(body["played"])
        if len(report) > MAX_REPORT:
            raise ValueError("report too long")
        started = LtiLaunch.objects.select_related("grade__page").get(pk=launch_id)
        module = started.grade.page
        durations = [video.duration or 0 for video in module.video_list] if module else []
        played = progress.played_seconds(report, durations)
    except (ValueError, KeyError, TypeError, signing.BadSignature, LtiLaunch.DoesNotExist):
        return HttpResponseBadRequest()
    elapsed = (timezone.now() - started.started_at).total_seconds()
    credited = min(played, elapsed + progress.CLOCK_SLACK_SECONDS)
    if played > credited:
        logger.warning(
            "LTI: launch %s claimed %.1f s played %.1f s after it started; %.1f s credited",
            started.pk,
            played,
            elapsed,
            credited,
        )
    LtiLaunch.objects.filter(pk=started.pk, credited_seconds__lt=credited).update(
        credited_seconds=credited
    )
    value = progress.score(max(credited, started.credited_seconds), sum(durations))
    grade = started.grade
    # Only a better score is kept and sent: a second, shorter session never lowers the grade.
    if LtiGrade.objects.filter(Q(score__lt=value) | Q(score__isnull=True), pk=grade.pk).update(
        score=value
    ):
        send_lti_grade.enqueue(grade.pk)
    return JsonResponse({"score": LtiGrade.objects.get(pk=grade.pk).score})


@task()
def send_lti_grade(grade_id):
    """Send a learner's best score to the platform (LTI Assignment and Grade Services), only
    to a host registered for it."""
    grade = LtiGrade.objects.filter(pk=grade_id).first()
    if grade is None or grade.score is None or grade.score == grade.sent_score:
        return
    if not on_platform_host(grade.issuer, grade.client_id, grade.lineitem):
        logger.warning(
            "LTI: grade %s not sent to an unregistered host: %s", grade.pk, grade.lineitem
        )
        return
    registration = tool_conf().find_registration_by_params(grade.issuer, grade.client_id)
    service = AssignmentsGradesService(
        ServiceConnector(registration), {"scope": grade.scopes, "lineitem": grade.lineitem}
    )
    complete = grade.score >= progress.MASTERY_SCORE
    service.put_grade(
        Grade()
        .set_score_given(grade.score)
        .set_score_maximum(100)
        .set_activity_progress("Completed" if complete else "InProgress")
        .set_grading_progress("FullyGraded")
        .set_timestamp(timezone.now().isoformat())
        .set_user_id(grade.user)
    )
    LtiGrade.objects.filter(pk=grade.pk).update(sent_score=grade.score)


@require_GET
def jwks(request):
    response = JsonResponse(tool_conf().get_jwks())
    response["Access-Control-Allow-Origin"] = "*"
    return response
