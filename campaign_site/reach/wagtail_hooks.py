from django.urls import path, reverse
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import reports
from .views import DownloadsReportView, GapsReportView, ReachReportView, SourcesReportView

VIEWS = [
    ("reach", ReachReportView, "view", gettext_lazy("Reach")),
    ("podcast-downloads", DownloadsReportView, "media", gettext_lazy("Podcast downloads")),
    ("embeds-and-shares", SourcesReportView, "link", gettext_lazy("Embeds and shares")),
    ("dissemination-gaps", GapsReportView, "warning", gettext_lazy("Dissemination gaps")),
]


@hooks.register("register_admin_urls")
def register_reach_urls():
    urls = []
    for slug, view, _icon, _label in VIEWS:
        urls += [
            path(f"reports/{slug}/", view.as_view(), name=view.index_url_name),
            path(
                f"reports/{slug}/results/",
                view.as_view(results_only=True),
                name=view.index_results_url_name,
            ),
        ]
    return urls


def menu_item(view, icon, label, order):
    return MenuItem(label, reverse(view.index_url_name), icon_name=icon, order=order)


for order, (_slug, _view, _icon, _label) in enumerate(VIEWS, start=910):
    hooks.register(
        "register_reports_menu_item",
        lambda view=_view, icon=_icon, label=_label, order=order: menu_item(
            view, icon, label, order
        ),
    )


class ReachPanel(Component):
    name = "reach"
    order = 70
    template_name = "reach/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        return {"summary": reports.summary(self.user)}


@hooks.register("construct_homepage_panels")
def add_reach_panel(request, panels):
    panels.append(ReachPanel(request.user))
