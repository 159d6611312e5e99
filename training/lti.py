"""LTI 1.3 (Advantage) tool: Moodle, Canvas or Totara launch a module directly (with pylti1p3).

- ``login``: OIDC login initiation; the platform's answer always comes back to ``launch``.
- ``launch``: a resource link shows the module's current published version, in the language
  the link names, with its progress sent back as a grade; a deep-linking request shows the
  module chooser, whose choice ``deep_link`` returns to the platform as a signed message.
- ``score``: the player's progress (the share of the videos really played, progress.js). The
  best score of a learner for a link is kept (``LtiGrade``) and sent by a task through
  Assignment and Grade Services, never inside the request.
- ``jwks``: the tool's public keys, for the platform.

Platforms are registered in the admin (Settings > LTI platforms), keys made with
``manage.py create_lti_key``.
"""

import json
from urllib.parse import urlsplit

from pylti1p3.contrib.django import (
    DjangoCacheDataStorage,
    DjangoDbToolConf,
    DjangoMessageLaunch,
    DjangoOIDCLogin,
)
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.exception import LtiException, OIDCException

from django.core import signing
from django.db.models import Q
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from campaign_site.core.framing import allow_framing
from campaign_site.core.translations import public

from .models import LtiGrade, ModulePage
from .tasks import send_lti_grade

CUSTOM = "https://purl.imsglobal.org/spec/lti/claim/custom"
AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
RESOURCE_LINK = "https://purl.imsglobal.org/spec/lti/claim/resource_link"
DEPLOYMENT = "https://purl.imsglobal.org/spec/lti/claim/deployment_id"
SCORE_TOKEN_SALT = "training.lti.score"  # noqa: S105 - a signing namespace, not a secret
SCORE_TOKEN_AGE = 12 * 60 * 60  # a learner's session in the LMS


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
    if message_launch.is_deep_link_launch():
        return framed_by_platform(choose(request, message_launch.get_launch_id()), data)
    if not message_launch.is_resource_launch():
        return lti_error(request, _("This kind of launch is not supported."))
    custom = data.get(CUSTOM) or {}
    module = current_module(custom.get("module"), custom.get("language"))
    if module is None:
        return lti_error(request, _("This module is no longer published."), status=404)
    context = {"page": module, "score_token": None}
    ags = data.get(AGS) or {}
    if message_launch.has_ags() and ags.get("lineitem"):
        grade, _created = LtiGrade.objects.update_or_create(
            issuer=data["iss"],
            client_id=aud(data),
            deployment_id=data.get(DEPLOYMENT, ""),
            resource_link=(data.get(RESOURCE_LINK) or {}).get("id", ""),
            user=data["sub"],
            defaults={"lineitem": ags["lineitem"], "scopes": ags.get("scope", []), "page": module},
        )
        context["score_token"] = signing.dumps(grade.pk, salt=SCORE_TOKEN_SALT)
        context["best_score"] = grade.score
    with translation.override(module.locale.language_code):
        response = render(request, "training/lti/module.html", context)
    return framed_by_platform(response, data)


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
    try:
        body = json.loads(request.body)
        grade_id = signing.loads(body["token"], salt=SCORE_TOKEN_SALT, max_age=SCORE_TOKEN_AGE)
        value = int(body["score"])
    except (ValueError, KeyError, TypeError, signing.BadSignature):
        return HttpResponseBadRequest()
    value = max(0, min(100, value))
    # Only a better score is kept and sent: a second, shorter session never lowers the grade.
    if LtiGrade.objects.filter(Q(score__lt=value) | Q(score__isnull=True), pk=grade_id).update(
        score=value
    ):
        send_lti_grade.enqueue(grade_id)
    return JsonResponse({"score": LtiGrade.objects.get(pk=grade_id).score})


@require_GET
def jwks(request):
    response = JsonResponse(tool_conf().get_jwks())
    response["Access-Control-Allow-Origin"] = "*"
    return response
