from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "campaign_site.editorial"
    label = "editorial"
    verbose_name = "Editorial work"
