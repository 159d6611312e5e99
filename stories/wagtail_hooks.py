from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import consent
from .models import ConsentRecord
from .views import ExpiringConsentView


class ConsentRecordViewSet(SnippetViewSet):
    """Private records: only groups given the consent record permissions (Moderators) see them."""

    model = ConsentRecord
    icon = "lock"
    menu_label = _("Consent")
    add_to_admin_menu = True
    list_display = ["person", "story", "given_on", "expires_on", "withdrawn_on"]
    list_filter = ["given_on", "expires_on", "withdrawn_on"]


register_snippet(ConsentRecordViewSet)


@hooks.register("register_log_actions")
def register_consent_log_action(actions):
    actions.register_action(
        "stories.consent_enforced",
        _("Unpublished: consent withdrawn or expired"),
        _("Unpublished because consent was withdrawn or has expired"),
    )


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def say_what_went_offline(request, instance):
    if isinstance(instance, ConsentRecord) and getattr(instance, "taken_offline", None):
        messages.warning(request, str(instance.taken_offline))


@hooks.register("register_admin_urls")
def register_consent_report_urls():
    return [
        path("reports/expiring-consent/", ExpiringConsentView.as_view(), name="expiring_consent"),
        path(
            "reports/expiring-consent/results/",
            ExpiringConsentView.as_view(results_only=True),
            name="expiring_consent_results",
        ),
    ]


class ConsentReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("stories.view_consentrecord")


@hooks.register("register_reports_menu_item")
def register_consent_report_menu_item():
    return ConsentReportMenuItem(
        _("Expiring consent"), reverse("expiring_consent"), icon_name="lock", order=1000
    )


class ExpiringConsentPanel(Component):
    name = "expiring_consent"
    order = 50
    template_name = "stories/admin/expiring_consent_panel.html"

    def __init__(self, records):
        self.records = records

    def get_context_data(self, parent_context):
        return {"records": self.records}


@hooks.register("construct_homepage_panels")
def add_expiring_consent_panel(request, panels):
    if request.user.has_perm("stories.view_consentrecord"):
        records = list(consent.expiring()[:10])
        if records:
            panels.append(ExpiringConsentPanel(records))
