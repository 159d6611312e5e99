"""ffprobe and ffmpeg (Debian's ``ffmpeg`` package), run as programs: what a video holds, and
the commands that make its renditions. Only the task worker encodes (``tasks``); a request at
most probes.

Failures carry ffmpeg's reason in plain words for the editor (``Failed.reason``).
"""

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass

from django.conf import settings
from django.core import checks
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

# What ffmpeg says, and what an editor is told instead (the rest is quoted as it is).
PLAIN_REASONS = (
    (
        "Invalid data found when processing input",
        gettext_noop("The file is damaged, or is not a video ffmpeg can read."),
    ),
    (
        "moov atom not found",
        gettext_noop("The file is cut short: its index is missing. Upload it again."),
    ),
    ("does not contain any stream", gettext_noop("The file holds no video or sound.")),
    ("No space left on device", gettext_noop("The server ran out of disk space while encoding.")),
)


class Failed(Exception):
    """ffmpeg or ffprobe could not do it; ``reason`` is for the editor."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def missing():
    """The programs the renditions need that this machine lacks (none when all is well)."""
    return [program for program in ("ffmpeg", "ffprobe") if shutil.which(program) is None]


def check_installed(**kwargs):
    """`manage.py check` (and every start) says plainly when renditions cannot be made."""
    if missing():
        return [
            checks.Warning(
                f"{', '.join(missing())} not found: videos get no renditions.",
                hint="Install Debian's ffmpeg package on the task worker's host.",
                id="media.W001",
            )
        ]
    return []


def missing_reason():
    return _(
        "ffmpeg is not installed on the server, so no renditions can be made (the uploaded "
        "video plays as it is). Ask the administrator to install Debian's ffmpeg package."
    )


def plain(stderr):
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    for said, meaning in PLAIN_REASONS:
        if any(said in line for line in lines):
            return _(meaning)
    return lines[-1][:300] if lines else _("ffmpeg stopped without saying why.")


@dataclass(frozen=True)
class Probe:
    """What ffprobe read from a file."""

    format_names: tuple  # e.g. ("mov", "mp4", "m4a", "3gp", "3g2", "mj2") or ("matroska", "webm")
    duration: float
    width: int  # as displayed (rotation applied), 0 without video
    height: int
    video_codec: str
    audio_codec: str

    @property
    def has_video(self):
        return bool(self.video_codec)

    @property
    def short_side(self):
        return min(self.width, self.height)


def rotation(stream):
    for side_data in stream.get("side_data_list", []):
        if "rotation" in side_data:
            return abs(int(side_data["rotation"])) % 180
    return abs(int(stream.get("tags", {}).get("rotate", 0))) % 180


def probe(path):
    if missing():
        raise Failed(missing_reason())
    result = subprocess.run(  # noqa: S603 (a fixed program; the path is ours)
        [
            shutil.which("ffprobe"),
            *("-v", "error", "-print_format", "json", "-show_format", "-show_streams"),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode != 0:
        raise Failed(plain(result.stderr))
    facts = json.loads(result.stdout or "{}")
    streams = facts.get("streams", [])
    video = next(
        (
            stream
            for stream in streams
            if stream.get("codec_type") == "video"
            and not stream.get("disposition", {}).get("attached_pic")
        ),
        None,
    )
    audio = next((stream for stream in streams if stream.get("codec_type") == "audio"), None)
    width, height = (video.get("width", 0), video.get("height", 0)) if video else (0, 0)
    if video and rotation(video) == 90:
        width, height = height, width
    duration = float(facts.get("format", {}).get("duration") or 0)
    if not streams or duration <= 0:
        raise Failed(_(PLAIN_REASONS[2][1]))
    return Probe(
        format_names=tuple(facts["format"].get("format_name", "").split(",")),
        duration=duration,
        width=width,
        height=height,
        video_codec=video.get("codec_name", "") if video else "",
        audio_codec=audio.get("codec_name", "") if audio else "",
    )


def run(arguments, duration=0.0, on_progress=None):
    """Run ffmpeg with ``arguments``; report the share done (0..1) of ``duration`` seconds of
    output as it goes. ffmpeg's own threads are a setting: the worker's host has other work."""
    if missing():
        raise Failed(missing_reason())
    command = [
        shutil.which("ffmpeg"),
        *("-hide_banner", "-nostdin", "-loglevel", "error", "-y"),
        *("-threads", str(settings.VIDEO_ENCODE_THREADS)),
        *("-progress", "pipe:1", "-nostats"),
        *arguments,
    ]
    # errors go to a file: a damaged master can make ffmpeg say more than a pipe holds
    with (
        tempfile.TemporaryFile(mode="w+") as errors,
        subprocess.Popen(  # noqa: S603 (a fixed program; arguments are ours)
            command, stdout=subprocess.PIPE, stderr=errors, text=True
        ) as process,
    ):
        for line in process.stdout:  # key=value lines, a block every half second
            key, _equals, value = line.strip().partition("=")
            if on_progress and duration and key == "out_time_us" and value.isdigit():
                on_progress(min(int(value) / 1e6 / duration, 1.0))
        process.wait()
        errors.seek(0)
        if process.returncode != 0:
            raise Failed(plain(errors.read()))
