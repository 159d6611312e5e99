"""Stored files leave only through views that know what they are and who may have them, with
the content type validation established and headers that keep any file from running."""

import re
from pathlib import Path

import pytest

from django.core.files.base import ContentFile
from django.test import override_settings

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, CollectionViewRestriction

from campaign_site.media.models import CampaignMedia, SubtitleTrack
from stories.models import StoryPage

pytestmark = pytest.mark.django_db

HTML = b"<!doctype html><script>document.title='pwned'</script>"


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.org", "pw"))
    return client


def assert_hardened(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_a_live_storys_files_are_served_with_the_type_validation_found(client, story):
    video = story.video
    for url, content_type in [
        (video.url, "video/mp4"),
        (video.data_saver_file.url, "video/mp4"),
        *[(track.file.url, "text/vtt; charset=utf-8") for track in video.subtitle_tracks.all()],
        (video.poster.get_rendition("fill-1280x720|format-webp").url, "image/webp"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == content_type
        assert "public" in response["Cache-Control"]
        assert_hardened(response)


def test_a_file_stored_as_html_is_never_served_as_html(client, story):
    """Files stored before uploads were checked by content (an HTML page in the data-saver
    field) are served as the kind their record says, in a sandbox."""
    video = story.video
    video.data_saver_file.save("evil.html", ContentFile(HTML), save=False)
    CampaignMedia.objects.filter(pk=video.pk).update(data_saver_file=video.data_saver_file.name)
    response = client.get(video.data_saver_file.url)
    assert response["Content-Type"] == "video/mp4"
    assert_hardened(response)


def test_media_of_no_live_page_is_for_editors_only(client, admin_client, story):
    unused = CampaignMedia.objects.create(
        title="Raw footage", type="video", file=ContentFile(b"x" * 100, name="raw.mp4")
    )
    track = SubtitleTrack.objects.create(
        media=unused, language="fr", file=ContentFile(b"WEBVTT\n", name="raw.fr.vtt")
    )
    from django.test import Client

    anonymous = Client()
    assert anonymous.get(unused.url).status_code == 404
    assert anonymous.get(track.file.url).status_code == 404
    response = admin_client.get(unused.url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert_hardened(response)


def test_an_unpublished_storys_files_are_not_public(client):
    from training.models import ModuleVideo

    story = StoryPage.objects.filter(locale__language_code="en", video__isnull=False).exclude(
        video__in=ModuleVideo.objects.values("video")
    )[0]
    urls = [story.video.url, *[track.file.url for track in story.video.subtitle_tracks.all()]]
    assert all(client.get(url).status_code == 200 for url in urls)
    for page in StoryPage.objects.filter(translation_key=story.translation_key):
        page.unpublish()
    assert all(client.get(url).status_code == 404 for url in urls)


@pytest.mark.parametrize(
    "path",
    [
        "/media/media/nothing-here.mp4",
        "/media/../settings.py",
        "/media/packages/",
        "/media/original_images/",
        "/media/somewhere/else.html",
    ],
)
def test_unknown_paths_are_404(client, path):
    assert client.get(path).status_code in (400, 404)


def test_stored_packages_originals_and_documents_are_not_reachable_by_path(client, story):
    image = story.video.poster
    document = Document.objects.first()
    for path in [image.file.url, document.file.storage.url(document.file.name)]:
        assert client.get(path).status_code == 404, path
    assert client.get(document.url).status_code == 200  # through Wagtail's document view


def test_private_documents_are_unreachable_by_any_url(client, admin_client):
    private = Collection.get_first_root_node().add_child(name="Country office only")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document.objects.create(
        title="Staff list",
        collection=private,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="staff-list.pdf"),
    )
    from django.test import Client

    anonymous = Client()
    viewed = anonymous.get(document.url)
    assert viewed.status_code == 302 and "/login" in viewed["Location"]
    assert anonymous.get(document.file.storage.url(document.file.name)).status_code == 404
    assert anonymous.get(f"/media/{document.file.name}").status_code == 404
    api = anonymous.get("/api/v2/documents/").json()
    assert "Staff list" not in str(api)
    response = admin_client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert_hardened(response)


def test_documents_download_unless_pdf(client):
    document = Document.objects.create(
        title="Notes", file=ContentFile(b"<script>alert(1)</script>", name="notes.txt")
    )
    response = client.get(document.url)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"].startswith("text/plain")
    assert_hardened(response)


class TestConditionalAndRange:
    def test_if_none_match_gives_304(self, client, story):
        first = client.get(story.video.url)
        again = client.get(story.video.url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304

    def test_if_range_with_a_stale_validator_sends_the_whole_file(self, client, story):
        response = client.get(story.video.url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"stale"')
        assert response.status_code == 200
        current = client.get(story.video.url)["ETag"]
        partial = client.get(story.video.url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE=current)
        assert partial.status_code == 206

    @pytest.mark.parametrize(
        "header",
        [
            "bytes=99999999999999999999999999999-",
            "bytes=-0",
            "bytes=5-1",
            "bytes=\u0663-",  # an Arabic-Indic digit
            "bytes=0-1,5-9",
            "lines=1-2",
            "bytes=--5",
        ],
    )
    def test_absurd_ranges_are_never_a_server_error(self, client, story, header):
        response = client.get(story.video.url, HTTP_RANGE=header)
        assert response.status_code in (200, 206, 416)


@override_settings(STORED_FILES_ACCEL_REDIRECT="/protected-media/")
def test_behind_nginx_the_web_server_sends_the_bytes(client, story):
    response = client.get(story.video.url)
    assert response["X-Accel-Redirect"] == f"/protected-media/{story.video.file.name}"
    assert response["Content-Type"] == "video/mp4"
    assert response.content == b""
    assert_hardened(response)


def test_on_object_storage_the_view_redirects_to_a_short_lived_signed_url(story):
    from campaign_site.media.storage import PrivateS3Storage

    storage = PrivateS3Storage(
        bucket_name="campaign",
        endpoint_url="http://127.0.0.1:9",
        access_key="key",
        secret_key="secret",
        region_name="us-east-1",
        querystring_expire=300,
        signature_version="s3v4",
    )
    assert storage.url("media/clip.mp4") == "/media/media/clip.mp4"
    signed = storage.signed_url("media/clip.mp4", "video/mp4")
    assert "X-Amz-Signature=" in signed and "X-Amz-Expires=300" in signed
    assert "response-content-type=video%2Fmp4" in signed


def test_svg_is_not_an_image_format(settings):
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


def test_every_stored_file_url_in_a_page_goes_through_the_view(client, story):
    """No page links into storage outside the views that check it."""
    page = client.get(story.url).content.decode()
    media_root = Path(str(story.video.file.path)).parent.parent
    assert str(media_root) not in page
    for image in Image.objects.all()[:3]:
        assert image.file.url not in page  # originals are never linked


def test_the_admin_loads_nothing_from_third_parties(admin_client):
    page = admin_client.get("/admin/").content.decode()
    assert "gravatar" not in page.lower()
    loaded = re.findall(r'src="((?:https?:)?//[^/"]+)', page)  # links to Wagtail's guide are fine
    loaded += re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="((?:https?:)?//[^/"]+)', page)
    assert set(loaded) <= {"http://testserver"}, loaded


def test_subtitles_of_a_deleted_video_are_gone(client):
    media = CampaignMedia.objects.create(
        title="Old cut", type="video", file=ContentFile(b"x" * 100, name="old-cut.mp4")
    )
    track = SubtitleTrack.objects.create(
        media=media, language="fr", file=ContentFile(b"WEBVTT\n", name="old-cut.fr.vtt")
    )
    url, path = track.file.url, Path(track.file.path)
    media.delete()
    assert path.exists()  # the file may stay on disk ...
    assert client.get(url).status_code == 404  # ... but nothing serves it


def test_a_range_header_of_thousands_of_digits_is_ignored(client, story):
    """Not a 500: such a range cannot be in any file, so the whole file is sent."""
    response = client.get(story.video.url, HTTP_RANGE="bytes=" + "9" * 5000 + "-")
    assert response.status_code == 200
    assert response["Content-Length"] == str(story.video.file.size)
