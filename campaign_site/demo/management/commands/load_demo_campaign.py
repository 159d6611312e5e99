from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count

from wagtail.models import Locale

from campaign_site.demo.loader import OtherContentError, load_demo_campaign
from campaign_site.languages import endonym
from podcasts.models import EpisodePage
from stories.models import StoryPage
from training.models import ModulePage


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
        if options["verbosity"]:
            self.summary()

    def summary(self):
        """A line per language: what a visitor finds live in it."""
        kinds = (("stories", StoryPage), ("episodes", EpisodePage), ("modules", ModulePage))
        live = {
            name: dict(
                model.objects.live()
                .order_by()  # pages are ordered by path, which would split the groups
                .values("locale__language_code")
                .annotate(n=Count("pk"))
                .values_list("locale__language_code", "n")
            )
            for name, model in kinds
        }
        for code in Locale.objects.order_by("pk").values_list("language_code", flat=True):
            counts = ", ".join(f"{name} {live[name].get(code, 0)}" for name, _model in kinds)
            self.stdout.write(f"  {code:3} {endonym(code)}: {counts}")
