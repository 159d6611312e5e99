"""Building blocks for the demo loaders of every app: idempotent pages and translations."""

import json

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from wagtail.models import Locale, Orderable
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import translate_object

from campaign_site.languages import DEFAULT_LANGUAGE
from campaign_site.media.models import SubtitleTrack


def child(parent, model, slug, **fields):
    """The parent's child with this slug, created and published if missing (never changed).
    Inline items (videos, chapters, people, themes) keep the order they are given in, as the
    editor's form would save it: an unset sort_order sorts last on PostgreSQL, first on SQLite."""
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing:
        return existing, False
    for items in fields.values():
        if isinstance(items, list):
            for index, item in enumerate(items):
                if isinstance(item, Orderable):
                    item.sort_order = index
    page = parent.add_child(instance=model(slug=slug, **fields))
    page.save_revision().publish()
    return page, True


@transaction.atomic
def translate(instance, locale, strings, overrides=None):
    """Translate a page or snippet through wagtail-localize, as a translator would: submit it,
    fill in the exported PO file from ``strings`` (English -> translation), import, publish.
    Strings missing from ``strings`` fall back to the source text. ``overrides`` sets
    synchronised fields for this language (``{"audio": id}``: a dubbed version)."""
    translate_object(instance, [locale])
    translation = Translation.objects.get(
        source__object_id=instance.translation_key, target_locale=locale
    )
    for path, value in (overrides or {}).items():
        segment = OverridableSegment.objects.get(source=translation.source, context__path=path)
        SegmentOverride.objects.update_or_create(
            locale=locale, context=segment.context, defaults={"data_json": json.dumps(value)}
        )
    fill_in(translation, strings)


def fill_in(translation, strings):
    """Import the translator's PO file for this translation and publish the result."""
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, "")
    translation.import_po(po)
    translation.save_target(publish=True)


@transaction.atomic
def sync_translations(instance, strings_for):
    """After the source changed: "Sync translated pages", then the translator's new PO files."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    for translation in Translation.objects.filter(source=source).select_related("target_locale"):
        fill_in(translation, strings_for(translation.target_locale.language_code))


def translate_into(instance, language_codes, strings_for, overrides_for=lambda code: None):
    """Translate ``instance`` into each of these languages that it lacks; return how many."""
    missing = [
        locale
        for locale in Locale.objects.filter(language_code__in=language_codes).order_by(
            "language_code"
        )
        if locale != instance.locale and not instance.has_translation(locale)
    ]
    for locale in missing:
        translate(
            instance, locale, strings_for(locale.language_code), overrides_for(locale.language_code)
        )
    return len(missing)


def translations_in(spec):
    """The campaign languages, other than the source's, that a demo item's texts are given in."""
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return [code for code in languages if code in spec and code != DEFAULT_LANGUAGE]


def add_track(media, language, content, name, kind=SubtitleTrack.Kind.SUBTITLES):
    """A subtitle track uploaded as an editor would: validated (an SRT converted) and saved."""
    track = SubtitleTrack(
        media=media, language=language, kind=kind, file=ContentFile(content.encode(), name=name)
    )
    track.full_clean()
    track.save()
