"""What a country team may do in the admin, beside another country's team and the moderators:
upload into its own country's collection, never touch another country's files; subtitle tracks
are managed by moderators and editors."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from wagtail.images.models import Image
from wagtail.models import Collection, GroupCollectionPermission

from campaign_site.media.models import CampaignMedia

from .conftest import log_in_as
from .test_uploads import VIDEO, jpeg

SENEGAL, BANGLADESH = "Country team: Senegal", "Country team: Bangladesh"


@pytest.fixture
def collections(db):
    return {name: Collection.objects.get(name=name) for name in ("Senegal", "Bangladesh")}


def upload_image(client, collection):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Harbour at dawn",
            "file": SimpleUploadedFile("harbour.jpg", jpeg()),
            "collection": collection.pk,
        },
    )


def test_a_team_uploads_images_and_videos_into_its_own_countrys_collection(
    client, django_user_model, collections
):
    log_in_as(client, django_user_model, "awa", SENEGAL)
    assert upload_image(client, collections["Senegal"]).status_code == 302
    assert Image.objects.get(title="Harbour at dawn").collection == collections["Senegal"]

    response = client.post(
        "/admin/media/video/add/",
        {
            "title": "Harbour interview",
            "file": SimpleUploadedFile("interview.mp4", VIDEO),
            "collection": collections["Senegal"].pk,
        },
    )
    assert response.status_code == 302
    assert (
        CampaignMedia.objects.get(title="Harbour interview").collection == (collections["Senegal"])
    )


def test_a_team_cannot_upload_into_or_edit_another_countrys_collection(
    client, django_user_model, collections
):
    senegal_image = Image.objects.create(
        title="Saint-Louis",
        file=SimpleUploadedFile("sl.jpg", jpeg()),
        collection=collections["Senegal"],
    )
    log_in_as(client, django_user_model, "rahim", BANGLADESH)

    upload_image(client, collections["Senegal"])  # the form offers only its own collection
    assert not Image.objects.filter(title="Harbour at dawn", collection=collections["Senegal"])
    assert client.get(f"/admin/images/{senegal_image.pk}/").status_code in (302, 403)

    log_in_as(client, django_user_model, "awa", SENEGAL)
    assert client.get(f"/admin/images/{senegal_image.pk}/").status_code == 200


@pytest.mark.parametrize(
    ("username", "group", "allowed"),
    [("mod", "Moderators", True), ("ed", "Editors", True), ("awa", SENEGAL, True)],
)
def test_moderators_editors_and_teams_may_add_subtitle_tracks(
    client, django_user_model, username, group, allowed
):
    log_in_as(client, django_user_model, username, group)
    response = client.get("/admin/snippets/core/subtitletrack/add/")
    assert (response.status_code == 200) is allowed


def test_create_country_team_is_idempotent_and_gives_the_country_a_collection(db, capsys):
    call_command("create_country_team", "sn")
    call_command("create_country_team", "sn")
    team = GroupCollectionPermission.objects.filter(group__name=SENEGAL)
    assert {grant.collection.name for grant in team} == {"Senegal"}
    assert team.count() == 8  # images and documents: add, change, choose; media: add, change
    assert "into the collection 'Senegal'" in capsys.readouterr().out


def story_in(language, slug):
    from stories.models import StoryPage

    return StoryPage.objects.get(locale__language_code=language, slug=slug)


OWN, OTHER = "fishing-again-in-saint-louis", "a-tailoring-shop-in-sylhet"


def test_a_team_requests_and_syncs_translations_of_its_own_countrys_pages_only(
    client, django_user_model
):
    from wagtail_localize.models import TranslationSource

    log_in_as(client, django_user_model, "awa", SENEGAL)
    own, other = story_in("en", OWN), story_in("en", OTHER)
    assert client.get(f"/admin/localize/submit/page/{own.pk}/").status_code == 200
    assert client.get(f"/admin/localize/submit/page/{other.pk}/").status_code in (302, 403)
    for page, allowed in ((own, True), (other, False)):
        source = TranslationSource.objects.get(object_id=page.translation_key)
        response = client.get(f"/admin/localize/update/{source.pk}/")
        assert (response.status_code == 200) is allowed


def test_a_team_translates_its_story_and_only_the_moderators_publish_it(
    client, django_user_model, locales, django_capture_on_commit_callbacks
):
    from wagtail.models import WorkflowState
    from wagtail_localize.models import Translation

    own = story_in("en", OWN)
    assert not own.has_translation(locales["am"])
    log_in_as(client, django_user_model, "awa", SENEGAL)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/localize/submit/page/{own.pk}/", {"locales": [locales["am"].pk]}
        )
    assert response.status_code == 302
    amharic = own.get_translation(locales["am"])
    translation = Translation.objects.get(
        source__object_id=own.translation_key, target_locale=locales["am"]
    )
    po = translation.export_po()  # what the team types in the translation editor
    for entry in po:
        entry.msgstr = f"[am] {entry.msgid}"
    translation.import_po(po)
    public = amharic.get_url()

    submit = f"/admin/translations/{amharic.pk}/submit/"
    explorer = client.get(f"/admin/pages/{amharic.get_parent().pk}/").content.decode()
    assert submit in explorer
    assert client.get(submit).status_code == 200
    assert client.post(submit).status_code == 302
    state = WorkflowState.objects.get(object_id=str(amharic.pk), status="in_progress")
    other = story_in("fr", OTHER)
    assert client.post(f"/admin/translations/{other.pk}/submit/").status_code in (302, 403)
    assert not WorkflowState.objects.filter(object_id=str(other.pk)).exists()
    client.logout()
    assert client.get(public).status_code == 404  # nothing public before approval

    log_in_as(client, django_user_model, "mod", "Moderators")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/pages/workflow/action/{amharic.pk}/approve/{state.current_task_state.pk}/",
            {"comment": ""},
        )
    state.refresh_from_db()
    assert state.status == "approved"
    client.logout()
    page = client.get(public)
    assert page.status_code == 200
    assert f"[am] {own.title}" in page.content.decode()


VTT = b"WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nBonjour\n"


def test_a_team_manages_the_subtitle_tracks_of_its_own_countrys_videos_only(
    client, django_user_model, collections
):
    from django.core.files.base import ContentFile

    from campaign_site.media.models import SubtitleTrack

    videos = {
        name: CampaignMedia.objects.create(
            title=f"{name} interview",
            type="video",
            file=ContentFile(VIDEO, name="interview.mp4"),
            collection=collection,
        )
        for name, collection in collections.items()
    }
    theirs = SubtitleTrack.objects.create(
        media=videos["Bangladesh"], language="bn", file=ContentFile(VTT, name="bn.vtt")
    )
    log_in_as(client, django_user_model, "awa", SENEGAL)

    def add_track(video):
        return client.post(
            "/admin/snippets/core/subtitletrack/add/",
            {
                "media": video.pk,
                "language": "fr",
                "kind": "subtitles",
                "file": SimpleUploadedFile("fr.vtt", VTT),
            },
        )

    assert add_track(videos["Senegal"]).status_code == 302
    ours = SubtitleTrack.objects.get(media=videos["Senegal"], language="fr")
    refused = add_track(videos["Bangladesh"])
    assert refused.status_code == 200
    assert "only to videos you may edit" in refused.content.decode()
    assert not SubtitleTrack.objects.filter(media=videos["Bangladesh"], language="fr").exists()

    listing = client.get("/admin/snippets/core/subtitletrack/").content.decode()
    assert f"/admin/snippets/core/subtitletrack/edit/{ours.pk}/" in listing
    assert f"/admin/snippets/core/subtitletrack/edit/{theirs.pk}/" not in listing
    edit = client.get(f"/admin/snippets/core/subtitletrack/edit/{ours.pk}/")
    assert edit.status_code == 200
    other = client.get(f"/admin/snippets/core/subtitletrack/edit/{theirs.pk}/")
    assert other.status_code in (302, 403)
    assert (
        client.post(f"/admin/snippets/core/subtitletrack/delete/{ours.pk}/").status_code
        in (
            302,
            403,
        )
        and SubtitleTrack.objects.filter(pk=ours.pk).exists()
    )  # deleting stays with editors


def test_a_team_reads_only_its_own_countrys_tracks_media_and_moves(
    client, django_user_model, collections
):
    """Reading follows the same permissions as writing: history and usage of another country's
    subtitle track or video, and the confirmation of a move the team may not make, are
    refused; its own answer."""
    from django.core.files.base import ContentFile

    from campaign_site.media.models import SubtitleTrack

    videos, tracks = {}, {}
    for name, collection in collections.items():
        videos[name] = CampaignMedia.objects.create(
            title=f"{name} interview",
            type="video",
            file=ContentFile(VIDEO, name="interview.mp4"),
            collection=collection,
        )
        tracks[name] = SubtitleTrack.objects.create(
            media=videos[name], language="fr", file=ContentFile(VTT, name="fr.vtt")
        )
    log_in_as(client, django_user_model, "awa", SENEGAL)

    def status(url):
        return client.get(url).status_code

    def refused(url):
        """403, 404, or Wagtail's "no permission" redirect to the dashboard."""
        response = client.get(url)
        return response.status_code in (403, 404) or (
            response.status_code == 302 and response["Location"] == "/admin/"
        )

    track = "/admin/snippets/core/subtitletrack/{view}/{pk}/"
    for view in ("history", "usage", "edit"):
        assert status(track.format(view=view, pk=tracks["Senegal"].pk)) == 200, view
        assert refused(track.format(view=view, pk=tracks["Bangladesh"].pk)), view
    assert status(f"/admin/media/usage/{videos['Senegal'].pk}/") == 200
    assert refused(f"/admin/media/usage/{videos['Bangladesh'].pk}/")
    assert status("/admin/media/usage/999999/") == 404
    # the snippet pages of a video lead to the media library, which asks again
    snippet = client.get(f"/admin/snippets/core/campaignmedia/usage/{videos['Bangladesh'].pk}/")
    assert snippet["Location"] == f"/admin/media/usage/{videos['Bangladesh'].pk}/"
    history = client.get(f"/admin/snippets/core/campaignmedia/history/{videos['Senegal'].pk}/")
    assert history["Location"] == f"/admin/media/edit/{videos['Senegal'].pk}/"

    own, other = story_in("en", OWN), story_in("en", OTHER)
    move = "/admin/pages/{page}/move/{to}/confirm/"
    assert refused(move.format(page=other.pk, to=own.get_parent().pk))
    assert refused(move.format(page=own.pk, to=other.get_parent().pk))
    # a moderator may confirm either
    log_in_as(client, django_user_model, "mod", "Moderators")
    assert status(move.format(page=other.pk, to=own.get_parent().pk)) == 200


def test_a_team_bulk_translates_only_its_own_countrys_pages(
    client, django_user_model, locales, django_capture_on_commit_callbacks
):
    own, other = story_in("en", OWN), story_in("en", OTHER)
    log_in_as(client, django_user_model, "awa", SENEGAL)
    url = f"/admin/bulk/wagtailcore/page/translate/?id={own.pk}&id={other.pk}"
    assert "You may not translate these pages" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"locales": [locales["am"].pk]})
    assert own.has_translation(locales["am"]) and not own.get_translation(locales["am"]).live
    assert not other.has_translation(locales["am"])


def test_the_translation_editors_video_chooser_offers_a_teams_own_media_only(
    client, django_user_model, collections
):
    """The chooser wagtail-localize's editor opens for a translation's dubbed video: searchable,
    with each item's type and length, and only what the team may use (wagtailmedia's rule)."""
    from django.core.files.base import ContentFile

    from .conftest import html

    for name, collection in collections.items():
        CampaignMedia.objects.create(
            title=f"{name} dubbed interview",
            type="video",
            duration=75,
            file=ContentFile(VIDEO, name="interview.mp4"),
            collection=collection,
        )
    log_in_as(client, django_user_model, "awa", SENEGAL)
    results = html(
        client.get("/admin/snippets/choose/core/campaignmedia/results/", {"q": "dubbed"})
    )
    rows = [
        [cell.get_text(strip=True) for cell in row.select("td")]
        for row in results.select("tbody tr")
    ]
    assert rows == [["Senegal dubbed interview", "Video file", "1:15"]]
    # the media library stays the one place where media are managed, and Snippets lists none
    assert client.get("/admin/snippets/core/campaignmedia/")["Location"] == "/admin/media/"
    media = CampaignMedia.objects.get(title="Senegal dubbed interview")
    edit = client.get(f"/admin/snippets/core/campaignmedia/edit/{media.pk}/")
    assert edit["Location"] == f"/admin/media/edit/{media.pk}/"
    assert "/admin/snippets/core/campaignmedia/" not in client.get("/admin/snippets/").text
