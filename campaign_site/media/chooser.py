"""Audio and video chosen in wagtail-localize's translation editor: a translation's dubbed video
or its own recording of an episode.

That editor offers a chooser only for pages, images, documents and snippets; for any other
foreign key it shows the bare id. Audio and video are therefore also registered as a snippet
model, for that chooser alone: searchable, by collection, limited to what the user may use (as
wagtailmedia's own chooser), with each item's type and length. The media library stays their one
admin: the model is not listed under Snippets, and its snippet pages lead to the library.
"""

from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    HistoryView,
    IndexView,
    SnippetViewSet,
    UsageView,
)
from wagtailmedia.permissions import permission_policy

from campaign_site.media.models import CampaignMedia
from campaign_site.media.player import timestamp


class MediaListMixin:
    def get_object_list(self):
        return permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change", "delete"]
        )

    @property
    def columns(self):
        return [
            *super().columns,
            Column("type", label=_("Type"), accessor="get_type_display"),
            Column("duration", label=_("Length"), accessor=lambda media: timestamp(media.duration)),
        ]


class MediaChooseView(MediaListMixin, chooser.ChooseView):
    pass


class MediaChooseResultsView(MediaListMixin, chooser.ChooseResultsView):
    pass


class MediaChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = MediaChooseView
    choose_results_view_class = MediaChooseResultsView


class ToMediaLibrary:
    """The media library is where audio and video are listed, added, changed and deleted."""

    target = "wagtailmedia:edit"

    def dispatch(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        return redirect(self.target, pk) if pk else redirect("wagtailmedia:index")


class MediaForTranslationsViewSet(SnippetViewSet):
    model = CampaignMedia
    # the admin addresses from when media was the core app's (as SubtitleTrackViewSet's); the
    # URL names stay Wagtail's own, which wagtail-localize derives from the app label
    url_prefix = "snippets/core/campaignmedia"
    chooser_base_url_path = "snippets/choose/core/campaignmedia"
    icon = "media"
    # Not under Snippets: a registered menu item is what hides a model from that index, and the
    # media library has one.
    menu_item_is_registered = True
    chooser_viewset_class = MediaChooserViewSet
    index_view_class = type("MediaIndexView", (ToMediaLibrary, IndexView), {})
    add_view_class = type("MediaCreateView", (ToMediaLibrary, CreateView), {})
    edit_view_class = type("MediaEditView", (ToMediaLibrary, EditView), {})
    delete_view_class = type("MediaDeleteView", (ToMediaLibrary, DeleteView), {})
    usage_view_class = type(
        "MediaUsageView", (ToMediaLibrary, UsageView), {"target": "wagtailmedia:media_usage"}
    )
    history_view_class = type("MediaHistoryView", (ToMediaLibrary, HistoryView), {})
