from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ReachConfig(AppConfig):
    name = "campaign_site.reach"
    label = "reach"
    verbose_name = "Reach"

    def ready(self):
        post_migrate.connect(grant_all_figures, sender=self)


def grant_all_figures(app_config, **kwargs):
    """Wagtail's Moderators and Editors see every country's figures; a country team sees its
    own (``reports.visible_pages``)."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    create_permissions(app_config, verbosity=0)
    permission = Permission.objects.get(content_type__app_label="reach", codename="view_all_reach")
    for group in Group.objects.filter(name__in=("Moderators", "Editors")):
        group.permissions.add(permission)
