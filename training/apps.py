from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = "Capacity-development training"

    def ready(self):
        from . import signals  # noqa: F401
