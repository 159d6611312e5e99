from django.core.management.base import BaseCommand

from campaign_site.backups.archive import write_backup


class Command(BaseCommand):
    help = (
        "Write one archive with the database and every stored file (disk or bucket), "
        "checksummed. From cron: manage.py backup /srv/backups/campaign-$(date +%%F).tar"
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .tar file to write")

    def handle(self, archive, **options):
        write_backup(archive, log=self.stdout.write)
