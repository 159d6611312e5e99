"""The backup archive: one uncompressed tar (videos are compressed already), written as a stream.

    database.json.gz   every row (Django's dumpdata with natural keys: loads into SQLite or
                       PostgreSQL alike); derived tables (search and reference indexes, task
                       results, sessions, login attempts) are left out and rebuilt
    files/<name>       every stored file, read from the disk or the bucket as it is
    manifest.json      last: the format, the migrations the rows are at, and each member's
                       size and SHA-256, checked again when the archive is restored

Reach counts still in Redis are written to the database first, so the totals are whole.
"""

import gzip
import io
import json
import tarfile
import tempfile
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import gettext as _

from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from campaign_site.delivery.page_cache import purge_everything
from campaign_site.media.models import CampaignMedia

from .files import Hashing, put, walk

FORMAT = 1
DATABASE = "database.json.gz"
MANIFEST = "manifest.json"
LEFT_OUT = [
    # made by migrate (some permissions by data migrations); rows point to them by natural key
    "contenttypes",
    "auth.permission",
    "sessions",
    "axes",
    "django_tasks_database",
    "wagtailsearch",  # the search index (and on SQLite its full-text table): rebuilt
    "wagtailcore.referenceindex",
]


class BackupError(Exception):
    """Said to the operator as it is: what is wrong and what to do."""


def applied_migrations():
    return sorted(MigrationLoader(connection).applied_migrations)


def add(tar, name, reader, size):
    info = tarfile.TarInfo(name)
    info.size, info.mtime = size, int(time.time())
    tar.addfile(info, reader)


def write_backup(path, log=print):
    call_command("flush_reach")
    manifest = {"format": FORMAT, "created": time.time(), "database": {}, "files": {}}
    manifest["migrations"] = [list(key) for key in applied_migrations()]
    with tarfile.open(path, "w") as tar, tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DATABASE
        with gzip.open(dump, "wt", encoding="utf-8") as out:
            call_command(
                "dumpdata",
                format="backup",  # JSON (campaign_site.backups.serializer)
                natural_foreign=True,
                exclude=LEFT_OUT,
                stdout=out,
                verbosity=0,
            )
        with dump.open("rb") as file:
            reader = Hashing(file)
            add(tar, DATABASE, reader, dump.stat().st_size)
        manifest["database"] = {"size": reader.size, "sha256": reader.hexdigest()}
        for name in walk(default_storage):
            with default_storage.open(name, "rb") as file:
                reader = Hashing(file)
                add(tar, "files/" + name, reader, default_storage.size(name))
            manifest["files"][name] = {"size": reader.size, "sha256": reader.hexdigest()}
        data = json.dumps(manifest, indent=1).encode()
        add(tar, MANIFEST, io.BytesIO(data), len(data))
    log(
        _("Backed up the database and %(count)d files to %(path)s.")
        % {"count": len(manifest["files"]), "path": path}
    )
    return manifest


def read_manifest(tar):
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
    except (KeyError, ValueError) as error:
        raise BackupError(_("This is not a complete backup: it has no manifest.")) from error
    if manifest.get("format") != FORMAT:
        raise BackupError(_("This backup was written in a format this version cannot read."))
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    newer = [f"{app}.{name}" for app, name in manifest["migrations"] if (app, name) not in known]
    if newer:
        raise BackupError(
            _(
                "This backup is from a newer version of the site (migrations %(names)s): "
                "restore it with that version."
            )
            % {"names": ", ".join(newer[:5])}
        )
    return manifest


def has_content():
    """Anything beyond what `migrate` makes (Wagtail's root and welcome pages)."""
    return (
        Page.objects.filter(depth__gt=2).exists()
        or get_user_model().objects.exists()
        or CampaignMedia.objects.exists()
        or get_image_model().objects.exists()
        or next(walk(default_storage), None) is not None
    )


def empty_database():
    """Every row but what the backup leaves out because migrate made it (unlike flush, which
    would lose the permissions that data migrations made) and the search index, which
    update_index brings up to date (on SQLite its full-text table follows its own rules)."""
    kept = {
        "django_migrations",
        ContentType._meta.db_table,
        Permission._meta.db_table,
        IndexEntry._meta.db_table,
    }
    tables = [
        table
        for table in connection.introspection.django_table_names(only_existing=True)
        if table not in kept
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in connection.ops.sql_flush(no_style(), tables, reset_sequences=True):
            cursor.execute(statement)


def checked(tar, member, expected):
    """The member's bytes, read through a checksum that must match the manifest."""
    reader = Hashing(tar.extractfile(member))
    data = reader.read()
    if reader.hexdigest() != expected["sha256"]:
        raise BackupError(
            _("The backup is damaged: %(name)s does not match its checksum.") % {"name": member}
        )
    return data


def restore(path, replace=False, log=print):
    with tarfile.open(path, "r") as tar:
        manifest = read_manifest(tar)
        call_command("migrate", interactive=False, verbosity=0)
        if has_content() and not replace:
            raise BackupError(
                _(
                    "This site already has content: restoring would replace all of it. "
                    "Run restore again with --replace to do so."
                )
            )
        empty_database()
        for name in walk(default_storage):
            default_storage.delete(name)
        rows = gzip.decompress(checked(tar, DATABASE, manifest["database"]))
        with tempfile.NamedTemporaryFile(suffix=".json") as fixture:
            fixture.write(rows)
            fixture.flush()
            call_command("loaddata", fixture.name, verbosity=0)
        for name, expected in manifest["files"].items():
            try:
                member = tar.getmember("files/" + name)
            except KeyError as error:
                raise BackupError(
                    _("The backup is damaged: %(name)s is missing.") % {"name": name}
                ) from error
            content = File(tar.extractfile(member), name=name)
            content.size = member.size  # not the archive's size, which File would guess
            put(default_storage, name, content, expected["sha256"])
        call_command("rebuild_references_index", verbosity=0)
        call_command("update_index", verbosity=0)
    purge_everything()
    log(
        _("Restored the database and %(count)d files from %(path)s.")
        % {"count": len(manifest["files"]), "path": path}
    )
    return manifest
