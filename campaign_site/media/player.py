"""The shared video player's data: tracks, default language, the renditions to start with,
data saver, mirror facade."""

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _

FIRST_HEIGHT = 360  # without JavaScript, the first source: small enough for 3G, sharp on a phone
SAVE_DATA_HEIGHT = 240
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com"}
PREFERRED_KINDS = ("subtitles", "captions")


@dataclass(frozen=True)
class Mirror:
    """A YouTube or Vimeo copy, loaded only when the visitor asks: the page names just the
    provider and the id, and the script builds the privacy-enhanced player URL on click."""

    provider: str
    video_id: str

    @property
    def watch_url(self):
        """The provider's own page: where the facade leads without JavaScript."""
        if self.provider == "youtube":
            return f"https://www.youtube.com/watch?v={self.video_id}"
        return f"https://vimeo.com/{self.video_id}"


def mirror_embed(url):
    if not url:
        return None
    parts = urlsplit(url)
    host = parts.hostname or ""
    segments = [segment for segment in parts.path.split("/") if segment]
    if host in YOUTUBE_HOSTS:
        if host == "youtu.be" and segments:
            video_id = segments[0]
        elif segments[:1] in (["shorts"], ["embed"], ["live"]) and len(segments) > 1:
            video_id = segments[1]
        else:
            video_id = parse_qs(parts.query).get("v", [""])[0]
        if len(video_id) == 11:
            return Mirror("youtube", video_id)
    if host in VIMEO_HOSTS and segments and segments[-1].isdigit():
        return Mirror("vimeo", segments[-1])
    return None


def validate_mirror_url(url):
    if url and mirror_embed(url) is None:
        raise ValidationError(
            _("Use the link of one YouTube or Vimeo video, for example https://youtu.be/…")
        )


def player_tracks(video, language_code):
    """The video's subtitle tracks, the page's language first, and the one shown by default."""
    tracks = sorted(
        video.subtitle_tracks.all(),
        key=lambda track: (track.language != language_code, track.language),
    )
    default = next(
        (
            track
            for kind in PREFERRED_KINDS
            for track in tracks
            if track.language == language_code and track.kind == kind
        ),
        None,
    )
    return tracks, default


def timestamp(seconds):
    """62.5 -> "1:02"; 3725 -> "1:02:05"."""
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"


@dataclass(frozen=True)
class Ladder:
    """What the player may play: the renditions (lowest first), the one offered first without
    JavaScript, the HLS playlist, and the clip to forward in the page's language."""

    renditions: list
    first: object
    hls_url: str
    clip: object


def ladder(video, language_code, save_data):
    """None until the video's renditions are ready: the player then plays the master."""
    if not video.renditions_ready:
        return None
    renditions = video.ladder_renditions
    if not renditions:
        return None
    most = SAVE_DATA_HEIGHT if save_data else FIRST_HEIGHT
    fitting = [rendition for rendition in renditions if rendition.height <= most]
    clip = next((clip for clip in video.forward_clips if clip.language == language_code), None)
    return Ladder(
        renditions,
        (fitting or renditions)[-1],
        default_storage.url(video.hls_playlist) if video.hls_playlist else "",
        clip,
    )
