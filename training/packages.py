"""Downloadable packages of a module, per language:

- scorm.zip, a SCORM 1.2 package for Moodle and other LMSs. It bundles its media (the
  data-saver version of each video when there is one) rather than streaming from this site:
  it keeps working inside an LMS that is offline, firewalled or strict about cross-origin media.
- pack.zip, a training pack for offline sessions: videos, every subtitle file, transcripts as
  text, the facilitator guide and handouts, and an index.html that works from the unzipped
  folder.

Packages are built once per published version and kept in the default storage.
"""

import io
import zipfile
from pathlib import PurePosixPath

from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify

from campaign_site.core.templatetags.campaign_tags import timestamp
from campaign_site.core.views import harden

PACKAGE_DIR = "packages"


def package_name(page, kind):
    stamp = int(page.last_published_at.timestamp()) if page.last_published_at else 0
    return f"{PACKAGE_DIR}/{page.pk}-{kind}-{stamp}.zip"


def package_path(folder, field):
    return f"{folder}/{PurePosixPath(field.name).name}"


def subtitle_files(video):
    return [(track, package_path("subtitles", track.file)) for track in video.subtitle_tracks.all()]


def transcript_text(track):
    return "\n".join(f"[{timestamp(cue['start'])}] {cue['text']}" for cue in track.cues) + "\n"


def add_file(archive, field, name, date_time):
    with field.open("rb") as handle:
        archive.writestr(
            zipfile.ZipInfo(name, date_time), handle.read(), compress_type=zipfile.ZIP_STORED
        )


def bundled_media(videos):
    """Package path -> file, for every video and subtitle track a package carries."""
    media = {}
    for item in videos:
        media[item["src"]] = item["file"]
        for track, name in item["tracks"]:
            media[name] = track.file
    return media


def module_context(page):
    videos = [
        {
            "video": video,
            "file": file,
            "src": package_path("media", file),
            "tracks": subtitle_files(video),
        }
        for video in page.video_list
        # a package carries the data-saver version of a video when there is one
        for file in [video.data_saver_file or video.file]
    ]
    return {
        "page": page,
        "videos": videos,
        "total_seconds": page.total_video_seconds,
        "language_code": page.locale.language_code,
        "is_rtl": translation.get_language_info(page.locale.language_code)["bidi"],
    }


def build_scorm(page):
    context = module_context(page)
    files = {}
    with translation.override(page.locale.language_code):
        files["index.html"] = render_to_string("training/scorm/index.html", context).encode()
    with open(finders.find("training/scorm_launch.js"), "rb") as handle:
        files["scorm_launch.js"] = handle.read()
    media = bundled_media(context["videos"])
    context["files"] = sorted([*files, *media])
    context["identifier"] = f"campaign-module-{page.translation_key}-{page.locale.language_code}"
    files["imsmanifest.xml"] = render_to_string("training/scorm/imsmanifest.xml", context).encode()
    return zip_bytes(page, files, media)


def build_pack(page):
    context = module_context(page)
    files, media = {}, bundled_media(context["videos"])
    for item in context["videos"]:
        item["transcripts"] = []
        for track, _name in item["tracks"]:
            transcript = (
                f"transcripts/{slugify(item['video'].title)}.{track.language}.{track.kind}.txt"
            )
            files[transcript] = transcript_text(track).encode()
            item["transcripts"].append((track, transcript))
    documents = (
        [(page.facilitator_guide.title, page.facilitator_guide)] if page.facilitator_guide else []
    )
    documents += [
        (handout.title, handout.document) for handout in page.handouts.select_related("document")
    ]
    context["documents"] = [
        (title, package_path("documents", document.file)) for title, document in documents
    ]
    media.update(
        {package_path("documents", document.file): document.file for _title, document in documents}
    )
    with translation.override(page.locale.language_code):
        files["index.html"] = render_to_string("training/pack/index.html", context).encode()
    return zip_bytes(page, files, media)


def zip_bytes(page, files, media):
    date_time = (page.last_published_at or timezone.now()).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(
                zipfile.ZipInfo(name, date_time), data, compress_type=zipfile.ZIP_DEFLATED
            )
        for name, field in media.items():  # already compressed: stored as they are
            add_file(archive, field, name, date_time)
    return buffer.getvalue()


BUILDERS = {"scorm": build_scorm, "pack": build_pack}


def ensure_package(page, kind):
    """The stored package for this published version, built if missing. Returns its name."""
    name = package_name(page, kind)
    if not default_storage.exists(name):
        remove_older_versions(page, kind)
        default_storage.save(name, ContentFile(BUILDERS[kind](page)))
    return name


def remove_older_versions(page, kind):
    remove_packages(page, f"{page.pk}-{kind}-")


def remove_packages(page, prefix=None):
    """Delete the stored packages of a module (of one kind, with ``prefix``)."""
    prefix = prefix or f"{page.pk}-"
    if default_storage.exists(PACKAGE_DIR):
        _directories, names = default_storage.listdir(PACKAGE_DIR)
        for name in names:
            if name.startswith(prefix):
                default_storage.delete(f"{PACKAGE_DIR}/{name}")


def package_sizes(page):
    return {kind: default_storage.size(ensure_package(page, kind)) for kind in BUILDERS}


def package_response(page, kind):
    filename = f"{page.slug}-{page.locale.language_code}-{kind}.zip"
    return harden(
        FileResponse(
            default_storage.open(ensure_package(page, kind), "rb"),
            as_attachment=True,
            filename=filename,
            content_type="application/zip",
        )
    )
