from django.apps import AppConfig
from django.db.models.signals import post_migrate


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = "Migrant stories"

    def ready(self):
        from . import signals  # noqa: F401

        post_migrate.connect(grant_consent_permissions_to_moderators, sender=self)


def grant_consent_permissions_to_moderators(app_config, **kwargs):
    """Consent records are private: only Wagtail's Moderators group may see or edit them."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    create_permissions(app_config, verbosity=0)  # this app's signal comes before auth's handler

    moderators = Group.objects.filter(name="Moderators").first()
    if moderators:
        moderators.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="stories", content_type__model="consentrecord"
            )
        )
