from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "campaign_site.demo"
    label = "demo"
    verbose_name = "Demo campaign"
