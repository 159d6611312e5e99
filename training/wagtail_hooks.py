"""LTI platforms and the tool's keys in the admin (Settings > LTI platforms): only users with
the models' permissions (superusers by default) see them."""

from pylti1p3.contrib.django.lti1p3_tool_config.models import LtiTool, LtiToolKey

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .models import LtiServiceHosts


class LtiPlatformViewSet(ModelViewSet):
    model = LtiTool
    icon = "link-external"
    menu_label = _("Platforms")
    name = "lti_platforms"
    list_display = ["title", "issuer", "client_id", "is_active"]
    form_fields = [
        "title",
        "is_active",
        "issuer",
        "client_id",
        "use_by_default",
        "auth_login_url",
        "auth_token_url",
        "auth_audience",
        "key_set_url",
        "key_set",
        "tool_key",
        "deployment_ids",
    ]


class LtiServiceHostsViewSet(ModelViewSet):
    model = LtiServiceHosts
    icon = "site"
    menu_label = _("Service hosts")
    name = "lti_service_hosts"
    list_display = ["platform", "hosts"]
    form_fields = ["platform", "hosts"]


class LtiToolKeyViewSet(ModelViewSet):
    model = LtiToolKey
    icon = "key"
    menu_label = _("Tool keys")
    name = "lti_tool_keys"
    list_display = ["name"]
    form_fields = ["name", "private_key", "public_key"]


class LtiViewSetGroup(ModelViewSetGroup):
    items = (LtiPlatformViewSet, LtiServiceHostsViewSet, LtiToolKeyViewSet)
    menu_label = _("LTI platforms")
    menu_icon = "link-external"
    add_to_settings_menu = True


@hooks.register("register_admin_viewset")
def register_lti_viewsets():
    return LtiViewSetGroup()
