"""The media model moved from the core app to campaign_site.media, its table kept: state only."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('media', '0001_initial'),
        ('podcasts', '0003_podcasting_2_0_fields'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
        migrations.AlterField(
            model_name='episodepage',
            name='audio',
            field=models.ForeignKey(help_text="MP3 or M4A. Its transcripts are the audio's subtitle tracks.", limit_choices_to={'type': 'audio'}, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='media.campaignmedia', verbose_name='audio'),
        ),
        ]),
    ]
