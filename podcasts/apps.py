from django.apps import AppConfig


class PodcastsConfig(AppConfig):
    name = "podcasts"
    verbose_name = "Podcasts"

    def ready(self):
        from . import signals  # noqa: F401
