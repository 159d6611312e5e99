from django.core.management.base import BaseCommand, CommandError

from stories.models import CountryPage
from stories.teams import country_collection, country_team


class Command(BaseCommand):
    help = "Create or complete a country team, which edits its country's stories in every language."

    def add_arguments(self, parser):
        parser.add_argument("iso_code", help="ISO 3166 code of the country, e.g. SN")

    def handle(self, *args, iso_code, **options):
        iso_code = iso_code.upper()
        if not CountryPage.objects.filter(country__iso_code=iso_code).exists():
            raise CommandError(f"No country page for {iso_code}: create it first.")
        group = country_team(iso_code)
        pages = group.page_permissions.values("page").distinct().count()
        self.stdout.write(
            f"{group.name}: may add and edit stories on {pages} country page(s), and upload "
            f"into the collection {country_collection(iso_code).name!r}. "
            "Add its members in the admin."
        )
