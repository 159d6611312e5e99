"""The reach reports (admin > Reports): Wagtail report views, each with spreadsheet export and
a period (the last 4, 12, 26 or 52 weeks). A country team sees its countries' pages only."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn

from campaign_site.editorial.reports import ReportView
from campaign_site.languages import CAMPAIGN_LANGUAGES, endonym

from . import reports


class ReachBaseView(ReportView):
    header_icon = "view"
    results_template_name = "reach/report_results.html"
    paginate_by = 100
    slug = ""  # its address under admin/reports/
    shown = None  # the fields on screen, each with its export heading; by default all exported

    @property
    def columns(self):
        return [self.column(name) for name in self.shown or self.list_export]

    def column(self, name):
        return Column(name, label=self.export_headings[name])

    @property
    def weeks(self):
        weeks = self.request.GET.get("weeks", "")
        return (
            int(weeks)
            if weeks.isdigit() and int(weeks) in reports.PERIODS
            else reports.DEFAULT_WEEKS
        )

    def get_filename(self):
        return f"{self.index_url_name.replace('_', '-')}-{self.weeks}-weeks"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["periods"] = reports.PERIODS
        context["weeks"] = self.weeks
        context["reports"] = [(view.index_url_name, view.page_title) for view in REPORT_VIEWS]
        return context


class ReachReportView(ReachBaseView):
    page_title = _("Reach")
    slug = "reach"
    index_url_name = "reach_report"
    index_results_url_name = "reach_report_results"
    list_export = ["title", "section", "group", "language_name", "week", *reports.COUNTED]
    export_headings = {
        "title": _("Title"),
        "section": _("Section"),
        "group": _("Country or series"),
        "language_name": _("Language"),
        "week": _("Week from"),
    } | {event.value: event.label for event in reports.COUNTED}
    shown = [name for name in list_export if name != "section"]

    def column(self, name):
        if name == "week":
            return DateColumn(name, label=self.export_headings[name])
        return super().column(name)

    def get_queryset(self):
        get = self.request.GET.get
        language = get("language") if get("language") in CAMPAIGN_LANGUAGES else None
        return reports.reach(self.request.user, self.weeks, language, get("group"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["languages"] = [(code, endonym(code)) for code in CAMPAIGN_LANGUAGES]
        # each country (or series) as a filter: its items, most viewed first, week by week
        context["groups"] = sorted({row.group for row in self.object_list if row.group})
        return context


class SourcesReportView(ReachBaseView):
    page_title = _("Embeds and shares")
    header_icon = "link"
    slug = "embeds-and-shares"
    index_url_name = "reach_sources"
    index_results_url_name = "reach_sources_results"
    list_export = ["title", "group", "language", "kind", "source", "total"]
    export_headings = {
        "title": _("Title"),
        "group": _("Country or series"),
        "language": _("Language"),
        "kind": _("Event"),
        "source": _("Embedding site or network"),
        "total": _("Count"),
    }
    shown = [name for name in list_export if name != "group"]

    def get_queryset(self):
        return reports.sources(self.request.user, self.weeks)


class DownloadsReportView(ReachBaseView):
    page_title = _("Podcast downloads")
    header_icon = "media"
    slug = "podcast-downloads"
    index_url_name = "reach_downloads"
    index_results_url_name = "reach_downloads_results"
    list_export = ["title", "group", "language_name", "last_7_days", "last_30_days", "total"]
    export_headings = {
        "title": _("Episode"),
        "group": _("Show"),
        "language_name": _("Language"),
        "last_7_days": _("Last 7 days"),
        "last_30_days": _("Last 30 days"),
        "total": _("In the period"),
    }

    def get_queryset(self):
        return reports.downloads(self.request.user, self.weeks)


class GapsReportView(ReachBaseView):
    page_title = _("Dissemination gaps")
    header_icon = "warning"
    slug = "dissemination-gaps"
    index_url_name = "reach_gaps"
    index_results_url_name = "reach_gaps_results"
    results_template_name = "reach/gaps_results.html"
    list_export = ["title", "section", "group", "language_name", "state", "views"]
    export_headings = {
        "title": _("Title"),
        "section": _("Section"),
        "group": _("Country or series"),
        "language_name": _("Language"),
        "state": _("Translation"),
        "views": _("Page views"),
    }
    shown = [name for name in list_export if name != "section"]

    def get_queryset(self):
        return reports.item_gaps(self.request.user, self.weeks)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["language_gaps"] = reports.language_gaps(self.request.user, self.weeks)
        context["low_views"] = settings.REACH_LOW_VIEWS
        return context


# In the order of the Reports menu and of the links between them.
REPORT_VIEWS = [ReachReportView, DownloadsReportView, SourcesReportView, GapsReportView]
