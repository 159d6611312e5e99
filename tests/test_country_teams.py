"""What a country team may do in the admin, beside another country's team and the moderators:
upload into its own country's collection, never touch another country's files; subtitle tracks
are managed by moderators and editors."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from wagtail.images.models import Image
from wagtail.models import Collection, GroupCollectionPermission

from campaign_site.core.models import CampaignMedia

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
    [("mod", "Moderators", True), ("ed", "Editors", True), ("awa", SENEGAL, False)],
)
def test_moderators_and_editors_manage_subtitle_tracks(
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
