"""Admin views about consent: moderators only (the records are private)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permission_policies import ModelPermissionPolicy

from campaign_site.editorial.reports import ReportView

from . import consent
from .models import ConsentRecord


class ExpiringConsentView(ReportView):
    page_title = _("Consent expiring within 30 days")
    header_icon = "lock"
    index_url_name = "expiring_consent"
    index_results_url_name = "expiring_consent_results"
    permission_policy = ModelPermissionPolicy(ConsentRecord)
    permission_required = "view"
    columns = [
        Column("person", label=_("Person")),
        Column("story", label=_("Story")),
        DateColumn("expires_on", label=_("Expires on")),
    ]
    list_export = ["person", "story", "expires_on", "scope"]
    export_headings = {"person": _("Person"), "story": _("Story"), "expires_on": _("Expires on")}

    def get_filename(self):
        return "expiring-consent"

    def get_queryset(self):
        return consent.expiring()
