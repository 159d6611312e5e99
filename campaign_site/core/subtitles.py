"""Subtitle files: WebVTT or SRT in, validated WebVTT and cues out (webvtt-py)."""

import io
from dataclasses import dataclass

import webvtt
from webvtt.errors import MalformedFileError


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str


class InvalidSubtitles(ValueError):
    pass


class NotUTF8(InvalidSubtitles):
    pass


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NotUTF8(str(error)) from error


def parse(data: bytes):
    """(WebVTT text, cues) from the bytes of a .vtt or .srt file."""
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InvalidSubtitles("empty file")
    is_vtt = text.lstrip().startswith("WEBVTT")
    try:
        captions = webvtt.WebVTT.from_buffer(io.StringIO(text), format="vtt" if is_vtt else "srt")
    except (MalformedFileError, ValueError, IndexError) as error:
        raise InvalidSubtitles(str(error)) from error
    cues = [
        Cue(
            start=seconds(caption.start),
            end=seconds(caption.end),
            text=caption.text.strip(),
        )
        for caption in captions
    ]
    if not cues:
        raise InvalidSubtitles("no cues")
    for cue in cues:
        if cue.end <= cue.start:
            raise InvalidSubtitles(f"a cue ends before it starts ({cue.text[:40]!r})")
    return captions.content, cues


def seconds(timestamp: str) -> float:
    """'00:01:02.500' -> 62.5"""
    hours, minutes, rest = timestamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)
