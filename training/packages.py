"""Downloadable packages of a module, per language:

- scorm.zip, a SCORM 1.2 package for Moodle and other LMSs. It bundles its media (the
  data-saver version of each video when there is one) rather than streaming from this site:
  it keeps working inside an LMS that is offline, firewalled or strict about cross-origin media.
  It reports a score from the share of the videos really played and resumes where the learner
  stopped (scorm_launch.js).
- pack.zip, a training pack for offline sessions: videos, every subtitle file, transcripts as
  text, the facilitator guide and handouts, and an index.html that works from the unzipped
  folder.

Both pages carry their subtitles inline as data: URLs: a page opened from disk is a unique
origin for Chromium, which then refuses every <track> file beside it. File names are
transliterated to ASCII and numbered (Arabic, Amharic or Georgian titles slugify to nothing).

Packages are built by a background task (training.tasks) after each publish, streamed into a
temporary file and then into the default storage in chunks (never whole in memory, never in a
request). A ModulePackage row is written only once the file is whole, and only then is it
offered and served; until then the module page says the package is being prepared.
"""

import base64
import shutil
import tempfile
import zipfile
from pathlib import PurePosixPath
from xml.etree import ElementTree

from django.contrib.staticfiles import finders
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import FileResponse, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import Truncator, slugify

from wagtail.coreutils import string_to_ascii

from campaign_site.delivery.responses import harden
from campaign_site.media.models import CampaignMedia
from campaign_site.media.player import timestamp
from campaign_site.media.serving import is_withheld

from .progress import MASTERY_SCORE

PACKAGE_DIR = "packages"


def package_name(page, kind):
    stamp = int(page.last_published_at.timestamp()) if page.last_published_at else 0
    return f"{PACKAGE_DIR}/{page.pk}-{kind}-{stamp}.zip"


def file_stem(position, title):
    """'02-fishing-again': visible and unique in every script (transliterated as Wagtail
    makes slugs, numbered by position)."""
    slug = slugify(string_to_ascii(title))[:60].strip("-")
    return f"{position:02}-{slug}" if slug else f"{position:02}"


def extension(field):
    return PurePosixPath(field.name).suffix.lower()


def track_data_url(track):
    with track.file.open("rb") as handle:
        return "data:text/vtt;charset=utf-8;base64," + base64.b64encode(handle.read()).decode()


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


def module_context(page):
    """What both packages show and carry: for each video its bundled file, and for each of its
    tracks the inline data: URL, the .vtt file and the transcript (stem.language.kind)."""
    videos, files, media = [], {}, {}
    playable = [video for video in page.video_list if not is_withheld(CampaignMedia, video.pk)]
    for position, video in enumerate(playable, start=1):
        # a package carries the data-saver version of a video when there is one
        file = video.data_saver_file or video.file
        stem = file_stem(position, video.title)
        item = {
            "video": video,
            "number": position,
            "src": f"media/{stem}{extension(file)}",
            "tracks": [],
        }
        media[item["src"]] = file
        for track in video.subtitle_tracks.all():
            name = f"{stem}.{track.language}.{track.kind}"
            entry = {
                "track": track,
                "data_url": track_data_url(track),
                "file": f"subtitles/{name}.vtt",
                "transcript": f"transcripts/{name}.txt",
            }
            media[entry["file"]] = track.file
            files[entry["transcript"]] = transcript_text(track).encode()
            item["tracks"].append(entry)
        videos.append(item)
    context = {
        "page": page,
        "videos": videos,
        "language_code": page.locale.language_code,
        "is_rtl": translation.get_language_info(page.locale.language_code)["bidi"],
    }
    return context, files, media


SCORM_SCRIPTS = ("progress.js", "scorm_launch.js")  # in the order index.html loads them


def build_scorm(page):
    with translation.override(page.locale.language_code):
        context, files, media = module_context(page)
        files["index.html"] = render_to_string("training/scorm/index.html", context).encode()
    for script in SCORM_SCRIPTS:
        with open(finders.find(f"training/{script}"), "rb") as handle:
            files[script] = handle.read()
    files["imsmanifest.xml"] = scorm_manifest(page, sorted([*files, *media]))
    return files, media


# SCORM 1.2 content packaging (imscp_rootv1p1p2.xsd, adlcp_rootv1p2.xsd)
IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATIONS = (
    f"{IMSCP} imscp_rootv1p1p2.xsd "
    "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
    f"{ADLCP} adlcp_rootv1p2.xsd"
)
TITLE_MAX = 200  # the schema's limit on <title>

for prefix, uri in (("", IMSCP), ("adlcp", ADLCP), ("xsi", XSI)):
    ElementTree.register_namespace(prefix, uri)


def scorm_manifest(page, names):
    """imsmanifest.xml, written as XML (an apostrophe stays an apostrophe, not &#x27;)."""

    def element(parent, tag, text=None, namespace=IMSCP, **attributes):
        node = ElementTree.SubElement(parent, f"{{{namespace}}}{tag}", attributes)
        node.text = text
        return node

    title = Truncator(page.title).chars(TITLE_MAX)
    manifest = ElementTree.Element(
        f"{{{IMSCP}}}manifest",
        {
            "identifier": f"campaign-module-{page.translation_key}-{page.locale.language_code}",
            "version": "1.0",
            f"{{{XSI}}}schemaLocation": SCHEMA_LOCATIONS,
        },
    )
    metadata = element(manifest, "metadata")
    element(metadata, "schema", "ADL SCORM")
    element(metadata, "schemaversion", "1.2")
    organizations = element(manifest, "organizations", default="organization")
    organization = element(organizations, "organization", identifier="organization")
    element(organization, "title", title)
    item = element(
        organization, "item", identifier="module", identifierref="module-sco", isvisible="true"
    )
    element(item, "title", title)
    element(item, "masteryscore", str(MASTERY_SCORE), namespace=ADLCP)  # progress.py
    resources = element(manifest, "resources")
    resource = element(
        resources, "resource", identifier="module-sco", type="webcontent", href="index.html"
    )
    resource.set(f"{{{ADLCP}}}scormtype", "sco")  # a namespaced name: no keyword for it
    for name in names:
        element(resource, "file", href=name)
    ElementTree.indent(manifest)
    return ElementTree.tostring(manifest, encoding="UTF-8", xml_declaration=True)


def build_pack(page):
    with translation.override(page.locale.language_code):
        context, files, media = module_context(page)
        documents = (
            [(translation.gettext("Facilitator guide"), page.facilitator_guide)]
            if page.facilitator_guide
            else []
        )
        documents += [
            (handout.title, handout.document)
            for handout in page.handouts.select_related("document")
        ]
        context["documents"] = []
        for position, (title, document) in enumerate(documents, start=1):
            name = f"documents/{file_stem(position, title)}{extension(document.file)}"
            media[name] = document.file
            context["documents"].append((title, name))
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
