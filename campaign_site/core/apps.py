from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "campaign_site.core"
    label = "core"
    verbose_name = "Campaign core"

    def ready(self):
        from django.conf import settings
        from django.conf.locale import LANG_INFO

        from campaign_site.languages import lang_info

        from . import signals, suggestions  # noqa: F401

        # Django's language table lacks some campaign languages (Amharic, Filipino): without an
        # entry, get_language_info() and the language_name_local filter raise KeyError.
        for code, _name in settings.LANGUAGES:
            LANG_INFO.setdefault(code, lang_info(code))

        post_migrate.connect(create_locales, sender=self)
        post_migrate.connect(grant_subtitle_permissions, sender=self)


def create_locales(**kwargs):
    """Every configured language has its Wagtail locale, so translations can be made at once."""
    from django.conf import settings

    from wagtail.models import Locale

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def grant_subtitle_permissions(app_config, **kwargs):
    """Wagtail's Moderators and Editors manage subtitle tracks (before, only superusers could)."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    create_permissions(app_config, verbosity=0)  # this app's signal comes before auth's handler
    permissions = Permission.objects.filter(
        content_type__app_label="core", content_type__model="subtitletrack"
    )
    for group in Group.objects.filter(name__in=("Moderators", "Editors")):
        group.permissions.add(*permissions)
