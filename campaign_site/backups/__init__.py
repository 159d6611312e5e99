"""Backups: one archive with the database (portable between SQLite and PostgreSQL) and every
stored file, checked by checksum on the way back; and moving stored files between local disk
and the bucket. Beside reach: it uses the shared rooms below (media, delivery), never the
content apps (their rows are only rows to it)."""
