"""Translation in the admin: syncing a published source, submitting a translation for
moderation, the coverage report and its panel on the dashboard."""

from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail_localize.models import TranslationSource

from campaign_site.translation.coverage import STATES, TranslationCoverageView, coverage, totals
from campaign_site.translation.team_admin import TranslateBulkAction, submit_button
from campaign_site.translation.team_admin import urls as translation_urls


@hooks.register("after_publish_page")
def sync_translations_of_a_published_source(request, page):
    """A published source offers to sync its translations (their editors then see the new and
    changed text to translate), or syncs them at once with SYNC_TRANSLATIONS_ON_PUBLISH.
    Syncing publishes nothing: each translation goes live when it is translated and approved."""
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None:  # the page is itself a translation, or was never translated
        return
    count = source.translations.filter(enabled=True).count()
    if not count:
        return
    if settings.SYNC_TRANSLATIONS_ON_PUBLISH:
        source.update_from_db()
        messages.info(
            request,
            ngettext(
                "Its translation was synced: the new text is waiting to be translated.",
                "Its %(count)d translations were synced: the new text is waiting to be translated.",
                count,
            )
            % {"count": count},
        )
        return
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    messages.info(
        request,
        ngettext(
            "This page has a translation: sync it so that it gets the changes to translate.",
            "This page has %(count)d translations: sync them so that they get the changes "
            "to translate.",
            count,
        )
        % {"count": count},
        buttons=[messages.button(url, _("Sync translated pages"))],
    )


hooks.register("register_bulk_action", TranslateBulkAction)
hooks.register("register_page_listing_more_buttons", submit_button)
hooks.register("register_page_header_buttons", submit_button)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        *translation_urls,
        path(
            "reports/translation-coverage/",
            TranslationCoverageView.as_view(),
            name="translation_coverage",
        ),
        path(
            "reports/translation-coverage/results/",
            TranslationCoverageView.as_view(results_only=True),
            name="translation_coverage_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_coverage_menu_item():
    return MenuItem(
        gettext_lazy("Translation coverage"),
        reverse("translation_coverage"),
        icon_name="globe",
        order=900,
    )


class CoveragePanel(Component):
    name = "translation_coverage"
    order = 60
    template_name = "translation/coverage_panel.html"

    def get_context_data(self, parent_context):
        return {"totals": totals(coverage(user=parent_context["request"].user)), "states": STATES}


@hooks.register("construct_homepage_panels")
def add_coverage_panel(request, panels):
    panels.append(CoveragePanel())
