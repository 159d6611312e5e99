"""The media models come over from the core app (now campaign_site.pages, label "core"):
state only, their tables and rows stay where they are (core 0005 takes them out of its state)."""

import django.core.validators
import django.db.models.deletion
import modelsearch.index
import taggit.managers
import wagtail.models.media
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('core', '0004_audio_described_version_and_home_blocks'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
        migrations.CreateModel(
            name='CampaignMedia',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=255, verbose_name='title')),
                ('file', models.FileField(upload_to='media', verbose_name='file')),
                ('type', models.CharField(choices=[('audio', 'Audio file'), ('video', 'Video file')], max_length=255)),
                ('duration', models.FloatField(blank=True, default=0, help_text='Duration in seconds', validators=[django.core.validators.MinValueValidator(0)], verbose_name='duration')),
                ('width', models.PositiveIntegerField(blank=True, null=True, verbose_name='width')),
                ('height', models.PositiveIntegerField(blank=True, null=True, verbose_name='height')),
                ('thumbnail', models.FileField(blank=True, upload_to='media_thumbnails', verbose_name='thumbnail')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('data_saver_file', models.FileField(blank=True, help_text='A smaller encoding of the same video, for visitors on slow or expensive connections.', upload_to='media', verbose_name='data-saver version')),
                ('audio_described_file', models.FileField(blank=True, help_text='The same video with a narrated description of what is seen, for blind and partially sighted viewers.', upload_to='media', verbose_name='audio-described version')),
                ('spoken_language', models.CharField(blank=True, help_text='The language spoken in the video, such as bn or fr: its subtitle track in that language is offered as captions, the others as subtitles.', max_length=16, verbose_name='spoken language')),
                ('file_size', models.PositiveBigIntegerField(default=0, editable=False, verbose_name='file size')),
                ('data_saver_file_size', models.PositiveBigIntegerField(default=0, editable=False)),
                ('mime_type', models.CharField(blank=True, editable=False, max_length=50)),
                ('collection', models.ForeignKey(default=wagtail.models.media.get_root_collection_id, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.collection', verbose_name='collection')),
                ('poster', models.ForeignKey(blank=True, help_text='Shown before the video plays, and when sharing.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='poster')),
                ('tags', taggit.managers.TaggableManager(blank=True, help_text=None, through='taggit.TaggedItem', to='taggit.Tag', verbose_name='tags')),
                ('uploaded_by_user', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL, verbose_name='uploaded by user')),
            ],
            options={
                'verbose_name': 'audio or video',
                'verbose_name_plural': 'audio and video',
                'db_table': 'core_campaignmedia',
                'abstract': False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='SubtitleTrack',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(help_text='A language code such as fr, ar, bn, am, fil or wo.', max_length=16, verbose_name='language')),
                ('kind', models.CharField(choices=[('subtitles', 'Subtitles'), ('captions', 'Captions (for deaf and hard-of-hearing viewers)'), ('descriptions', 'Audio descriptions (text)')], default='subtitles', max_length=20, verbose_name='kind')),
                ('file', models.FileField(help_text='WebVTT (.vtt) or SubRip (.srt), saved as UTF-8.', upload_to='subtitles', verbose_name='subtitle file')),
                ('cues', models.JSONField(default=list, editable=False)),
                ('media', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='subtitle_tracks', to='media.campaignmedia', verbose_name='video')),
            ],
            options={
                'verbose_name': 'subtitle track',
                'verbose_name_plural': 'subtitle tracks',
                'db_table': 'core_subtitletrack',
                'ordering': ['media', 'language', 'kind'],
                'constraints': [models.UniqueConstraint(fields=('media', 'language', 'kind'), name='one_track_per_language_and_kind', violation_error_message='This video already has a track of this kind in this language.')],
            },
        ),
        ]),
    ]
