"""Demo training modules: three modules in English, French and Arabic, the first (two videos)
in every campaign language, using the story videos (and their subtitles) and one-page PDF
documents drawn with Pillow."""

import io

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from django.core.files.base import ContentFile
from django.utils.text import slugify

from wagtail.documents.models import Document

from stories.models import StoryPage
from training.models import ModuleHandout, ModulePage, ModuleVideo

from .helpers import child, translate_into, translations_in
from .training_text import MODULES


def pdf(title, lines):
    """A one-page PDF document, so that nothing is downloaded."""
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    page = PILImage.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    draw.text((100, 120), title, fill="black", font=ImageFont.load_default(size=48))
    for number, line in enumerate(lines):
        draw.text(
            (100, 260 + number * 60), line, fill="black", font=ImageFont.load_default(size=28)
        )
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=150)
    return Document.objects.create(
        title=title, file=ContentFile(buffer.getvalue(), name=f"{slugify(title)}.pdf")
    )


def story_video(country_code):
    story = StoryPage.objects.filter(
        locale__language_code="en", video__isnull=False
    ).select_related("video")
    return next(
        page.video for page in story if page.get_parent().specific.country.iso_code == country_code
    )


def strings(spec, code):
    english, translated = spec["en"], spec[code]
    pairs = {english[key]: translated[key] for key in ("title", "summary", "handout")}
    pairs.update(zip(english["objectives"], translated["objectives"], strict=True))
    pairs.update(zip(english["questions"], translated["questions"], strict=True))
    pairs.update(zip(english["activity"][:2], translated["activity"][:2], strict=True))
    return pairs


def load_demo_modules(training_index):
    created = []
    for spec in MODULES:
        english = spec["en"]
        guide_lines = english["objectives"] + english["questions"]
        module, is_new = child(
            training_index,
            ModulePage,
            spec["slug"],
            title=english["title"],
            summary=english["summary"],
            learning_objectives=[("objective", text) for text in english["objectives"]],
            audiences=spec["audiences"],
            dimensions=spec["dimensions"],
            level=spec["level"],
            duration_minutes=spec["minutes"],
            facilitator_guide=pdf(f"{english['guide']}: {english['title']}", guide_lines),
            discussion_questions=[("question", text) for text in english["questions"]],
            activities=[
                (
                    "activity",
                    {
                        "title": english["activity"][0],
                        "instructions": english["activity"][1],
                        "minutes": english["activity"][2],
                    },
                )
            ],
            videos=[ModuleVideo(video=story_video(code)) for code in spec["video_countries"]],
            handouts=[
                ModuleHandout(
                    document=pdf(english["handout"], english["objectives"]),
                    title=english["handout"],
                    locale=training_index.locale,
                )
            ],
        )
        created += [module] if is_new else []
        created += [module] * translate_into(
            module,
            translations_in(spec),
            lambda code, spec=spec: strings(spec, code),
        )
    return created
