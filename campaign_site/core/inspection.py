"""What an uploaded audio or video file really is, read from its content (mutagen), never from
its name: container, duration, bitrate, and whether it carries a video track."""

from dataclasses import dataclass

import mutagen
import mutagen.mp3
import mutagen.mp4


@dataclass(frozen=True)
class MediaFacts:
    mime_type: str
    duration: float  # seconds
    bitrate: int  # bits per second, 0 when unknown
    has_video: bool


class NotMedia(ValueError):
    pass


def mp4_handler_types(fileobj):
    """The track kinds of an MP4 file: b"vide", b"soun", ..."""
    fileobj.seek(0)
    atoms = mutagen.mp4.Atoms(fileobj)
    kinds = []
    for track in atoms.path(b"moov")[-1].findall(b"trak"):
        handler = track[b"mdia", b"hdlr"]
        fileobj.seek(handler.offset + 16)  # size, type, version/flags, pre_defined
        kinds.append(fileobj.read(4))
    return kinds


def inspect_media(fileobj):
    """Read a file's facts; raise NotMedia if it is not MP4 (video or audio) or MP3."""
    fileobj.seek(0)
    try:
        parsed = mutagen.File(fileobj)
    except mutagen.MutagenError as error:
        raise NotMedia(str(error)) from error
    if isinstance(parsed, mutagen.mp4.MP4):
        has_video = b"vide" in mp4_handler_types(fileobj)
        mime_type = "video/mp4" if has_video else "audio/mp4"
    elif isinstance(parsed, mutagen.mp3.MP3):
        has_video, mime_type = False, "audio/mpeg"
    else:
        raise NotMedia("not an MP4 or MP3 file")
    if not parsed.info.length:
        raise NotMedia("no playable content")
    fileobj.seek(0)
    return MediaFacts(
        mime_type, float(parsed.info.length), int(parsed.info.bitrate or 0), has_video
    )
