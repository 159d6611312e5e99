from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class TranslationConfig(AppConfig):
    name = "campaign_site.translation"
    label = "translation"
    verbose_name = "Translation"

    def ready(self):
        from django.conf import settings
        from django.conf.locale import LANG_INFO

        from campaign_site.languages import lang_info

        from . import suggestions  # noqa: F401

        # Django's language table lacks some campaign languages (Amharic, Filipino): without an
        # entry, get_language_info() and the language_name_local filter raise KeyError.
        for code, _name in settings.LANGUAGES:
            LANG_INFO.setdefault(code, lang_info(code))

        # Django sends post_migrate only for apps with models, which this one has not: locales
        # follow Wagtail's own tables instead.
        post_migrate.connect(create_locales, sender=apps.get_app_config("wagtailcore"))


def create_locales(**kwargs):
    """Every configured language has its Wagtail locale, so translations can be made at once."""
    from django.conf import settings

    from wagtail.models import Locale

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
