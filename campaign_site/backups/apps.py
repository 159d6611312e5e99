from django.apps import AppConfig


class BackupsConfig(AppConfig):
    name = "campaign_site.backups"
    label = "backups"
    verbose_name = "Backups"
