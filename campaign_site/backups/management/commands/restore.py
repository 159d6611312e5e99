from django.core.management.base import BaseCommand, CommandError

from campaign_site.backups.archive import BackupError, restore
from campaign_site.backups.files import ChecksumMismatch


class Command(BaseCommand):
    help = (
        "Restore a backup onto an empty database and storage (any engine, any storage): pages, "
        "translations, revisions, consent records, reach totals and every file. Refuses a site "
        "that has content unless --replace is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="a .tar file written by manage.py backup")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="delete this site's content and files first",
        )

    def handle(self, archive, replace=False, **options):
        try:
            restore(archive, replace=replace, log=self.stdout.write)
        except (BackupError, ChecksumMismatch, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
