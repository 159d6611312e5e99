from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "campaign_site.pages"
    # The label of the app this room grew out of ("core"): existing sites keep their tables,
    # migration history, content types and template names (core/home_page.html).
    label = "core"
    verbose_name = "Campaign pages"

    def ready(self):
        from . import signals  # noqa: F401
