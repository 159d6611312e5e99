from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "campaign_site.delivery"
    label = "delivery"
    verbose_name = "Delivery"

    def ready(self):
        from . import signals  # noqa: F401
