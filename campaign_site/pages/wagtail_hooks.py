"""The vocabularies editors file pages under, as snippets."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    SnippetViewSet,
)

from campaign_site.pages.models import Country, Theme


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "globe"
    list_display = ["iso_code", "display_name", "locale"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "locale"]


register_snippet(CountryViewSet)
register_snippet(ThemeViewSet)
