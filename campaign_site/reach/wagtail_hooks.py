from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import reports
from .views import REPORT_VIEWS


@hooks.register("register_admin_urls")
def register_reach_urls():
    urls = []
    for view in REPORT_VIEWS:
        urls += [
            path(f"reports/{view.slug}/", view.as_view(), name=view.index_url_name),
            path(
                f"reports/{view.slug}/results/",
                view.as_view(results_only=True),
                name=view.index_results_url_name,
            ),
        ]
    return urls


def menu_item(view, order):
    return lambda: MenuItem(
        view.page_title, reverse(view.index_url_name), icon_name=view.header_icon, order=order
    )


for order, view in enumerate(REPORT_VIEWS, start=910):
    hooks.register("register_reports_menu_item", menu_item(view, order))


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
