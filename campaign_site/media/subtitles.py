"""Subtitle files: WebVTT or SRT in, validated WebVTT and cues out (webvtt-py)."""

import io
from dataclasses import dataclass

import webvtt
from webvtt.errors import MalformedFileError

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str


class InvalidSubtitles(ValueError):
    """Carries a translated message an editor can act on."""


def parse(data: bytes):
    """(WebVTT text, cues) from the bytes of a .vtt or .srt file."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidSubtitles(
            _("This file is not UTF-8 text. Save it with UTF-8 encoding and upload it again.")
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InvalidSubtitles(_("The file is empty."))
    is_vtt = text.lstrip().startswith("WEBVTT")
    try:
        captions = webvtt.WebVTT.from_buffer(io.StringIO(text), format="vtt" if is_vtt else "srt")
    except (MalformedFileError, ValueError, IndexError):
        captions = None
    if not captions:
        raise InvalidSubtitles(
            _(
                "This is not a valid WebVTT or SRT file: each subtitle needs a time line such as "
                "“00:00:01.000 --> 00:00:04.000” followed by its text."
            )
        )
    cues = [
        Cue(seconds(caption.start), seconds(caption.end), caption.text.strip())
        for caption in captions
    ]
    for cue in cues:
        if cue.end <= cue.start:
            raise InvalidSubtitles(
                _("A subtitle ends before it starts: “%(text)s”.") % {"text": cue.text[:60]}
            )
    return captions.content, cues


def seconds(timestamp: str) -> float:
    """'00:01:02.500' -> 62.5"""
    hours, minutes, rest = timestamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)
