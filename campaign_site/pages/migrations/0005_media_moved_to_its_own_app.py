"""The media models (CampaignMedia, SubtitleTrack) now belong to campaign_site.media: they leave
this app's state, their tables (core_campaignmedia, core_subtitletrack) and rows stay, and their
content types are renamed rather than recreated, so permissions, collection permissions,
revisions, the reference index and search entries that point at them by id keep pointing."""

from django.db import migrations

MOVED = ("campaignmedia", "subtitletrack")


def rename_content_types(old_label, new_label):
    def rename(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        for model in MOVED:
            if not ContentType.objects.filter(app_label=new_label, model=model).exists():
                ContentType.objects.filter(app_label=old_label, model=model).update(
                    app_label=new_label
                )

    return rename


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0004_audio_described_version_and_home_blocks"),
        ("media", "0001_initial"),
        # every foreign key to the media model points at its new home before it leaves here
        ("stories", "0003_media_moved_to_its_own_app"),
        ("podcasts", "0004_media_moved_to_its_own_app"),
        ("training", "0006_media_moved_to_its_own_app"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="SubtitleTrack"),
                migrations.DeleteModel(name="CampaignMedia"),
            ]
        ),
        migrations.RunPython(
            rename_content_types("core", "media"), rename_content_types("media", "core")
        ),
    ]
