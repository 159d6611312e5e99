"""Downloadable packages of a module, per language:

- scorm.zip, a SCORM 1.2 package for Moodle and other LMSs. It bundles its media (the
  data-saver version of each video when there is one) rather than streaming from this site:
  it keeps working inside an LMS that is offline, firewalled or strict about cross-origin media.
- pack.zip, a training pack for offline sessions: videos, every subtitle file, transcripts as
  text, the facilitator guide and handouts, and an index.html that works from the unzipped
  folder.

Packages are built by a background task (training.tasks) after each publish, streamed into a
temporary file and then into the default storage in chunks (never whole in memory, never in a
request). A ModulePackage row is written only once the file is whole, and only then is it
offered and served; until then the module page says the package is being prepared.
"""

import shutil
import tempfile
import zipfile
from pathlib import PurePosixPath

from django.contrib.staticfiles import finders
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import FileResponse, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify

from campaign_site.core.responses import harden
from campaign_site.core.templatetags.campaign_tags import timestamp

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


COPY_CHUNK = 1024 * 1024


def add_file(archive, field, name, date_time):
    """Copy a stored file into the archive chunk by chunk, stored as it is (media are already
    compressed)."""
    info = zipfile.ZipInfo(name, date_time)
    info.compress_type = zipfile.ZIP_STORED
    with field.open("rb") as source, archive.open(info, "w", force_zip64=True) as target:
        shutil.copyfileobj(source, target, COPY_CHUNK)


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
    return files, media


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
    return files, media


def write_zip(page, files, media, handle):
    date_time = (page.last_published_at or timezone.now()).timetuple()[:6]
    with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(
                zipfile.ZipInfo(name, date_time), data, compress_type=zipfile.ZIP_DEFLATED
            )
        for name, field in media.items():
            add_file(archive, field, name, date_time)


BUILDERS = {"scorm": build_scorm, "pack": build_pack}


def build_package(page, kind):
    """Build one package of the page's published version into storage (task only)."""
    files, media = BUILDERS[kind](page)
    name = package_name(page, kind)
    with tempfile.TemporaryFile() as handle:
        write_zip(page, files, media, handle)
        size = handle.tell()
        handle.seek(0)
        stored = default_storage.save(name, File(handle, name=name))
    page.packages.update_or_create(
        kind=kind,
        defaults={"file": stored, "size": size, "built_for": page.last_published_at},
    )
    transaction.on_commit(lambda: remove_packages(page, f"{page.pk}-{kind}-", keep=stored))
    return stored


def remove_packages(page, prefix=None, keep=None):
    """Delete the stored packages of a module (of one kind, with ``prefix``), but ``keep``."""
    prefix = prefix or f"{page.pk}-"
    if default_storage.exists(PACKAGE_DIR):
        _directories, names = default_storage.listdir(PACKAGE_DIR)
        for name in names:
            if name.startswith(prefix) and f"{PACKAGE_DIR}/{name}" != keep:
                default_storage.delete(f"{PACKAGE_DIR}/{name}")


def ready_packages(page):
    """Kind -> package, for the packages of the page's published version that are whole."""
    return {
        package.kind: package
        for package in page.packages.all()
        if package.built_for == page.last_published_at
    }


def being_prepared():
    response = HttpResponse(
        translation.gettext("This package is being prepared. Try again in a minute."),
        status=503,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = "60"
    return response


def package_response(page, package):
    filename = f"{page.slug}-{page.locale.language_code}-{package.kind}.zip"
    return harden(
        FileResponse(
            default_storage.open(package.file, "rb"),
            as_attachment=True,
            filename=filename,
            content_type="application/zip",
        )
    )
