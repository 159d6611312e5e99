"""Videos and subtitles: read from the file, refused with a clear message, nothing half-saved."""

import pytest

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from campaign_site.media.models import CampaignMedia, SubtitleTrack

from .conftest import DEMO_FILES

DEMO_MEDIA = DEMO_FILES / "stories"
VIDEO = (DEMO_MEDIA / "story-cm.mp4").read_bytes()

SRT = b"""1
00:00:00,500 --> 00:00:02,000
Hello <i>there</i>

2
00:00:02,500 --> 00:00:04,000
Second line
"""


@pytest.fixture
def video(db):
    media = CampaignMedia(
        title="Test video", type="video", file=SimpleUploadedFile("clip.mp4", VIDEO)
    )
    media.full_clean()
    media.save()
    return media


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin2", "a@example.org", "pw"))
    return client


def track(video, data, language="fr", kind="subtitles", name="track.vtt"):
    return SubtitleTrack(
        media=video, language=language, kind=kind, file=ContentFile(data, name=name)
    )


def errors_of(instance):
    with pytest.raises(ValidationError) as error:
        instance.full_clean()
    return error.value.message_dict


def test_duration_size_and_type_are_read_from_the_video(video):
    assert video.duration == pytest.approx(6.0, abs=0.1)
    assert video.file_size == len(VIDEO)
    assert video.mime_type == "video/mp4"


def test_a_file_that_is_not_a_video_is_refused_whatever_its_name(db):
    media = CampaignMedia(
        title="Fake", type="video", file=SimpleUploadedFile("clip.mp4", b"<html>not a video</html>")
    )
    assert "not a playable MP4, MOV or WebM video" in errors_of(media)["file"][0]


def test_an_audio_file_is_refused_as_a_video(db):
    audio = (DEMO_MEDIA / "story-cm.mp4").read_bytes()  # has audio; strip to audio-only below
    media = CampaignMedia(title="Audio", type="audio", file=SimpleUploadedFile("clip.m4a", audio))
    assert "contains video" in errors_of(media)["file"][0]


def test_an_oversized_video_is_refused(db, settings):
    settings.CAMPAIGN_UPLOAD_LIMITS = {**settings.CAMPAIGN_UPLOAD_LIMITS, "video": 1000}
    media = CampaignMedia(title="Big", type="video", file=SimpleUploadedFile("clip.mp4", VIDEO))
    assert errors_of(media)["file"] == [
        f"This file is {len(VIDEO) / 1024:.1f}\xa0KB; the limit is 1000\xa0bytes."
    ]


def test_a_data_saver_version_must_be_smaller(db):
    media = CampaignMedia(
        title="Saver",
        type="video",
        file=SimpleUploadedFile("small.mp4", (DEMO_MEDIA / "story-sn-datasaver.mp4").read_bytes()),
        data_saver_file=SimpleUploadedFile("big.mp4", (DEMO_MEDIA / "story-sn.mp4").read_bytes()),
    )
    assert errors_of(media)["data_saver_file"] == [
        "The data-saver version must be smaller than the main file."
    ]


def test_the_admin_upload_refuses_a_fake_video_and_saves_nothing(admin_client, db):
    before = CampaignMedia.objects.count()
    response = admin_client.post(
        "/admin/media/video/add/",
        {"title": "Fake", "file": SimpleUploadedFile("clip.mp4", b"just text"), "collection": 1},
    )
    assert response.status_code == 200
    assert "not a playable MP4, MOV or WebM video" in response.content.decode()
    assert CampaignMedia.objects.count() == before


def test_the_admin_upload_of_a_real_video_reads_its_duration(admin_client, db):
    response = admin_client.post(
        "/admin/media/video/add/",
        {"title": "Real", "file": SimpleUploadedFile("clip.mp4", VIDEO), "collection": 1},
    )
    assert response.status_code == 302
    assert CampaignMedia.objects.get(title="Real").duration == pytest.approx(6.0, abs=0.1)


def test_srt_is_converted_to_webvtt(video):
    subtitles = track(video, SRT, name="clip.srt")
    subtitles.full_clean()
    subtitles.save()
    stored = subtitles.file.read().decode()
    assert stored.startswith("WEBVTT")
    assert "00:00:00.500 --> 00:00:02.000" in stored
    assert subtitles.file.name.endswith(".fr.subtitles.vtt")
    assert subtitles.cues == [
        {"start": 0.5, "end": 2.0, "text": "Hello there"},
        {"start": 2.5, "end": 4.0, "text": "Second line"},
    ]


def test_webvtt_with_a_byte_order_mark_is_accepted(video):
    subtitles = track(video, b"\xef\xbb\xbfWEBVTT\n\n00:00:01.000 --> 00:00:02.000\nBonjour\n")
    subtitles.full_clean()
    assert subtitles.cues == [{"start": 1.0, "end": 2.0, "text": "Bonjour"}]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"this is not a subtitle file", "This is not a valid WebVTT or SRT file"),
        (b"\n\n  \n", "The file is empty."),
        (
            b"WEBVTT\n\n00:00:03.000 --> 00:00:01.000\nBackwards\n",
            "A subtitle ends before it starts: “Backwards”.",
        ),
        (b"", "The file is empty."),
        (b"WEBVTT\n\nno cues here\n", "This is not a valid WebVTT or SRT file"),
        (
            "1\n00:00:01,000 --> 00:00:02,000\nCaf\u00e9\n".encode("latin-1"),
            "This file is not UTF-8 text.",
        ),
        (
            b"WEBVTT\n\n00:00:01.000 --> 00:01:30.000\nToo long\n",
            "The subtitles run past the end of the video.",
        ),
    ],
    ids=["garbage", "blank", "backwards", "empty", "no-cues", "latin-1", "past-the-end"],
)
def test_invalid_subtitles_are_refused_with_a_clear_message(video, data, message):
    assert message in " ".join(errors_of(track(video, data))["file"])
    assert not SubtitleTrack.objects.filter(media=video).exists()


def test_an_unknown_language_is_refused(video):
    assert errors_of(track(video, SRT, language="xx"))["language"] == [
        "“xx” is not a known language code."
    ]


def test_a_language_beyond_the_sites_languages_is_accepted(video):
    wolof = track(video, SRT, language="wo")
    wolof.full_clean()
    assert wolof.label == "Wolof"


def test_a_duplicate_track_is_refused(video):
    first = track(video, SRT)
    first.full_clean()
    first.save()
    assert errors_of(track(video, SRT))["__all__"] == [
        "This video already has a track of this kind in this language."
    ]
    captions = track(video, SRT, kind="captions")
    captions.full_clean()  # another kind in the same language is fine


def test_an_oversized_subtitle_file_is_refused(video, settings):
    settings.CAMPAIGN_UPLOAD_LIMITS = {**settings.CAMPAIGN_UPLOAD_LIMITS, "subtitles": 10}
    assert "the limit is 10" in errors_of(track(video, SRT))["file"][0]


def test_the_refusal_is_translated(video):
    from django.utils import translation

    with translation.override("fr"):
        assert "UTF-8" in errors_of(track(video, "é".encode("latin-1")))["file"][0]
        assert errors_of(track(video, SRT, language="xx"))["language"][0].startswith("« xx »")


@pytest.mark.parametrize(
    ("model", "field", "media_type"),
    [("stories.StoryPage", "video", "video"), ("podcasts.EpisodePage", "audio", "audio")],
)
def test_editors_choose_media_with_wagtailmedias_chooser_of_one_type(
    client, django_user_model, model, field, media_type
):
    from django.apps import apps

    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    page = apps.get_model(model).objects.filter(locale__language_code="en").first()
    editor = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert f'<select name="{field}"' not in editor  # no list of every media item
    assert f'createMediaChooser("id_{field}")' in editor

    chooser = client.get(f"/admin/media/chooser/{media_type}/")
    assert chooser.status_code == 200
    listing = chooser.json()["html"]
    shown = [m for m in CampaignMedia.objects.all() if f"/admin/media/chooser/{m.pk}/" in listing]
    assert shown and {m.type for m in shown} == {media_type}  # filtered to its type
    assert f"/admin/media/{media_type}/chooser/upload/" in listing  # upload in place


@pytest.mark.django_db
def test_the_spoken_languages_track_is_captions_and_the_others_subtitles(client):
    from stories.models import StoryPage

    from .conftest import html

    def kinds(slug):
        story = StoryPage.objects.get(locale__language_code="en", slug=slug)
        page = html(client.get(story.url))
        return {track["srclang"]: track["kind"] for track in page.select("video track")}

    # Rahim speaks Bengali: the Bengali track is captions, the translations subtitles
    assert kinds("a-tailoring-shop-in-sylhet") == {
        "en": "subtitles",
        "ar": "subtitles",
        "bn": "captions",
        "es": "subtitles",
        "fr": "subtitles",
    }
    # Saint-Louis speaks Wolof, for which there is no track yet: every track is a translation
    assert set(kinds("fishing-again-in-saint-louis").values()) == {"subtitles"}

    media = StoryPage.objects.get(
        slug="coffee-and-a-second-start", locale__language_code="en"
    ).video
    descriptions = SubtitleTrack(media=media, language="en", kind="descriptions")
    assert (media.spoken_language, descriptions.html_kind) == ("am", "descriptions")
    media.spoken_language = " AM "
    media.full_clean()
    assert media.spoken_language == "am"
    media.spoken_language = "not-a-language"
    with pytest.raises(ValidationError) as refused:
        media.full_clean()
    assert refused.value.message_dict["spoken_language"] == [
        "“not-a-language” is not a known language code."
    ]


@pytest.mark.django_db
def test_a_videos_subtitles_are_managed_from_the_video_itself(admin_client):
    from campaign_site.languages import CAMPAIGN_LANGUAGES
    from stories.models import StoryPage

    from .conftest import html

    video = StoryPage.objects.get(
        locale__language_code="en", slug="a-tailoring-shop-in-sylhet"
    ).video
    page = html(admin_client.get(f"/admin/media/edit/{video.pk}/"))
    tracks = page.select(".subtitle-tracks a")
    assert len(tracks) == video.subtitle_tracks.count() == 6  # five languages, a description
    assert any(link.get_text().startswith("বাংলা (bn)") for link in tracks)
    add = page.select_one(f"a[href$='?media={video.pk}']")["href"]

    form = html(admin_client.get(add))
    assert form.select_one("input[name=media]")["value"] == str(video.pk)
    languages = [o["value"] for o in form.select("select[name=language] option") if o["value"]]
    assert languages == list(CAMPAIGN_LANGUAGES)
    refused = admin_client.post(
        add,
        {
            "media": video.pk,
            "language": "xx",
            "kind": "subtitles",
            "file": SimpleUploadedFile("x.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n"),
        },
    )
    assert refused.status_code == 200
    assert not video.subtitle_tracks.filter(language="xx").exists()


def test_an_audio_described_version_must_be_a_video(db):
    media = CampaignMedia(
        title="Described",
        type="video",
        file=SimpleUploadedFile("story.mp4", (DEMO_MEDIA / "story-bd.mp4").read_bytes()),
        audio_described_file=SimpleUploadedFile(
            "described.mp4", (DEMO_FILES / "podcasts" / "episode-1-en.mp3").read_bytes()
        ),
    )
    assert errors_of(media)["audio_described_file"] == ["This file has no video track."]
    media.audio_described_file = SimpleUploadedFile(
        "described.mp4", (DEMO_MEDIA / "story-bd-described.mp4").read_bytes()
    )
    media.full_clean()  # longer than the original, unlike a data-saver version: fine


def test_the_player_offers_the_audio_described_version_and_a_descriptions_track(client, db):
    from stories.models import StoryPage

    from .conftest import html

    story = StoryPage.objects.get(locale__language_code="en", slug="a-tailoring-shop-in-sylhet")
    page = html(client.get(story.url))
    described = story.video.audio_described_file.url
    video = page.select_one(".player video")
    assert video["data-described-src"] == described
    assert page.select_one(f".player-downloads a[href='{described}']").get_text() == (
        "Download the audio-described version"
    )
    button = page.select_one("[data-described]")
    assert button.has_attr("hidden") and button.get_text() == "Play with audio description"
    descriptions = video.select_one("track[kind='descriptions']")
    assert descriptions["srclang"] == "en" and not descriptions.has_attr("default")
    assert client.get(descriptions["src"]).content.startswith(b"WEBVTT")
    response = client.get(described)
    assert response.status_code == 200 and response["Content-Type"] == "video/mp4"

    # served as the video is: while a live page shows it (and its consent holds)
    other = CampaignMedia(
        title="Another story",
        type="video",
        file=SimpleUploadedFile("other.mp4", (DEMO_MEDIA / "story-cm.mp4").read_bytes()),
        audio_described_file=SimpleUploadedFile(
            "other-described.mp4", (DEMO_MEDIA / "story-bd-described.mp4").read_bytes()
        ),
    )
    other.full_clean()
    other.save()
    assert client.get(other.audio_described_file.url).status_code == 404
    story.video = other
    story.save_revision().publish()
    assert client.get(other.audio_described_file.url).status_code == 200


def test_the_generic_add_form_asks_for_audio_or_video_and_saves_nothing(admin_client, db):
    """wagtailmedia's /media/add/ names no kind: a file posted there gets a message, not a 500."""
    before = CampaignMedia.objects.count()
    response = admin_client.post(
        "/admin/media/media/add/",
        {"title": "Which?", "file": SimpleUploadedFile("clip.mp4", VIDEO), "collection": 1},
    )
    assert response.status_code == 200
    assert "Say whether this is audio or video" in response.content.decode()
    assert CampaignMedia.objects.count() == before
