"""The media model moved from the core app to campaign_site.media, its table kept: state only."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('media', '0001_initial'),
        ('training', '0005_lti_launches_and_service_hosts'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
        migrations.AlterField(
            model_name='modulevideo',
            name='video',
            field=models.ForeignKey(limit_choices_to={'type': 'video'}, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='media.campaignmedia'),
        ),
        ]),
    ]
