from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage
from django.core.management.base import BaseCommand, CommandError

from campaign_site.backups.files import ChecksumMismatch, checksum, put, walk
from campaign_site.media.storage import PrivateS3Storage


class Command(BaseCommand):
    help = (
        "Copy every stored file from MEDIA_ROOT to the bucket (AWS_STORAGE_BUCKET_NAME and its "
        "settings) or back, checking each copy by SHA-256. Resumable: a file already there with "
        "the same checksum is skipped. Nothing is deleted from the source."
    )

    def add_arguments(self, parser):
        parser.add_argument("--to", choices=["bucket", "disk"], required=True)

    def handle(self, to, **options):
        if not hasattr(settings, "S3_STORAGE_OPTIONS"):
            raise CommandError("Set AWS_STORAGE_BUCKET_NAME (and the bucket's settings) first.")
        disk = FileSystemStorage(location=settings.MEDIA_ROOT)
        bucket = PrivateS3Storage(**settings.S3_STORAGE_OPTIONS)
        source, destination = (disk, bucket) if to == "bucket" else (bucket, disk)
        copied = skipped = 0
        for name in walk(source):
            expected = checksum(source, name)
            if destination.exists(name) and checksum(destination, name) == expected:
                skipped += 1
                continue
            with source.open(name, "rb") as file:
                try:
                    put(destination, name, File(file, name=name), expected)
                except ChecksumMismatch as error:
                    raise CommandError(f"{error}; run the command again to resume") from error
            copied += 1
            self.stdout.write(f"copied {name}")
        self.stdout.write(
            self.style.SUCCESS(f"{copied} files copied, {skipped} already there and identical.")
        )
