"""Background work of the reach figures, run by the task worker (django-tasks)."""

import datetime

from django_tasks import task

from django.conf import settings

from . import counters
from .models import DailyCount
from .privacy import today


@task()
def flush_counters():
    """Pending counts into the daily rows, and rows past the retention period deleted."""
    added = counters.flush()
    oldest = today() - datetime.timedelta(days=settings.REACH_RETENTION_DAYS)
    deleted, _by_model = DailyCount.objects.filter(day__lt=oldest).delete()
    return {"added": added, "deleted": deleted}
