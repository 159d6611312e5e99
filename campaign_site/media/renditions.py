"""What one uploaded master becomes, for viewers on slow, expensive data: the ladder and the
ffmpeg commands that make each file in a work folder. ``tasks`` runs them and stores the result.

The ladder (H.264 Main, AAC; keyframes every 2 s so that the heights switch cleanly in HLS;
quality CRF 26, capped at the rung's video rate, so that these are the most a minute costs):

======  ============  =====  ==============================================================
height  video kbit/s  audio  at most
======  ============  =====  ==============================================================
240p    250           48     2.2 MB a minute: plays on 2G/EDGE-class links, the data saver
360p    500           64     4.2 MB a minute: the first choice without JavaScript, 3G
720p    1500          96     12 MB a minute: Wi-Fi and 4G
======  ============  =====  ==============================================================

"Height" is the short side, so a portrait video gets the same ladder. No rung is larger than
the master (never upscaled); a master smaller than 240p gets one rendition at its own size.
The audio-only version is 48 kbit/s mono AAC (0.36 MB a minute): speech, like an episode.
"""

from dataclasses import dataclass

from django.utils.translation import gettext

from campaign_site.media import ffmpeg

CRF = 26
KEYFRAME_SECONDS = 2
SEGMENT_SECONDS = 4
AUDIO_ONLY_KBITS = 48


@dataclass(frozen=True)
class Rung:
    height: int  # the short side, in pixels
    video_kbits: int
    audio_kbits: int

    @property
    def bits_per_second(self):
        return (self.video_kbits + self.audio_kbits) * 1000


LADDER = (Rung(240, 250, 48), Rung(360, 500, 64), Rung(720, 1500, 96))


def even(number):
    return max(2, int(number) // 2 * 2)


def rungs_for(probe):
    rungs = [rung for rung in LADDER if rung.height <= probe.short_side]
    return rungs or [Rung(even(probe.short_side), LADDER[0].video_kbits, LADDER[0].audio_kbits)]


def scaled(probe, short_side):
    """The filter that brings the short side to ``short_side``, the other side even; and the
    size it gives."""
    if probe.width >= probe.height:  # landscape or square
        width = even(probe.width * short_side / probe.height)
        return f"scale={width}:{short_side},setsar=1", (width, short_side)
    height = even(probe.height * short_side / probe.width)
    return f"scale={short_side}:{height},setsar=1", (short_side, height)


def h264(video_kbits):
    """Capped quality: a calm interview takes what it needs (often far less), a busy street
    scene no more than the rung's rate. Viewers pay by the megabyte."""
    return [
        *("-c:v", "libx264", "-preset", "veryfast", "-profile:v", "main", "-pix_fmt", "yuv420p"),
        *("-crf", str(CRF), "-maxrate", f"{video_kbits}k", "-bufsize", f"{video_kbits * 2}k"),
        *("-force_key_frames", f"expr:gte(t,n_forced*{KEYFRAME_SECONDS})"),
    ]


def aac(kbits, channels=2):
    return ["-c:a", "aac", "-b:a", f"{kbits}k", "-ac", str(channels)]


def encode_mp4(master, probe, rung, out, on_progress=None, drawn="", max_bytes=None):
    """One rendition, its index at the front (faststart) so playback starts at once; with
    ``drawn``, a filter that draws into the picture after scaling; with ``max_bytes``, ffmpeg
    stops there whatever happens (-fs)."""
    size_filter, size = scaled(probe, rung.height)
    ffmpeg.run(
        [
            *("-i", str(master), "-map", "0:v:0", "-map", "0:a:0?"),
            *("-vf", f"{size_filter},{drawn}" if drawn else size_filter),
            *h264(rung.video_kbits),
            *aac(rung.audio_kbits),
            *(("-fs", str(max_bytes)) if max_bytes else ()),
            *("-movflags", "+faststart", str(out)),
        ],
        probe.duration,
        on_progress,
    )
    return size


def package_hls(renditions, folder, has_audio):
    """The HLS ladder from the MP4 renditions themselves (copied, not encoded again): a master
    playlist and one media playlist per height, each height one fragmented MP4 file read by
    byte ranges, so a ladder is a handful of stored objects."""
    inputs, maps, variants = [], [], []
    for index, (rung, path) in enumerate(renditions):
        inputs += ["-i", str(path)]
        maps += ["-map", f"{index}:v:0"] + (["-map", f"{index}:a:0"] if has_audio else [])
        audio = f"a:{index}," if has_audio else ""
        variants.append(f"v:{index},{audio}name:{rung.height}p")
    ffmpeg.run(
        [
            *inputs,
            *maps,
            *("-c", "copy", "-f", "hls", "-hls_time", str(SEGMENT_SECONDS)),
            *("-hls_playlist_type", "vod", "-hls_segment_type", "fmp4"),
            *("-hls_flags", "single_file", "-master_pl_name", "master.m3u8"),
            *("-var_stream_map", " ".join(variants), str(folder / "%v.m3u8")),
        ]
    )
    return folder / "master.m3u8"


def audio_only(master, probe, out, on_progress=None):
    ffmpeg.run(
        [
            *("-i", str(master), "-map", "0:a:0", "-vn"),
            *aac(AUDIO_ONLY_KBITS, channels=1),
            *("-movflags", "+faststart", str(out)),
        ],
        probe.duration,
        on_progress,
    )


def poster_time(probe, chosen):
    """The editor's time, kept inside the video; by default a tenth of the way in (past the
    black of a fade-in)."""
    at = probe.duration / 10 if chosen is None else chosen
    return max(0.0, min(at, probe.duration - 0.1))


def poster_frame(master, probe, at, out):
    """One frame, at the master's full size: Wagtail makes the sizes pages and shares need."""
    ffmpeg.run(
        ["-ss", f"{poster_time(probe, at):.3f}", "-i", str(master), "-frames:v", "1"]
        + ["-q:v", "2", str(out)]
    )


class TooLongToForward(ffmpeg.Failed):
    pass


def clip_rung(probe, max_bytes):
    """The height and bit rates that keep a whole video within ``max_bytes``."""
    audio_kbits = 48
    budget_kbits = max_bytes * 8 * 0.92 / 1000 / probe.duration  # 8 % for the container
    video_kbits = min(int(budget_kbits - audio_kbits), LADDER[1].video_kbits)
    if video_kbits < 80:
        raise TooLongToForward(
            gettext("The video is too long for one file small enough to forward.")
        )
    height = LADDER[1].height if video_kbits >= 300 else LADDER[0].height
    return Rung(min(height, even(probe.short_side)), video_kbits, audio_kbits)


def subtitled_clip(master, probe, subtitles, out, max_bytes, on_progress=None):
    """The video with one language's subtitles drawn into the picture, since messaging apps
    show no subtitle tracks; within ``max_bytes`` (-fs stops it there whatever happens)."""
    rung = clip_rung(probe, max_bytes)
    # libass draws the text; fontconfig finds a font for each script (fonts-noto-core)
    drawn = f"subtitles=filename={subtitles}:charenc=UTF-8"
    size = encode_mp4(master, probe, rung, out, on_progress, drawn=drawn, max_bytes=max_bytes)
    return rung, size
