from django.core.management.base import BaseCommand

from campaign_site.reach.tasks import flush_counters


class Command(BaseCommand):
    help = (
        "Every few minutes (cron): add the reach counters kept in Redis to the daily figures "
        "and delete figures older than REACH_RETENTION_DAYS."
    )

    def handle(self, *args, **options):
        # Run here rather than queued: cron already runs it apart from the web workers, and a
        # queue of flushes would only wait behind each other for the same lock.
        result = flush_counters.call()
        self.stdout.write(
            f"Reach: {result['added']} event(s) added, {result['deleted']} old row(s) deleted."
        )
