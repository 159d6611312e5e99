from django.core.management.base import BaseCommand

from stories.models import enforce_consent


class Command(BaseCommand):
    help = "Unpublish, in every language, stories whose consent expired or was withdrawn (cron)."

    def handle(self, *args, **options):
        count = enforce_consent()
        self.stdout.write(f"Consent enforced: {count} page(s) unpublished.")
