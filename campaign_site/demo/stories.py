"""Demo stories: six countries, each story in English, French, Spanish and Arabic and some in
the campaign's other languages, real short videos shipped in files/stories/ (made once with
ffmpeg), subtitles in several languages."""

import datetime
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.utils.text import slugify

from wagtail.images.models import Image

from campaign_site.languages import babel_locale
from campaign_site.media.models import CampaignMedia, SubtitleTrack
from campaign_site.pages.models import Country, Theme
from stories.models import ConsentRecord, CountryPage, StoryPage, StoryTheme
from stories.teams import country_team

from .helpers import add_track, child, translate_into, translations_in
from .photographs import scene
from .stories_text import SPOKEN_LANGUAGES, STORIES, THEMES

MEDIA_DIR = Path(__file__).parent / "files" / "stories"
CUE_TIMES = [(0.5, 2.8), (3.0, 5.6)]


def poster(code, title, seed):
    """A 1280x720 poster with a photograph's weight (photographs.py)."""
    existing = Image.objects.filter(title=f"Poster: {title}").first()
    if existing:
        return existing
    return Image.objects.create(
        title=f"Poster: {title}",
        file=ContentFile(scene(seed), name=f"poster-{code.lower()}.jpg"),
    )


def vtt(lines):
    cues = [
        f"00:00:{start:06.3f} --> 00:00:{end:06.3f}\n{line}"
        for (start, end), line in zip(CUE_TIMES, lines, strict=True)
    ]
    return "WEBVTT\n\n" + "\n\n".join(cues) + "\n"


def srt(lines):
    cues = [
        f"{number}\n00:00:{start:06.3f} --> 00:00:{end:06.3f}\n{line}".replace(".", ",", 2)
        for number, ((start, end), line) in enumerate(zip(CUE_TIMES, lines, strict=True), start=1)
    ]
    return "\n\n".join(cues) + "\n"


def video(spec, index):
    code = spec["country"].lower()
    title = f"Story video: {spec['en']['title']}"
    existing = CampaignMedia.objects.filter(title=title).first()
    if existing:
        return existing
    media = CampaignMedia(
        title=title,
        type="video",
        spoken_language=SPOKEN_LANGUAGES.get(spec["country"], ""),
        poster=poster(spec["country"], spec["en"]["title"], index),
    )
    with (MEDIA_DIR / f"story-{code}.mp4").open("rb") as handle:
        media.file = File(handle, name=f"story-{code}.mp4")
        versions = []  # the data-saver and audio-described versions, where the demo has them
        for field, suffix in (
            ("data_saver_file", "datasaver"),
            ("audio_described_file", "described"),
        ):
            path = MEDIA_DIR / f"story-{code}-{suffix}.mp4"
            if path.exists():
                versions.append(path.open("rb"))
                setattr(media, field, File(versions[-1], name=path.name))
        media.full_clean()  # reads duration, size and type from the files, as for an editor
        media.save()
        for version in versions:
            version.close()
    for language, lines in spec["cues"].items():
        # English arrives as SRT, as it often does from subtitlers; it is stored as WebVTT.
        if language == "en":
            add_track(media, language, srt(lines), f"story-{code}.srt")
        else:
            add_track(media, language, vtt(lines), f"story-{code}.vtt")
    for language, lines in spec.get("descriptions", {}).items():
        name = f"story-{code}-descriptions.vtt"
        add_track(media, language, vtt(lines), name, SubtitleTrack.Kind.DESCRIPTIONS)
    return media


def themes(locale):
    found = {}
    for slug, names in THEMES.items():
        theme = Theme.objects.filter(locale=locale, slug=slug).first() or Theme.objects.create(
            locale=locale, slug=slug, name=names["en"]
        )
        translate_into(theme, list(names), lambda code, names=names: {names["en"]: names[code]})
        found[slug] = theme
    return found


def load_demo_stories(stories_index):
    """Create the demo stories that are missing; return the pages created."""
    locale = stories_index.locale
    all_languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    theme_by_slug = themes(locale)
    created = []
    for index, spec in enumerate(STORIES):
        country = Country.objects.filter(locale=locale, iso_code=spec["country"]).first()
        if country is None:
            country = Country.objects.create(locale=locale, iso_code=spec["country"])
        translate_into(country, all_languages, lambda code: {})  # names come from CLDR

        name = country.display_name
        country_page, is_new = child(
            stories_index, CountryPage, slugify(name), title=name, country=country
        )
        created += [country_page] if is_new else []
        created += [country_page] * translate_into(
            country_page,
            all_languages,
            lambda code, iso=spec["country"], name=name: {
                name: babel_locale(code).territories[iso]
            },
        )

        english = spec["en"]
        story, is_new = child(
            country_page,
            StoryPage,
            spec["slug"],
            title=english["title"],
            summary=english["summary"],
            mirror_url=spec.get("mirror_url", ""),
            video=video(spec, index),
            body=[("key_fact", {"statement": english["fact"], "source_title": english["source"]})],
            dimensions=spec["dimensions"],
            levels=spec["levels"],
            voices=spec["voices"],
            story_themes=[StoryTheme(theme=theme_by_slug[slug]) for slug in spec["themes"]],
        )
        if is_new:
            created.append(story)
            ConsentRecord.objects.create(
                story=story,
                person=f"Storyteller, {name}",
                scope="Video, name and story on the campaign website, in every language.",
                given_on=datetime.date(2026, 1, 15),
                expires_on=datetime.date(2031, 1, 15),
            )
        country_team(spec["country"])
        created += [story] * translate_into(
            story,
            translations_in(spec),
            lambda code, spec=spec: {
                spec["en"][key]: spec[code][key] for key in ("title", "summary", "fact", "source")
            },
        )
    return created
