"""Consent reaches every copy: withdrawing it takes offline, in the same request, the story in
every language and every file of its video; the training modules that reuse the video stay
live without it (their embeds and packages too); the story cannot be published again."""

import datetime
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from stories import consent
from stories.models import ConsentRecord, StoryPage
from training.models import ModulePage
from training.packages import PACKAGE_DIR

from .conftest import html, log_in_as

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def moderator(client, django_user_model):
    return log_in_as(client, django_user_model, "mod", "Moderators")


def withdraw(client, record, on=None):
    return client.post(
        reverse("wagtailsnippets_stories_consentrecord:edit", args=[record.pk]),
        {
            "story": record.story_id,
            "person": record.person,
            "scope": record.scope,
            "given_on": record.given_on.isoformat(),
            "expires_on": record.expires_on.isoformat() if record.expires_on else "",
            "withdrawn_on": (on or timezone.localdate()).isoformat(),
            "notes": "Asked by phone.",
        },
        follow=True,
    )


def packages_of(page):
    if not default_storage.exists(PACKAGE_DIR):
        return []
    return [
        name for name in default_storage.listdir(PACKAGE_DIR)[1] if name.startswith(f"{page.pk}-")
    ]


def pack_members(client, module):
    response = client.get(module.url + "pack.zip")
    data = b"".join(response.streaming_content) if response.streaming else response.content
    return zipfile.ZipFile(io.BytesIO(data)).namelist()


def test_withdrawal_takes_the_story_offline_and_its_video_out_of_the_modules(
    client, moderator, story, django_capture_on_commit_callbacks, django_user_model
):
    """The story goes offline in every language, in the same request, with every file of its
    video; the training modules that reuse the video stay live (a trainer's course keeps its
    embed), say where it was that it is no longer available, carry it no more in their
    packages, and their editors are told."""
    from django.test import Client

    public = Client()
    modules = list(ModulePage.objects.live().filter(videos__video=story.video).distinct())
    # the first demo module, in every language, shows this story's video
    assert len({module.locale.language_code for module in modules}) == 10
    trainer = django_user_model.objects.create_user("trainer", "trainer@example.org", "pw")
    Page.objects.filter(pk__in=[module.pk for module in modules]).update(owner=trainer)
    videos_before = {}
    for module in modules:
        for suffix in ("", "embed/", "scorm.zip", "pack.zip"):
            assert public.get(module.url + suffix).status_code == 200
        videos_before[module.pk] = [
            name for name in pack_members(public, module) if name.endswith(".mp4")
        ]
    video = story.video
    files = [
        video.url,
        video.data_saver_file.url,
        video.poster.get_rendition("fill-1280x720|format-webp").url,
        *[track.file.url for track in video.subtitle_tracks.all()],
    ]
    assert all(public.get(url).status_code == 200 for url in files)

    with django_capture_on_commit_callbacks(execute=True):
        response = withdraw(client, ConsentRecord.objects.get(story=story))

    assert (
        "8 pages in 8 language(s) went offline. 10 pages that reuse the video stay online "
        "without it; their editors were told." in response.content.decode()
    )
    for page in Page.objects.filter(translation_key=story.translation_key):
        assert public.get(page.url or f"/{page.locale.language_code}/").status_code == 404
    for module in modules:
        module.refresh_from_db()
        assert module.live
        for suffix in ("", "embed/"):
            page = html(public.get(module.url + suffix))
            assert page.select(".player-withdrawn"), module.url + suffix
            assert video.url not in str(page)
        members = pack_members(public, module)
        assert len([name for name in members if name.endswith(".mp4")]) == (
            len(videos_before[module.pk]) - 1
        )
    for url in files:
        assert public.get(url).status_code == 404, url
    # moderators still see the files, to review them
    assert client.get(video.url).status_code == 200
    [told] = [message for message in mail.outbox if message.to == ["trainer@example.org"]]
    assert video.title in told.body and modules[0].title in told.body


def test_the_story_cannot_be_published_again_but_a_module_can(client, moderator, story):
    withdraw(client, ConsentRecord.objects.get(story=story))
    revision = StoryPage.objects.get(pk=story.pk).save_revision()
    with pytest.raises(consent.ConsentLapsed):
        revision.publish()
    story.refresh_from_db()
    assert not story.live and story.latest_revision == revision
    module = ModulePage.objects.filter(videos__video=story.video).first()
    module.title = "A new edition"
    module.save_revision().publish()
    module.refresh_from_db()
    assert module.live and module.title == "A new edition"
    assert html(client.get(module.url)).select(".player-withdrawn")


def test_the_admin_says_why_publishing_was_refused_and_keeps_the_draft(client, story):
    ConsentRecord.objects.filter(story=story).update(withdrawn_on=datetime.date(2026, 1, 1))
    consent.enforce()
    client.force_login(get_user_model().objects.create_superuser("boss", "b@example.org", "pw"))
    data = nested_form_data(
        {
            "title": story.title,
            "slug": story.slug,
            "summary": "A corrected summary.",
            "video": story.video_id,
            "body": streamfield([]),
            "story_themes": inline_formset([]),
            "related_stories": streamfield([]),
            "action-publish": "1",
        }
    )
    edit = reverse("wagtailadmin_pages:edit", args=[story.pk])
    response = client.post(edit, data, HTTP_REFERER="http://testserver" + edit, follow=True)
    assert response.status_code == 200
    assert "was not published" in response.content.decode()
    story.refresh_from_db()
    assert not story.live
    assert story.get_latest_revision_as_object().summary == "A corrected summary."


def test_scheduled_publishing_of_the_story_is_cancelled(client, moderator, story):
    french = StoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="fr"
    )
    revision = french.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(days=1))
    module = ModulePage.objects.filter(videos__video=story.video).first()
    kept = module.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(days=1))
    withdraw(client, ConsentRecord.objects.get(story=story))
    revision.refresh_from_db()
    kept.refresh_from_db()
    assert revision.approved_go_live_at is None
    assert kept.approved_go_live_at is not None  # the module goes live, without the video


def test_the_story_edit_view_shows_the_consent_state(client, story, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.org", "pw"))
    edit = html(client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])))
    assert "Consent is valid." in edit.get_text()
    ConsentRecord.objects.filter(story=story).update(withdrawn_on=datetime.date(2026, 1, 1))
    edit = html(client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])))
    assert "Consent withdrawn or expired" in edit.get_text()
    assert "withdrawn on" in edit.get_text()


def test_consent_expiring_soon_on_the_dashboard_in_a_report_and_by_mail(client, moderator, story):
    record = ConsentRecord.objects.get(story=story)
    record.expires_on = timezone.localdate() + datetime.timedelta(days=10)
    record.save()
    assert "Consent expiring within 30 days" in client.get("/admin/").content.decode()
    report = client.get(reverse("expiring_consent"))
    assert record.person in report.content.decode()
    export = client.get(reverse("expiring_consent") + "?export=csv")
    assert record.person in b"".join(export.streaming_content).decode()

    call_command("enforce_consent")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["mod@example.org"]
    assert record.person in mail.outbox[0].body and story.title in mail.outbox[0].body


def test_editors_see_no_consent_report(client, django_user_model):
    editor = django_user_model.objects.create_user("ed", "e@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(reverse("expiring_consent")).status_code in (302, 403)
    assert "Consent expiring" not in client.get("/admin/").content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL")
def test_a_publish_racing_a_withdrawal_never_leaves_the_story_live(tmp_path):
    """40 trials, each a publish and a withdrawal started together in two threads with their
    own connections, on a copy of the demo campaign in its own database and media folder."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "campaign_site.settings.test",
        "TEST_MEDIA_ROOT": str(tmp_path),
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "tests" / "race_publish_withdraw.py"), "40"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "violations: 0 of 40" in result.stdout, result.stdout


def test_a_refused_scheduled_publish_does_not_hold_back_the_others(story, capsys):
    """Consent expired today, before the daily enforce_consent ran: cron's publish_scheduled
    skips the story, cancels its schedule, and publishes the rest (the module that reuses the
    video included)."""
    module = ModulePage.objects.filter(videos__video=story.video).first()
    other = StoryPage.objects.get(locale__language_code="en", slug="a-mentor-in-san-miguel")
    ConsentRecord.objects.filter(story=story).update(withdrawn_on=datetime.date(2026, 1, 1))
    past = timezone.now() - datetime.timedelta(minutes=1)
    for page, title in (
        (story, "Fishing, new edition"),
        (module, "Module, new edition"),
        (other, "A mentor, new edition"),
    ):
        page.title = title
        page.save_revision(approved_go_live_at=past)
    call_command("publish_scheduled")
    assert "Not published, schedule cancelled" in capsys.readouterr().err
    assert StoryPage.objects.get(pk=other.pk).title == "A mentor, new edition"
    assert ModulePage.objects.get(pk=module.pk).title == "Module, new edition"
    assert StoryPage.objects.get(pk=story.pk).title != "Fishing, new edition"
    assert not story.revisions.filter(approved_go_live_at__isnull=False).exists()
