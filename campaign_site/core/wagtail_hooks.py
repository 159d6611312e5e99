from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Country, SubtitleTrack, Theme


class SubtitleTrackViewSet(SnippetViewSet):
    model = SubtitleTrack
    icon = "doc-full"
    menu_label = "Subtitles"
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


register_snippet(SubtitleTrackViewSet)
register_snippet(CountryViewSet)
register_snippet(ThemeViewSet)
