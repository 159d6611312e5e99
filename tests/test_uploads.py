"""A corpus of hostile and broken uploads, each sent through the admin form an editor would use:
each is refused with its message, the page answers (never a 500), and nothing is stored."""

import io
import re
import struct
import zipfile
from pathlib import Path

import pytest
from PIL import Image as PILImage

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from wagtail.documents.models import Document
from wagtail.images.models import Image

from campaign_site.media.models import CampaignMedia, SubtitleTrack

from .conftest import DEMO_FILES

pytestmark = pytest.mark.django_db

DEMO = DEMO_FILES / "stories"
VIDEO = (DEMO / "story-cm.mp4").read_bytes()
AUDIO = DEMO_FILES / "podcasts" / "episode-1-en.mp3"
HTML = b"<!DOCTYPE html><html><body><script>fetch('/admin/users/add/')</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
RLO = "\u202e"


def jpeg():
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 64), "teal").save(buffer, "JPEG")
    return buffer.getvalue()


def zip_of(members):
    """The same bytes whenever it is built: the archive's entries are dated, not stamped with
    the current second (pytest-xdist workers that collected different bytes in a parameter
    would refuse to run at all)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            entry = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            archive.writestr(entry, data, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def huge_box_mp4():
    """A real MP4's header followed by a box that declares 2**62 bytes."""
    return VIDEO[:32] + struct.pack(">I", 1) + b"moov" + struct.pack(">Q", 2**62) + bytes(64)


def audio_only_mp4():
    """An MP4 whose only track is sound: the demo video's header with its video handler
    renamed, as an audio-only export would be."""
    return VIDEO.replace(b"vide", b"soun")


MEDIA_ADD = "/admin/media/{kind}/add/"
CORPUS = [
    # (id, where, file name, content, part of the message)
    ("html-as-mp4", "video", "story.mp4", HTML, "not a playable MP4"),
    ("text-as-mp4", "video", "story.mp4", b"just some text", "not a playable MP4"),
    ("truncated-mp4", "video", "story.mp4", VIDEO[: len(VIDEO) // 2], "not a playable MP4"),
    ("huge-box-mp4", "video", "story.mp4", huge_box_mp4(), "not a playable MP4"),
    ("audio-only-as-video", "video", "story.mp4", audio_only_mp4(), "no video track"),
    ("rlo-name-video", "video", f"clip{RLO}4pm.html", HTML, "not a playable MP4"),
    ("html-as-mp3", "audio", "episode.mp3", HTML, "not a playable MP4 or MP3"),
    ("video-as-audio", "audio", "episode.m4a", VIDEO, "contains video"),
    ("html-data-saver", "data_saver", "evil.html", HTML, "not a playable MP4"),
    ("html-as-jpeg", "image", "photo.jpg", HTML, "Not a valid .jpeg image"),
    ("svg-with-script", "image", "logo.svg", SVG, "Not a supported image format"),
    ("svg-as-png", "image", "logo.png", SVG, "Not a valid .png image"),
    ("polyglot-jpeg-html", "image", "photo.jpg", jpeg() + HTML, "web page code"),
    ("rlo-name-image", "image", f"photo{RLO}gpj.html", HTML, "Not a supported image format"),
    ("html-as-pdf", "document", "guide.pdf", HTML, "not a valid PDF document"),
    ("exe-as-pdf", "document", "guide.pdf", b"MZ\x90\x00" + bytes(200), "not a valid PDF"),
    ("html-as-txt", "document", "notes.txt", HTML, "web page code"),
    ("js-file", "document", "player.js", b"alert(1)", "not a valid JS document"),
    (
        "zip-bomb-docx",
        "document",
        "handout.docx",
        zip_of({"[Content_Types].xml": "<Types/>", "word/document.xml": bytes(50_000_000)}),
        "not a valid DOCX document",
    ),
    ("plain-zip-as-docx", "document", "handout.docx", zip_of({"a.txt": "hi"}), "not a valid DOCX"),
    (
        "path-trick-name",
        "document",
        "../../campaign_site/settings/evil.pdf",
        HTML,
        "not a valid PDF",
    ),
    ("rlo-name-document", "document", f"report{RLO}fdp.exe", b"MZ", "not a valid EXE document"),
    ("html-as-vtt", "subtitles", "track.vtt", HTML, "WebVTT"),
    ("binary-as-srt", "subtitles", "track.srt", bytes(range(256)), "WebVTT"),
]


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.org", "pw"))
    return client


def stored_files():
    """Uploaded files (renditions are derived, made when any page is first shown)."""
    root = Path(settings.MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file() and path.parent.name != "images"}


def counts():
    return [model.objects.count() for model in (CampaignMedia, Image, Document, SubtitleTrack)]


def post(client, where, name, content):
    upload = SimpleUploadedFile(name, content)
    if where in ("video", "audio"):
        return client.post(
            MEDIA_ADD.format(kind=where), {"title": "Upload", "file": upload, "collection": 1}
        )
    if where == "data_saver":
        return client.post(
            MEDIA_ADD.format(kind="video"),
            {
                "title": "Upload",
                "file": SimpleUploadedFile("clip.mp4", VIDEO),
                "data_saver_file": upload,
                "collection": 1,
            },
        )
    if where == "image":
        return client.post(
            "/admin/images/add/", {"title": "Upload", "file": upload, "collection": 1}
        )
    if where == "document":
        return client.post(
            "/admin/documents/add/", {"title": "Upload", "file": upload, "collection": 1}
        )
    media = CampaignMedia.objects.filter(type="video").first()
    return client.post(
        "/admin/snippets/core/subtitletrack/add/",
        {"media": media.pk, "language": "fr", "kind": "subtitles", "file": upload},
    )


def test_the_corpus_is_large_enough():
    assert len(CORPUS) >= 20


@pytest.mark.parametrize(
    ("where", "name", "content", "message"),
    [case[1:] for case in CORPUS],
    ids=[case[0] for case in CORPUS],
)
def test_a_bad_upload_is_refused_with_its_message_and_nothing_is_stored(
    admin_client, where, name, content, message
):
    files_before, counts_before = stored_files(), counts()
    response = post(admin_client, where, name, content)
    assert response.status_code == 200, response.status_code
    assert message in response.content.decode()
    assert counts() == counts_before
    assert stored_files() == files_before


@override_settings(CAMPAIGN_UPLOAD_LIMITS={**settings.CAMPAIGN_UPLOAD_LIMITS, "document": 1000})
def test_an_oversized_document_is_refused_with_the_limit(admin_client):
    response = post(admin_client, "document", "guide.pdf", b"%PDF-1.4\n" + bytes(5000))
    assert "the limit is 1000" in response.content.decode()


def test_a_name_with_a_right_to_left_override_is_stored_clean(admin_client):
    response = post(admin_client, "video", f"clip{RLO}4pm.exe.mp4", VIDEO)
    assert response.status_code == 302
    assert re.fullmatch(
        r"media/clip4pmexe(_\w+)?\.mp4", CampaignMedia.objects.latest("pk").file.name
    )


def test_a_real_video_named_html_is_stored_and_served_as_mp4(admin_client, client):
    """The content decides, not the name: a real MP4 arriving as evil.html is kept as .mp4."""
    media = CampaignMedia(
        title="Renamed",
        type="video",
        file=SimpleUploadedFile("clip.mp4", (DEMO / "story-sn.mp4").read_bytes()),
        data_saver_file=SimpleUploadedFile(
            "evil.html", (DEMO / "story-sn-datasaver.mp4").read_bytes()
        ),
    )
    media.full_clean()
    media.save()
    assert re.fullmatch(r"media/evil(_\w+)?\.mp4", media.data_saver_file.name)
    response = admin_client.get(media.data_saver_file.url)
    assert response["Content-Type"] == "video/mp4"


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("guide.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "application/pdf"),
        ("notes.txt", "Notes de séance, ملاحظات\n".encode(), "text/plain"),
        (
            "handout.docx",
            zip_of({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "sheet.ods",
            zip_of(
                {
                    "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
                    "content.xml": "<x/>",
                }
            ),
            "application/vnd.oasis.opendocument.spreadsheet",
        ),
    ],
    ids=["pdf", "txt", "docx", "ods"],
)
def test_good_documents_are_accepted_and_served_as_what_they_are(
    admin_client, name, content, content_type
):
    response = post(admin_client, "document", name, content)
    assert response.status_code == 302, response.content.decode()[:2000]
    document = Document.objects.latest("pk")
    served = admin_client.get(document.url)
    assert served["Content-Type"].startswith(content_type)
    inline = content_type == "application/pdf"
    assert served["Content-Disposition"].startswith("inline" if inline else "attachment")


def test_real_audio_is_accepted(admin_client):
    response = post(admin_client, "audio", "episode.mp3", AUDIO.read_bytes())
    assert response.status_code == 302
    assert CampaignMedia.objects.latest("pk").mime_type == "audio/mpeg"


def test_the_refusal_is_in_the_editors_language(admin_client, django_user_model):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(django_user_model.objects.get(username="root"))
    profile.preferred_language = "fr"
    profile.save()
    response = post(admin_client, "image", "photo.jpg", jpeg() + HTML)
    assert "Ce fichier contient aussi du code de page web" in response.content.decode()
