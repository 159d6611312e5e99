"""Stored files, whatever the storage: listed, read with a checksum, copied with a check."""

import hashlib

CHUNK = 1024 * 1024


def walk(storage, folder=""):
    """Every file name in ``storage`` under ``folder``, sorted (none if there is no folder)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from walk(storage, f"{folder}/{sub}" if folder else sub)


class Hashing:
    """A file read through, its SHA-256 and size counted on the way."""

    def __init__(self, file):
        self.file, self.digest, self.size = file, hashlib.sha256(), 0

    def read(self, size=-1):
        data = self.file.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data

    def hexdigest(self):
        return self.digest.hexdigest()


def checksum(storage, name):
    with storage.open(name, "rb") as file:
        reader = Hashing(file)
        while reader.read(CHUNK):
            pass
    return reader.hexdigest()


class ChecksumMismatch(Exception):
    pass


def put(storage, name, file, expected):
    """Write ``file`` under exactly ``name`` (replacing what is there), then read it back: the
    copy must have the checksum ``expected``."""
    if storage.exists(name):
        storage.delete(name)
    saved = storage.save(name, file)
    if saved != name:
        raise ChecksumMismatch(f"{name} was stored as {saved}")
    if checksum(storage, name) != expected:
        storage.delete(name)
        raise ChecksumMismatch(f"{name}: the stored copy differs from the original")
