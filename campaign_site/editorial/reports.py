"""Spreadsheet exports of the admin's reports, safe to open in Excel or LibreOffice.

Every report's CSV leaves through ``ReportView`` here. A cell whose text begins with a character
that a spreadsheet program reads as the start of a formula (OWASP's CSV injection guidance:
``=``, ``+``, ``-``, ``@``, tab, carriage return) gets a leading apostrophe, so a page title that
a country team wrote cannot run when a moderator opens the export. Numbers stay numbers. Wagtail's
XLSX export already writes such cells as text.

Reports show a user the pages they may edit (``editable_pages``).
"""

from wagtail.admin.views import reports
from wagtail.permission_policies.pages import PagePermissionPolicy

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value):
    """The cell's text as a spreadsheet shows it, never as a formula to evaluate."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class ReportView(reports.ReportView):
    """Wagtail's report view, with CSV cells neutralised."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralised(value) if export_format == self.FORMAT_CSV else value


def editable_pages(user):
    """The pages a report may show this user: None for every page (superusers; moderators and
    editors hold page permissions from the root, so their set is every page anyway), else the
    pages the user may edit, which for a country team are its country's in every language."""
    if user.is_superuser:
        return None
    return PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])
