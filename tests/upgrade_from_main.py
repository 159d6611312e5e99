"""A database as main left it before the media models moved rooms, upgraded (test_upgrade.py).

Run with DATABASE_URL naming a database of its own. Migrates it fully, then back to the leaves
of main on 2026-12-06 (commit 71a91d3: media was the core app's), writes there with that day's
models what a running site holds (a video, its subtitle track, an editor group allowed to change
videos), migrates forward again and prints, as JSON, what the current models read back.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# The migration leaves on main before the move.
MAIN_BEFORE_THE_MOVE = [
    ("core", "0004_audio_described_version_and_home_blocks"),
    ("stories", "0002_block_labels"),
    ("podcasts", "0003_podcasting_2_0_fields"),
    ("training", "0005_lti_launches_and_service_hosts"),
    ("media", None),
]


def main():
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    call_command("migrate", verbosity=0)
    executor = MigrationExecutor(connection)
    executor.migrate(MAIN_BEFORE_THE_MOVE)
    executor.loader.build_graph()
    old = executor.loader.project_state(
        [(app, name) for app, name in MAIN_BEFORE_THE_MOVE if name]
    ).apps
    ContentType = old.get_model("contenttypes", "ContentType")
    media_type, _ = ContentType.objects.get_or_create(app_label="core", model="campaignmedia")
    Permission = old.get_model("auth", "Permission")
    change, _ = Permission.objects.get_or_create(
        content_type=media_type, codename="change_campaignmedia", defaults={"name": "Can change"}
    )
    group = old.get_model("auth", "Group").objects.create(name="Upgrade editors")
    group.permissions.add(change)
    Collection = old.get_model("wagtailcore", "Collection")
    video = old.get_model("core", "CampaignMedia").objects.create(
        title="Fishing again in Saint-Louis",
        file="media/fishing.mp4",
        type="video",
        duration=92.5,
        collection=Collection.objects.get(depth=1),
        file_size=1234,
        mime_type="video/mp4",
    )
    old.get_model("core", "SubtitleTrack").objects.create(
        media=video, language="fr", file="subtitles/fishing.fr.vtt"
    )
    before = {"video_type": media_type.pk, "video": video.pk}

    call_command("migrate", verbosity=0)

    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType

    from campaign_site.media.models import CampaignMedia, SubtitleTrack

    video = CampaignMedia.objects.get(pk=before["video"])
    print(
        json.dumps(
            {
                "before": before,
                "video_type": ContentType.objects.get_for_model(CampaignMedia).pk,
                "old_types": ContentType.objects.filter(
                    app_label="core", model__in=["campaignmedia", "subtitletrack"]
                ).count(),
                "title": video.title,
                "tracks": list(
                    SubtitleTrack.objects.filter(media=video).values_list("language", flat=True)
                ),
                "group_may_change_videos": list(
                    Group.objects.get(name="Upgrade editors")
                    .permissions.filter(content_type__app_label="media")
                    .values_list("codename", flat=True)
                ),
            }
        )
    )


if __name__ == "__main__":
    main()
