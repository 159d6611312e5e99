from django.core.management.base import BaseCommand

from stories import consent
from stories.notifications import mail_moderators_about_expiring_consent


class Command(BaseCommand):
    help = (
        "Daily (cron): take offline, in every language, everything that uses media whose "
        "consent expired or was withdrawn, and mail moderators the consents expiring soon."
    )

    def handle(self, *args, **options):
        offline = consent.enforce()
        self.stdout.write(f"Consent enforced: {offline.pages} page(s) unpublished.")
        sent = mail_moderators_about_expiring_consent()
        self.stdout.write(f"Expiring consent: {sent} moderator(s) notified.")
