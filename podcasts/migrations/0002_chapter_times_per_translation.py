from django.db import migrations, models

import podcasts.timecodes


def seconds_to_timecodes(apps, schema_editor):
    """12.5 -> "0:12.5": the chapter times as editors now type them."""
    EpisodeChapter = apps.get_model("podcasts", "EpisodeChapter")
    for chapter in EpisodeChapter.objects.all():
        chapter.start = podcasts.timecodes.timecode(float(chapter.start))
        chapter.save(update_fields=["start"])


def timecodes_to_seconds(apps, schema_editor):
    EpisodeChapter = apps.get_model("podcasts", "EpisodeChapter")
    for chapter in EpisodeChapter.objects.all():
        chapter.start = str(podcasts.timecodes.timecode_seconds(chapter.start))
        chapter.save(update_fields=["start"])


class Migration(migrations.Migration):
    dependencies = [
        ("podcasts", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="episodechapter",
            name="start",
            field=models.CharField(
                help_text="For example 1:15, or 1:02:15 past an hour.",
                max_length=16,
                validators=[podcasts.timecodes.validate_timecode],
                verbose_name="starts at",
            ),
        ),
        migrations.RunPython(seconds_to_timecodes, timecodes_to_seconds),
    ]
