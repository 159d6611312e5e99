from django.apps import AppConfig
from django.db.models.signals import post_migrate


class MediaConfig(AppConfig):
    name = "campaign_site.media"
    label = "media"
    verbose_name = "Audio and video"

    def ready(self):
        from django.core import checks

        from . import ffmpeg, signals  # noqa: F401

        checks.register(ffmpeg.check_installed)

        post_migrate.connect(grant_subtitle_permissions, sender=self)


def grant_subtitle_permissions(app_config, **kwargs):
    """Wagtail's Moderators and Editors manage subtitle tracks (before, only superusers could)."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    create_permissions(app_config, verbosity=0)  # this app's signal comes before auth's handler
    permissions = Permission.objects.filter(
        content_type__app_label="media", content_type__model="subtitletrack"
    )
    for group in Group.objects.filter(name__in=("Moderators", "Editors")):
        group.permissions.add(*permissions)
