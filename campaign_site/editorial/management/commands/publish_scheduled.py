from wagtail.management.commands.publish_scheduled import Command as WagtailCommand
from wagtail.models import Revision

from campaign_site.editorial.publishing import PublishingRefused


class Command(WagtailCommand):
    """Wagtail's publish_scheduled (cron, every minute), except that a revision whose publishing
    a campaign rule refuses (consent) loses its schedule and is reported, instead of stopping
    every other scheduled publish behind it, minute after minute."""

    def handle(self, *args, **options):
        while True:
            try:
                return super().handle(*args, **options)
            except PublishingRefused as refusal:
                if refusal.page is None:
                    raise
                Revision.objects.for_instance(refusal.page).filter(
                    approved_go_live_at__isnull=False
                ).update(approved_go_live_at=None)
                self.stderr.write(f"Not published, schedule cancelled: {refusal}")
