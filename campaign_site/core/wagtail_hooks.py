from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.components import Component
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    HistoryView,
    IndexView,
    SnippetViewSet,
    UsageView,
)
from wagtail_localize.models import TranslationSource
from wagtailmedia import get_permission_policy as media_permission_policy
from wagtailmedia.views import media as media_views

from .coverage import STATES, TranslationCoverageView, coverage, totals
from .media_chooser import MediaForTranslationsViewSet
from .models import Country, SubtitleTrack, Theme
from .permissions import SubtitleTrackForm, SubtitleTrackPermissionPolicy
from .translation_admin import TranslateBulkAction, submit_button
from .translation_admin import urls as translation_urls


class SubtitleTrackIndexView(IndexView):
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change"]
        )


class OwnTracksOnly:
    """Wagtail's views of one track (edit, delete, usage, history) ask only for the model's
    permission: the track's own (its video's collection) is asked here, for reading too."""

    def get_object(self, *args, **kwargs):
        track = super().get_object(*args, **kwargs)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", track
        ):
            raise PermissionDenied
        return track


class SubtitleTrackEditView(OwnTracksOnly, EditView):
    pass


class SubtitleTrackCreateView(CreateView):
    """Opened from a video's own page in the media library: the video comes chosen."""

    def get_initial(self):
        initial = super().get_initial()
        media = self.request.GET.get("media", "")
        if media.isdigit():
            initial["media"] = int(media)
        return initial


class SubtitleTrackViewSet(SnippetViewSet):
    model = SubtitleTrack
    index_view_class = SubtitleTrackIndexView
    add_view_class = SubtitleTrackCreateView
    edit_view_class = SubtitleTrackEditView
    delete_view_class = type("SubtitleTrackDeleteView", (OwnTracksOnly, DeleteView), {})
    usage_view_class = type("SubtitleTrackUsageView", (OwnTracksOnly, UsageView), {})
    history_view_class = type("SubtitleTrackHistoryView", (OwnTracksOnly, HistoryView), {})
    edit_handler = ObjectList(SubtitleTrack.panels, base_form_class=SubtitleTrackForm)
    icon = "doc-full"
    menu_label = gettext_lazy("Subtitles")
    list_display = ["media", "language", "kind"]
    list_filter = ["language", "kind"]
    add_to_admin_menu = True


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "globe"
    list_display = ["iso_code", "display_name", "locale"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "locale"]


register_permission_policy(SubtitleTrack, SubtitleTrackPermissionPolicy(SubtitleTrack))
register_snippet(SubtitleTrackViewSet)
register_snippet(CountryViewSet)
register_snippet(ThemeViewSet)
register_snippet(MediaForTranslationsViewSet)


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


def media_usage(request, media_id):
    """wagtailmedia's usage view asks only whether the user may change some media: the item's
    own collection is asked here first (this URL is matched before wagtailmedia's)."""
    media = get_object_or_404(media_permission_policy().model, pk=media_id)
    if not media_permission_policy().user_has_permission_for_instance(
        request.user, "change", media
    ):
        raise PermissionDenied
    return media_views.usage(request, media_id)


@hooks.register("register_admin_urls", order=-1)
def guard_media_usage():
    return [path("media/usage/<int:media_id>/", media_usage)]


@hooks.register("before_move_page")
def moves_need_permission_to_move_there(request, page, destination):
    """Wagtail's move confirmation asks for no permission until the move is posted: a team
    sees no confirmation for a page it may not move, or to a place it may not move it to."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


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
    template_name = "core/admin/coverage_panel.html"

    def get_context_data(self, parent_context):
        return {"totals": totals(coverage(user=parent_context["request"].user)), "states": STATES}


@hooks.register("construct_homepage_panels")
def add_coverage_panel(request, panels):
    panels.append(CoveragePanel())
