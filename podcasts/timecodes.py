"""Times within an episode as editors type them: 75, 1:15 or 1:02:15 (decimals allowed).

Kept as text so that each translation may set its own: each language's recording has its own
timing, and wagtail-localize offers overrides for text fields only.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

TIMECODE = re.compile(r"^(?:(?:(?P<hours>\d+):)?(?P<minutes>\d+):)?(?P<seconds>\d+(?:\.\d+)?)$")
INVALID = _("Write a time as 75, 1:15 or 1:02:15 (hours, minutes and seconds).")


def timecode_seconds(text):
    """'1:02:15' -> 3735.0; raises ValueError for anything else."""
    match = TIMECODE.match(str(text).strip())
    if match is None:
        raise ValueError(text)
    hours, minutes = int(match["hours"] or 0), int(match["minutes"] or 0)
    seconds = float(match["seconds"])
    if (match["hours"] and minutes >= 60) or (match["minutes"] and seconds >= 60):
        raise ValueError(text)
    return hours * 3600 + minutes * 60 + seconds


def timecode(seconds):
    """62.5 -> '1:02.5'; 3725 -> '1:02:05' (to the millisecond)."""
    hours, rest = divmod(round(float(seconds), 3), 3600)
    minutes, rest = divmod(rest, 60)
    whole = int(rest)
    fraction = f"{rest - whole:.3f}"[1:].rstrip("0").rstrip(".")
    second = f"{whole:02}{fraction}"
    return f"{int(hours)}:{int(minutes):02}:{second}" if hours else f"{int(minutes)}:{second}"


def validate_timecode(text):
    try:
        timecode_seconds(text)
    except ValueError:
        raise ValidationError(INVALID) from None
