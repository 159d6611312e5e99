"""The renditions pipeline, run by the task worker on its own queue ("media": encodes never
hold up packages, indexing or purges; how many run at once is how many media workers run).

From the master a video gets: the MP4 ladder, the HLS playlists over it, an audio-only
version, a poster frame (a Wagtail image), its dimensions and codecs, and one forwardable clip
per subtitled language. A failed or unfinished run changes nothing the public sees: the page
plays the master until the renditions are ready.
"""

import contextlib
import logging
import shutil
import tempfile
import time
from pathlib import Path, PurePosixPath

from django_tasks import task

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext

from wagtail.images import get_image_model

from campaign_site.media import ffmpeg, renditions
from campaign_site.media.models import CampaignMedia, VideoRendition
from campaign_site.media.player import PREFERRED_KINDS

logger = logging.getLogger(__name__)
Renditions = CampaignMedia.Renditions


@contextlib.contextmanager
def on_disk(name):
    """A stored file as a path ffmpeg can read: the file itself on local storage, a copy
    streamed to a temporary file from an object store."""
    try:
        path = default_storage.path(name)
    except NotImplementedError:
        path = None
    if path:
        yield Path(path)
        return
    with (
        default_storage.open(name) as source,
        tempfile.NamedTemporaryFile(suffix=PurePosixPath(name).suffix) as copy,
    ):
        shutil.copyfileobj(source, copy, 1024 * 1024)
        copy.flush()
        yield Path(copy.name)


def store(path, name):
    """Keep a made file under exactly ``name`` (the playlists name their files), streamed."""
    if default_storage.exists(name):
        default_storage.delete(name)
    with path.open("rb") as handle:
        return default_storage.save(name, File(handle))


def delete_folder(folder, keep=None):
    """Delete the stored files under ``folder``, except the subfolder ``keep``."""
    with contextlib.suppress(FileNotFoundError, NotImplementedError):
        subfolders, files = default_storage.listdir(folder)
        for name in files:
            default_storage.delete(f"{folder}/{name}")
        for subfolder in subfolders:
            if subfolder != keep:
                delete_folder(f"{folder}/{subfolder}")


def mark(media_pk, state, share=0.0, error=""):
    """The run's state as the admin reads it (an update: no purge, no other receivers)."""
    CampaignMedia.objects.filter(pk=media_pk).update(
        renditions_state=state, renditions_progress=int(share * 100), renditions_error=error
    )


class Progress:
    """The share done, written to the video at most once a second."""

    def __init__(self, media, weights):
        self.media_pk, self.weights, self.done, self.written = media.pk, weights, 0.0, 0.0

    def write(self, state, share=0.0):
        mark(self.media_pk, state, share)

    def step(self, weight):
        """A callback for one step's own share (0..1), and the step counted when it is over."""
        start = self.done
        self.done += weight / sum(self.weights)

        def report(share):
            if time.monotonic() - self.written >= 1:
                self.written = time.monotonic()
                self.write(Renditions.ENCODING, start + share * (self.done - start))

        return report


def encode(media, master, work):
    """Every file of the ladder, in ``work``; what was made."""
    probe = ffmpeg.probe(master)
    if not probe.has_video:
        raise ffmpeg.Failed(gettext("The file holds no video."))
    rungs = renditions.rungs_for(probe)
    has_audio = bool(probe.audio_codec)
    progress = Progress(media, [rung.height for rung in rungs] + [60 if has_audio else 0, 20])
    progress.write(Renditions.ENCODING)
    made = {"probe": probe, "mp4": []}
    for rung in rungs:
        path = work / f"{rung.height}p.mp4"
        size = renditions.encode_mp4(master, probe, rung, path, progress.step(rung.height))
        made["mp4"].append((rung, size, path))
    if has_audio:
        made["audio"] = work / "audio.m4a"
        renditions.audio_only(master, probe, made["audio"], progress.step(60))
    progress.step(20)
    hls = work / "hls"
    hls.mkdir()
    renditions.package_hls([(rung, path) for rung, _size, path in made["mp4"]], hls, has_audio)
    made["hls"] = sorted(hls.iterdir())
    return made


def take_poster_frame(media, master, probe):
    """A Wagtail image of the frame at the video's poster time (its renditions are made as for
    any poster); the caller records it."""
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "frame.jpg"
        renditions.poster_frame(master, probe, media.poster_time, path)
        image = get_image_model()(
            title=f"{media.title} · poster frame"[:255], collection_id=media.collection_id
        )
        with path.open("rb") as handle:
            image.file.save(f"poster-frame-{media.pk}.jpg", File(handle))
    return image


def use_poster_frame(media, frame):
    """Record a new frame; it is the poster unless the editor chose another image."""
    previous = media.poster_frame
    if media.poster_id is None or media.poster_id == media.poster_frame_id:
        media.poster = frame
    media.poster_frame = frame
    return previous


@task(backend="media", queue_name="media")
def make_renditions(media_id, version):
    """Make a master's renditions; ``version`` is the master's (a newer upload wins)."""
    media = CampaignMedia.objects.filter(pk=media_id, renditions_version=version).first()
    if media is None or media.type != "video":
        return  # replaced or deleted since
    folder = media.renditions_folder
    try:
        with on_disk(media.file.name) as master, tempfile.TemporaryDirectory() as work:
            made = encode(media, master, Path(work))
            stored = {
                "mp4": [
                    (rung, size, store(path, f"{folder}/{path.name}"), path.stat().st_size)
                    for rung, size, path in made["mp4"]
                ],
                "hls": [store(path, f"{folder}/{path.name}") for path in made["hls"]],
                "audio": store(made["audio"], f"{folder}/audio.m4a") if "audio" in made else "",
            }
            poster = take_poster_frame(media, master, made["probe"])
            finished = finish(media, version, made["probe"], stored, poster)
            if finished:
                make_forward_clips_from(finished, master, made["probe"])
    except ffmpeg.Failed as failure:
        logger.warning("renditions of media %s failed: %s", media_id, failure.reason)
        mark(media_id, Renditions.FAILED, error=failure.reason)
        delete_folder(folder)


def finish(media, version, probe, stored, poster):
    """Record what was made, if the master is still the one encoded; the page purge follows
    the save (campaign_site.media.signals)."""
    with transaction.atomic():
        media = CampaignMedia.objects.select_for_update().filter(pk=media.pk).first()
        if media is None or media.renditions_version != version:
            poster.delete()
            return None
        media.renditions.all().delete()
        VideoRendition.objects.bulk_create(
            VideoRendition(
                media=media,
                height=rung.height,
                width=size[0],
                pixel_height=size[1],
                bitrate=rung.bits_per_second,
                file=name,
                file_size=file_size,
            )
            for rung, size, name, file_size in stored["mp4"]
        )
        media.width, media.height = probe.width, probe.height
        media.video_codec, media.audio_codec = probe.video_codec, probe.audio_codec
        media.hls_playlist = next(name for name in stored["hls"] if name.endswith("/master.m3u8"))
        media.audio_only_file = stored["audio"]
        media.audio_only_file_size = default_storage.size(stored["audio"]) if stored["audio"] else 0
        previous_frame = use_poster_frame(media, poster)
        media.renditions_state, media.renditions_progress = Renditions.READY, 100
        media.renditions_error = ""
        media.save()
    if previous_frame is not None:
        previous_frame.delete()
    # what an earlier master left (its renditions stayed until these were ready)
    delete_folder(f"renditions/{media.pk}", keep=version)
    return media


def clip_tracks(media):
    """The track drawn into each language's clip: subtitles before captions, as the player."""
    chosen = {}
    for kind in reversed(PREFERRED_KINDS):
        for track in media.subtitle_tracks.filter(kind=kind):
            chosen[track.language] = track
    return chosen


def make_forward_clips_from(media, master, probe):
    tracks = clip_tracks(media)
    media.renditions.clips().exclude(language__in=tracks).delete()
    existing = {clip.language: clip for clip in media.renditions.clips()}
    for language, track in tracks.items():
        clip = existing.get(language)
        if clip and clip.made_from == track.file.name:
            continue
        with on_disk(track.file.name) as subtitles, tempfile.TemporaryDirectory() as work:
            out = Path(work) / f"{language}.mp4"
            try:
                rung, size = renditions.subtitled_clip(
                    master, probe, subtitles, out, settings.FORWARD_CLIP_MAX_BYTES
                )
            except renditions.TooLongToForward:
                logger.info("media %s is too long for a forwardable clip", media.pk)
                return
            stamp = PurePosixPath(track.file.name).stem[-24:]
            name = store(out, f"{media.renditions_folder}/clip-{language}-{stamp}.mp4")
        if clip:
            default_storage.delete(clip.file.name)
        VideoRendition.objects.update_or_create(
            media=media,
            language=language,
            defaults={
                "height": rung.height,
                "width": size[0],
                "pixel_height": size[1],
                "bitrate": rung.bits_per_second,
                "file": name,
                "file_size": default_storage.size(name),
                "made_from": track.file.name,
            },
        )


@task(backend="media", queue_name="media")
def make_poster_frame(media_id, poster_time):
    """The editor moved the poster frame's time: a new frame, nothing else encoded again."""
    media = CampaignMedia.objects.filter(pk=media_id, poster_time=poster_time).first()
    if media is None or not media.renditions_ready:
        return  # changed again since, or the renditions run takes it
    try:
        with on_disk(media.file.name) as master:
            frame = take_poster_frame(media, master, ffmpeg.probe(master))
    except ffmpeg.Failed as failure:
        logger.warning("poster frame of media %s failed: %s", media_id, failure.reason)
        return
    with transaction.atomic():
        media = CampaignMedia.objects.select_for_update().get(pk=media_id)
        previous = use_poster_frame(media, frame)
        media.save(update_fields=["poster", "poster_frame"])
    if previous is not None:
        previous.delete()


@task(backend="media", queue_name="media")
def make_forward_clips(media_id):
    """A subtitle track was added, changed or deleted: the clips follow."""
    media = CampaignMedia.objects.filter(pk=media_id, type="video").first()
    if media is None or not media.renditions_ready:
        return  # the renditions run makes the clips when it is done
    try:
        with on_disk(media.file.name) as master:
            make_forward_clips_from(media, master, ffmpeg.probe(master))
    except ffmpeg.Failed as failure:
        logger.warning("clips of media %s failed: %s", media_id, failure.reason)
