"""Demo podcast: one show in every campaign language; five episodes in English, French and
Spanish, the first in every language, with spoken audio (files/podcasts/, made once by
make_media.py), transcripts in each of their languages and chapters; an English-only bonus."""

import datetime
import io
import json
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from django.core.files import File
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from wagtail.images.models import Image
from wagtail.models import Page

from campaign_site.media.models import CampaignMedia
from podcasts.models import EpisodeChapter, EpisodePage, EpisodePerson, ShowPage
from podcasts.timecodes import timecode

from .helpers import add_track, child, translate_into, translations_in
from .podcasts_text import CHAPTER_TITLES, EPISODES, HOSTS, SHOW

MEDIA_DIR = Path(__file__).parent / "files" / "podcasts"
TIMINGS = json.loads((MEDIA_DIR / "timings.json").read_text())
FIRST_EPISODE_DATE = datetime.datetime(2026, 6, 1, 8, 0, tzinfo=datetime.UTC)


def artwork():
    """Square 1400 px PNG artwork, drawn with Pillow."""
    existing = Image.objects.filter(title="Podcast artwork: Return Conversations").first()
    if existing:
        return existing
    canvas = PILImage.new("RGB", (1400, 1400), "#0b5cab")
    draw = ImageDraw.Draw(canvas)
    draw.ellipse((300, 300, 1100, 1100), outline="white", width=40)
    draw.text(
        (180, 1180), "Return Conversations", fill="white", font=ImageFont.load_default(size=110)
    )
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG")
    return Image.objects.create(
        title="Podcast artwork: Return Conversations",
        file=ContentFile(buffer.getvalue(), name="podcast-artwork.png"),
    )


def timestamp(seconds):
    return f"{seconds // 60:02.0f}:{seconds % 60:06.3f}"


def cue_file(timings, lines):
    cues = [
        f"{timestamp(start)} --> {timestamp(end)}\n{line}"
        for (start, end), line in zip(timings, lines, strict=True)
    ]
    return "WEBVTT\n\n" + "\n\n".join(cues) + "\n"


def audio(spec, language):
    """The episode's recording in one language, with its transcript in every language."""
    name = f"episode-{spec['number']}-{language}.mp3"
    title = f"Podcast audio: {spec[language]['title']}"
    existing = CampaignMedia.objects.filter(title=title).first()
    if existing:
        return existing
    media = CampaignMedia(title=title, type="audio")
    with (MEDIA_DIR / name).open("rb") as handle:
        media.file = File(handle, name=name)
        media.full_clean()  # duration, size and type come from the file
        media.save()
    for transcript_language in ("en", *translations_in(spec)):
        lines = spec[transcript_language]["lines"]
        add_track(media, transcript_language, cue_file(TIMINGS[name], lines), f"{name[:-4]}.vtt")
    return media


def episode_fields(spec, language, media):
    text = spec[language]
    return {
        "title": text["title"],
        "summary": text["lines"][1],
        "show_notes": "".join(f"<p>{line}</p>" for line in text["lines"]),
        "number": spec["number"],
        "season": 1,
        "episode_type": spec["type"],
        "audio": media,
        "persons": [EpisodePerson(name=host["name"], role=host["role"]) for host in HOSTS],
        "chapters": [
            EpisodeChapter(start=timecode(start), title=title)
            for (start, _end), title in zip(
                TIMINGS[f"episode-{spec['number']}-{language}.mp3"],
                CHAPTER_TITLES[language],
                strict=True,
            )
        ],
    }


def episode_strings(spec, language):
    english = spec["en"]
    strings = {
        english["title"]: spec[language]["title"],
        english["lines"][1]: spec[language]["lines"][1],
    }
    strings.update(zip(english["lines"], spec[language]["lines"], strict=True))
    strings.update(zip(CHAPTER_TITLES["en"], CHAPTER_TITLES[language], strict=True))
    return strings


def load_demo_podcast(podcasts_index):
    """Create the demo show and episodes that are missing; return the pages created."""
    english = SHOW["en"]
    show, is_new = child(
        podcasts_index,
        ShowPage,
        slugify(english["title"]),
        title=english["title"],
        description=english["description"],
        artwork=artwork(),
        author=english["author"],
        owner_name="Campaign communications team",
        owner_email="podcast@campaign.example.org",
        categories=["Society & Culture", "Government"],
        copyright="© 2026 Return and Reintegration Campaign",
        funding_url="https://campaign.example.org/support",
        funding_text="Support the campaign",
    )
    created = [show] if is_new else []
    created += [show] * translate_into(
        show, translations_in(SHOW), lambda code: {english[key]: SHOW[code][key] for key in english}
    )

    for spec in EPISODES:
        languages = translations_in(spec)
        episode, is_new = child(
            show,
            EpisodePage,
            slugify(spec["en"]["title"]),
            **episode_fields(spec, "en", audio(spec, "en")),
        )
        created += [episode] if is_new else []
        count = translate_into(
            episode,
            languages,
            lambda code, spec=spec: episode_strings(spec, code),
            lambda code, spec=spec: {"audio": audio(spec, code).pk},
        )
        created += [episode] * count
        if is_new or count:
            # A publishing history: one episode every two weeks.
            published = FIRST_EPISODE_DATE + datetime.timedelta(weeks=2 * (spec["number"] - 1))
            Page.objects.filter(translation_key=episode.translation_key).update(
                first_published_at=min(published, timezone.now())
            )
    return created
