from django.core.management.base import BaseCommand, CommandError

from campaign_site.demo.loader import OtherContentError, load_demo_campaign


class Command(BaseCommand):
    help = (
        "Load the demo campaign in every language. Safe to run again: it only adds what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Add the demo even if the database holds other content.",
        )

    def handle(self, *args, force=False, **options):
        try:
            created = load_demo_campaign(force=force)
        except OtherContentError as error:
            raise CommandError(str(error)) from error
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo campaign: created {len(created)} pages."))
        else:
            self.stdout.write("Demo campaign: already complete, nothing changed.")
