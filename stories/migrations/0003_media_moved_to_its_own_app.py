"""The media model moved from the core app to campaign_site.media, its table kept: state only."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('media', '0001_initial'),
        ('stories', '0002_block_labels'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
        migrations.AlterField(
            model_name='storypage',
            name='video',
            field=models.ForeignKey(blank=True, help_text="A translation may use its own video (a dubbed version); by default it shares the source's.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='media.campaignmedia', verbose_name='video'),
        ),
        ]),
    ]
