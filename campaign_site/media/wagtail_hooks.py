"""The media room in the admin: subtitle tracks as snippets that follow their video's
permissions, the chooser of a translation's own media, and a guarded usage view."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.panels import ObjectList
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
from wagtailmedia import get_permission_policy as media_permission_policy
from wagtailmedia.views import media as media_views

from campaign_site.media.chooser import MediaForTranslationsViewSet
from campaign_site.media.models import SubtitleTrack
from campaign_site.media.permissions import SubtitleTrackForm, SubtitleTrackPermissionPolicy


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
    # the admin addresses from when tracks were the core app's: editors' bookmarks keep working
    # (URL names stay Wagtail's own, from the app label)
    url_prefix = "snippets/core/subtitletrack"
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


register_permission_policy(SubtitleTrack, SubtitleTrackPermissionPolicy(SubtitleTrack))
register_snippet(SubtitleTrackViewSet)
register_snippet(MediaForTranslationsViewSet)


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
