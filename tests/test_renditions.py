"""One upload, every viewer: from a master the task worker makes the MP4 ladder, the HLS
playlists over it, an audio-only version, a poster frame and a forwardable clip per subtitled
language, with real ffmpeg on generated clips; all of it leaves only through the stored-file
view, and consent, replacement and deletion reach every file."""

import io
import json
import os
import shutil
import subprocess
import urllib.parse

import m3u8
import pytest
from bs4 import BeautifulSoup
from PIL import Image as PillowImage
from PIL import ImageChops, ImageStat

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from campaign_site.media import tasks
from campaign_site.media.models import CampaignMedia, SubtitleTrack
from stories.models import ConsentRecord

from .conftest import html


def html_of(text):
    return BeautifulSoup(text, "html.parser")


pytestmark = pytest.mark.django_db

if shutil.which("ffmpeg") is None and os.environ.get("CI") != "true":
    pytest.skip(
        "ffmpeg is not installed (CI installs it and fails without)", allow_module_level=True
    )

VTT = "WEBVTT\n\n00:00:00.500 --> 00:00:02.500\nNous pêchons de nouveau.\n"


def master(tmp_path, size="1280x720", seconds=3, name="master.mp4", audio=True, extra=()):
    """A generated clip: a moving test picture and a tone."""
    path = tmp_path / name
    sound = ["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}"] if audio else []
    subprocess.run(
        [
            *("ffmpeg", "-loglevel", "error", "-y"),
            *("-f", "lavfi", "-i", f"testsrc2=size={size}:rate=25:duration={seconds}"),
            *sound,
            *("-pix_fmt", "yuv420p", *extra, "-shortest", str(path)),
        ],
        check=True,
    )
    return path


def probe(data_or_path):
    """ffprobe's streams and format of a file or of bytes."""
    source = str(data_or_path) if not isinstance(data_or_path, bytes) else "pipe:0"
    result = subprocess.run(
        [
            *("ffprobe", "-v", "error", "-print_format", "json"),
            *("-show_streams", "-show_format", source),
        ],
        input=data_or_path if isinstance(data_or_path, bytes) else None,
        capture_output=True,
        check=True,
    )
    return json.loads(result.stdout)


def top_level_atoms(data):
    atoms, offset = [], 0
    while offset + 8 <= len(data):
        size = int.from_bytes(data[offset : offset + 4], "big")
        atoms.append(data[offset + 4 : offset + 8].decode("latin-1"))
        if size < 8:
            break
        offset += size
    return atoms


def upload(video, path):
    """A new master, as the admin form saves it (checks by content, then the save)."""
    with path.open("rb") as handle:
        video.file = File(handle, name=path.name)
        video.full_clean()
        video.save()
    video.refresh_from_db()
    return video


def encode(video):
    tasks.make_renditions.call(video.pk, video.renditions_version)
    video.refresh_from_db()
    return video


def get(client, url, **headers):
    response = client.get(url, **headers)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


@pytest.fixture
def encoded(story, tmp_path):
    """The Senegal story's video, given a 1280x720 master and encoded."""
    video = upload(story.video, master(tmp_path))
    assert video.renditions_state == CampaignMedia.Renditions.QUEUED
    return encode(video)


def test_one_master_makes_the_whole_ladder_served_with_ranges(client, encoded):
    video = encoded
    assert video.renditions_state == "ready" and video.renditions_progress == 100
    # read by ffprobe, never typed
    assert (video.width, video.height, video.video_codec, video.audio_codec) == (
        1280,
        720,
        "h264",
        "aac",
    )
    assert [rendition.height for rendition in video.ladder_renditions] == [240, 360, 720]
    for rendition in video.ladder_renditions:
        response, body = get(client, rendition.file.url)
        assert response.status_code == 200 and response["Content-Type"] == "video/mp4"
        assert "immutable" in response["Cache-Control"]
        facts = probe(body)
        picture, sound = facts["streams"]
        assert (picture["codec_name"], picture["height"]) == ("h264", rendition.height)
        assert picture["width"] == rendition.width and sound["codec_name"] == "aac"
        atoms = top_level_atoms(body)
        assert atoms.index("moov") < atoms.index("mdat"), atoms  # faststart
        assert rendition.file_size == len(body)

    playlist_url = default_storage.url(video.hls_playlist)
    response, body = get(client, playlist_url)
    assert response["Content-Type"] == "application/vnd.apple.mpegurl"
    ladder = m3u8.loads(body.decode(), uri=playlist_url)
    assert ladder.is_variant
    heights = sorted(variant.stream_info.resolution[1] for variant in ladder.playlists)
    assert heights == [240, 360, 720]
    for variant in ladder.playlists:
        response, body = get(client, variant.absolute_uri)
        assert response.status_code == 200
        media_playlist = m3u8.loads(body.decode(), uri=variant.absolute_uri)
        assert media_playlist.is_endlist and len(media_playlist.segments) >= 1
        for segment in media_playlist.segments:
            length, start = (int(part) for part in segment.byterange.split("@"))
            whole, _ = get(client, segment.absolute_uri)
            assert whole.status_code == 200
            part, part_body = get(
                client,
                segment.absolute_uri,
                HTTP_RANGE=f"bytes={start}-{start + length - 1}",
            )
            assert part.status_code == 206 and len(part_body) == length
            assert part_body[4:8] in (b"moof", b"styp", b"sidx")  # a fragment begins there

    response, body = get(client, video.audio_only_file.url)
    assert response["Content-Type"] == "audio/mp4"
    kinds = [stream["codec_type"] for stream in probe(body)["streams"]]
    assert kinds == ["audio"]

    # the frame a tenth of the way in is a real Wagtail image; the demo's chosen poster stays
    assert video.poster_frame is not None and video.poster_id != video.poster_frame_id
    frame = video.poster_frame
    assert (frame.width, frame.height) == (1280, 720)
    assert client.get(frame.get_rendition("fill-480x270|format-webp").url).status_code == 200


def test_without_a_chosen_poster_the_frame_is_the_poster_and_follows_its_time(
    story, tmp_path, django_capture_on_commit_callbacks
):
    video = story.video
    video.poster = None
    video = encode(upload(video, master(tmp_path)))
    assert video.poster_id == video.poster_frame_id
    first_frame = video.poster_frame_id
    video.poster_time = 2.5
    with django_capture_on_commit_callbacks(execute=True):
        video.save()
    queued = tasks.make_poster_frame.get_backend().results[-1]
    assert queued.task.func is tasks.make_poster_frame.func
    tasks.make_poster_frame.call(*queued.args)
    video.refresh_from_db()
    assert video.poster_id == video.poster_frame_id != first_frame
    assert not type(video.poster).objects.filter(pk=first_frame).exists()


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ("853x479", [(426, 240), (640, 360)]),  # odd sides, never upscaled past 479
        ("720x1280", [(240, 426), (360, 640), (720, 1280)]),  # portrait: the short side
        ("320x180", [(320, 180)]),  # smaller than the lowest rung: its own size
    ],
)
def test_odd_portrait_and_small_masters_get_even_sides_and_no_upscaling(
    story, tmp_path, size, expected
):
    video = encode(upload(story.video, master(tmp_path, size=size, seconds=2)))
    assert video.renditions_state == "ready", video.renditions_error
    made = [(rendition.width, rendition.pixel_height) for rendition in video.ladder_renditions]
    assert made == expected
    for rendition in video.ladder_renditions:
        picture = probe(default_storage.path(rendition.file.name))["streams"][0]
        assert (picture["width"], picture["height"]) == (rendition.width, rendition.pixel_height)


def test_mov_and_webm_masters_are_read_by_content_and_encoded(story, tmp_path):
    for name, extra in [
        ("interview.mov", ()),
        ("interview.webm", ("-c:v", "libvpx-vp9", "-deadline", "realtime", "-c:a", "libopus")),
    ]:
        path = master(tmp_path, size="640x360", seconds=2, name=name, extra=extra)
        video = encode(upload(story.video, path))
        extension = name.rsplit(".", 1)[1]
        assert video.mime_type == {"mov": "video/quicktime", "webm": "video/webm"}[extension]
        assert video.file.name.endswith(f".{extension}")
        assert video.renditions_state == "ready", video.renditions_error
        assert [rendition.height for rendition in video.ladder_renditions] == [240, 360]


def test_a_video_without_sound_gets_no_audio_version(story, tmp_path):
    video = encode(upload(story.video, master(tmp_path, size="640x360", seconds=2, audio=False)))
    assert video.renditions_state == "ready", video.renditions_error
    assert not video.audio_only_file and video.audio_codec == ""
    assert len(video.ladder_renditions) == 2


def test_the_clip_to_forward_has_the_subtitles_in_its_picture(client, encoded, story):
    video = encoded
    track = SubtitleTrack(media=video, language="wo", kind="subtitles")
    track.file = ContentFile(VTT.encode(), name="wolof.vtt")
    track.full_clean()
    track.save()
    tasks.make_forward_clips.call(video.pk)
    clip = video.renditions.clips().get(language="wo")
    response, body = get(client, clip.file.url)
    assert response.status_code == 200 and len(body) == clip.file_size
    assert clip.file_size <= settings.FORWARD_CLIP_MAX_BYTES
    streams = probe(body)["streams"]
    assert [stream["codec_type"] for stream in streams] == ["video", "audio"]

    def frame_at(source, seconds):
        picture = subprocess.run(
            [
                *("ffmpeg", "-loglevel", "error", "-ss", str(seconds), "-i", str(source)),
                *("-frames:v", "1", "-f", "image2pipe", "-c:v", "png", "-"),
            ],
            capture_output=True,
            check=True,
        ).stdout
        return PillowImage.open(io.BytesIO(picture)).convert("L")

    clip_path = default_storage.path(clip.file.name)
    plain_path = default_storage.path(video.renditions.ladder().get(height=360).file.name)
    during, plain = frame_at(clip_path, 1.5), frame_at(plain_path, 1.5)
    after, plain_after = frame_at(clip_path, 2.8), frame_at(plain_path, 2.8)
    # the bottom third differs while the cue is spoken, much more than encoding noise after it
    bottom = (0, plain.height * 2 // 3, plain.width, plain.height)
    spoken = ImageStat.Stat(ImageChops.difference(during, plain).crop(bottom)).mean[0]
    silent = ImageStat.Stat(ImageChops.difference(after, plain_after).crop(bottom)).mean[0]
    assert spoken > 3 * silent + 1, (spoken, silent)

    # a changed track makes a new clip and the old one goes
    old_name = clip.file.name
    track.file = ContentFile(VTT.replace("pêchons", "vivons").encode(), name="wolof.vtt")
    track.full_clean()
    track.save()
    tasks.make_forward_clips.call(video.pk)
    assert video.renditions.clips().get(language="wo").file.name != old_name
    assert not default_storage.exists(old_name)
    # the story page in the track's language offers it
    assert client.get(story.url).status_code == 200


def made_urls(video):
    urls = [rendition.file.url for rendition in video.ladder_renditions]
    urls += [clip.file.url for clip in video.forward_clips]
    playlist = default_storage.url(video.hls_playlist)
    ladder = m3u8.loads(get(Client(), playlist)[1].decode(), uri=playlist)
    urls += [playlist, *[variant.absolute_uri for variant in ladder.playlists]]
    urls += [
        urllib.parse.urljoin(playlist, f"{rendition.height}p.m4s")
        for rendition in video.ladder_renditions
    ]
    urls.append(video.audio_only_file.url)
    urls.append(video.poster_frame.get_rendition("fill-480x270|format-webp").url)
    return urls


def test_withdrawn_consent_takes_every_made_file_offline(client, encoded, story, django_user_model):
    video = encoded
    public = Client()
    urls = made_urls(video)
    assert all(public.get(url).status_code in (200,) for url in urls)
    ConsentRecord.objects.filter(story=story).update(withdrawn_on="2026-01-01")
    for url in urls:
        assert public.get(url).status_code == 404, url


def test_a_replaced_master_deletes_the_old_renditions(client, encoded, tmp_path):
    video = encoded
    old = [rendition.file.name for rendition in video.ladder_renditions] + [video.hls_playlist]
    old_urls = made_urls(video)
    video = upload(video, master(tmp_path, size="640x360", seconds=2, name="new.mp4"))
    # until the new renditions are ready, the page plays the new master, not the old ladder
    assert video.renditions_state == "queued" and not video.renditions.exists()
    assert all(client.get(url).status_code == 404 for url in old_urls[:-1])
    video = encode(video)
    assert [rendition.height for rendition in video.ladder_renditions] == [240, 360]
    assert not any(default_storage.exists(name) for name in old)


def test_deleting_the_video_deletes_every_file_made_from_it(
    tmp_path, django_capture_on_commit_callbacks
):
    video = encode(upload(CampaignMedia(title="Outtake", type="video"), master(tmp_path)))
    names = [rendition.file.name for rendition in video.ladder_renditions]
    names += [video.hls_playlist, video.audio_only_file.name]
    frame = video.poster_frame
    with django_capture_on_commit_callbacks(execute=True):
        video.delete()
    assert not any(default_storage.exists(name) for name in names)
    assert not type(frame).objects.filter(pk=frame.pk).exists()


def test_a_damaged_master_fails_with_a_reason_and_the_story_keeps_playing(
    client, django_user_model, story, tmp_path
):
    video = upload(story.video, master(tmp_path, size="640x360", seconds=2))
    # the stored master damaged after its upload checks (a disk fault, a bad copy)
    with default_storage.open(video.file.name, "rb") as handle:
        data = bytearray(handle.read())
    data[32 : len(data) - 32] = b"\x00" * (len(data) - 64)
    with open(default_storage.path(video.file.name), "wb") as handle:
        handle.write(data)
    video = encode(video)
    assert video.renditions_state == "failed"
    assert video.renditions_error
    page = client.get(story.url)
    assert page.status_code == 200
    assert f'src="{video.url}"' in page.content.decode()  # the master, as before
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.org", "pw"))
    edit = client.get(reverse("wagtailmedia:edit", args=[video.pk]))
    assert edit.status_code == 200
    assert video.renditions_error in html(edit).get_text()


def test_without_ffmpeg_the_admin_says_so_and_the_master_plays(
    client, story, tmp_path, monkeypatch
):
    video = upload(story.video, master(tmp_path, size="640x360", seconds=2))
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    video = encode(video)
    assert video.renditions_state == "failed"
    assert "ffmpeg is not installed" in video.renditions_error
    assert client.get(story.url).status_code == 200


def test_the_page_offers_360p_first_and_240p_to_those_saving_data(client, encoded, story):
    video = encoded
    page = html(client.get(story.url))
    player = page.select_one("[data-player]")
    sources = [source["src"] for source in player.select("video source")]
    assert sources == [video.renditions.ladder().get(height=360).file.url, video.url]
    assert player["data-hls"] == default_storage.url(video.hls_playlist)
    assert [option["value"] for option in player.select("[data-quality] option")] == [
        "auto",
        "240",
        "360",
        "720",
    ]
    links = {link.get_text(" ", strip=True): link["href"] for link in player.select("a[download]")}
    clip = video.renditions.clips().get(language="en")
    assert any(
        text.startswith("Save for WhatsApp") and href == clip.file.url
        for text, href in links.items()
    )
    assert video.audio_only_file.url in links.values()
    # the demo's own data-saver file overrides the ladder for those saving data
    saving = html(client.get(story.url, HTTP_SAVE_DATA="on")).select_one("[data-player]")
    assert saving.select("video source")[0]["src"] == video.data_saver_file.url
    video.data_saver_file = ""
    video.save()
    saving = html(client.get(story.url, HTTP_SAVE_DATA="on")).select_one("[data-player]")
    assert (
        saving.select("video source")[0]["src"]
        == video.renditions.ladder().get(height=240).file.url
    )
    assert saving.has_attr("data-save-data")


def test_the_media_listing_and_chooser_show_each_videos_state(client, django_user_model, encoded):
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.org", "pw"))
    # first in the listing's title order, whatever else the library holds
    CampaignMedia.objects.filter(pk=encoded.pk).update(title="0 · Fishing again")
    encoded.refresh_from_db()
    listing = html(client.get(reverse("wagtailmedia:index") + "?ordering=title"))
    row = next(row for row in listing.select("tbody tr") if encoded.title in row.get_text())
    assert "Renditions ready" in row.get_text()
    # the chooser lists the latest uploads first
    CampaignMedia.objects.filter(pk=encoded.pk).update(
        renditions_state="encoding", renditions_progress=40, created_at=timezone.now()
    )
    chooser = html_of(json.loads(client.get(reverse("wagtailmedia:chooser")).content)["html"])
    row = next(row for row in chooser.select("tbody tr") if "Fishing again" in row.get_text())
    assert "Encoding renditions: 40 %" in row.get_text()
