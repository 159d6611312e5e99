"""What an uploaded file really is, read from its content, never from its name: audio and video
(mutagen: container, duration, bitrate, video track; ffprobe for a WebM video, which mutagen
does not read) and documents (filetype, and for office files the ZIP container itself)."""

import shutil
import tempfile
import zipfile
from dataclasses import dataclass

import filetype
import mutagen
import mutagen.mp3
import mutagen.mp4

from campaign_site.media import ffmpeg


@dataclass(frozen=True)
class MediaFacts:
    mime_type: str
    duration: float  # seconds
    bitrate: int  # bits per second, 0 when unknown
    has_video: bool


class NotMedia(ValueError):
    pass


def mp4_handler_types(fileobj):
    """The track kinds of an MP4 file: b"vide", b"soun", ...; a file cut short is refused (its
    header can be whole while the media data it promises is missing)."""
    size = fileobj.seek(0, 2)
    fileobj.seek(0)
    atoms = mutagen.mp4.Atoms(fileobj)
    if any(atom.offset + atom.length > size for atom in atoms.atoms):
        raise NotMedia("truncated")
    kinds = []
    for track in atoms.path(b"moov")[-1].findall(b"trak"):
        handler = track[b"mdia", b"hdlr"]
        fileobj.seek(handler.offset + 16)  # size, type, version/flags, pre_defined
        kinds.append(fileobj.read(4))
    return kinds


def is_quicktime(fileobj):
    fileobj.seek(0)
    head = fileobj.read(12)
    return head[4:8] == b"ftyp" and head[8:12] == b"qt  "


def probed_webm(fileobj):
    """A WebM video, read by ffprobe from a file on disk (an upload in memory is copied)."""
    try:
        if hasattr(fileobj, "temporary_file_path"):
            probe = ffmpeg.probe(fileobj.temporary_file_path())
        else:
            with tempfile.NamedTemporaryFile(suffix=".webm") as copy:
                fileobj.seek(0)
                shutil.copyfileobj(fileobj, copy)
                copy.flush()
                probe = ffmpeg.probe(copy.name)
    except ffmpeg.Failed as failure:
        raise NotMedia(failure.reason) from None
    if "webm" not in probe.format_names or not probe.has_video:
        raise NotMedia("not a WebM video")
    return MediaFacts("video/webm", probe.duration, 0, True)


def _read_media(fileobj, video):
    fileobj.seek(0)
    kind = filetype.guess(fileobj.read(8192))
    if video and kind is not None and kind.mime == "video/webm":
        return probed_webm(fileobj)
    fileobj.seek(0)
    parsed = mutagen.File(fileobj)
    if isinstance(parsed, mutagen.mp4.MP4):
        has_video = b"vide" in mp4_handler_types(fileobj)
        mime_type = "video/mp4" if has_video else "audio/mp4"
        if has_video and is_quicktime(fileobj):
            mime_type = "video/quicktime"
    elif isinstance(parsed, mutagen.mp3.MP3):
        has_video, mime_type = False, "audio/mpeg"
    else:
        raise NotMedia("not an MP4 or MP3 file")
    if not parsed.info.length:
        raise NotMedia("no playable content")
    return MediaFacts(
        mime_type, float(parsed.info.length), int(parsed.info.bitrate or 0), has_video
    )


def inspect_media(fileobj, video=False):
    """Read a file's facts; raise NotMedia if it is not MP4 (video or audio) or MP3, or for a
    ``video`` also MOV or WebM."""
    try:
        return _read_media(fileobj, video)
    except NotMedia:
        raise
    except Exception as error:  # noqa: BLE001 - a crafted file is refused, never a 500
        raise NotMedia(str(error)) from error
    finally:
        fileobj.seek(0)


# Documents: the allow-list, by the extension the file must also prove by its content.
DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "txt": "text/plain",
}
# What an office file's ZIP container must hold for its claimed type.
OFFICE_PARTS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
# Decompression bombs: limits on what a ZIP container would unpack to.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 250
MAX_MEMBERS = 10_000


class NotADocument(ValueError):
    pass


def inspect_document(fileobj, extension):
    """Check that the file is what its extension claims, one of DOCUMENT_TYPES; return its
    content type or raise NotADocument."""
    extension = extension.lower()
    if extension not in DOCUMENT_TYPES:
        raise NotADocument("not allowed")
    fileobj.seek(0)
    head = fileobj.read(8192)
    fileobj.seek(0)
    kind = filetype.guess(head)
    try:
        if extension == "txt":
            _check_text(kind, fileobj)
        elif extension == "pdf":
            if kind is None or kind.extension != "pdf":
                raise NotADocument("not a PDF")
        else:
            if kind is None or kind.mime not in ("application/zip", DOCUMENT_TYPES[extension]):
                raise NotADocument("not an office file")
            _check_office_container(fileobj, extension)
    finally:
        fileobj.seek(0)
    return DOCUMENT_TYPES[extension]


def _check_text(kind, fileobj):
    data = fileobj.read()
    if kind is not None or b"\x00" in data:
        raise NotADocument("binary")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise NotADocument("not UTF-8") from None


def _check_office_container(fileobj, extension):
    try:
        with zipfile.ZipFile(fileobj) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise NotADocument("too many parts")
            if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
                raise NotADocument("unpacks too large")
            if any(
                member.file_size > MAX_RATIO * max(member.compress_size, 1) for member in members
            ):
                raise NotADocument("compression ratio of a bomb")
            names = {member.filename for member in members}
            if extension in OFFICE_PARTS:
                if "[Content_Types].xml" not in names or not any(
                    name.startswith(OFFICE_PARTS[extension]) for name in names
                ):
                    raise NotADocument("not this office format")
            elif archive.read("mimetype").decode("ascii", "replace") != DOCUMENT_TYPES[extension]:
                raise NotADocument("not this OpenDocument format")
    except (zipfile.BadZipFile, KeyError, EOFError, OSError) as error:
        raise NotADocument(str(error)) from error
