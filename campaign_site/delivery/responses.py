"""HTTP helpers: hardened headers and byte ranges for stored files, what a response counts as."""

import os
import re
from typing import NamedTuple

from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe

# At most 18 digits a side: more cannot be a position in a file, and Python refuses to read
# thousands of digits as a number (a crafted header gave a 500; now it is ignored).
BYTE_RANGE = re.compile(r"^bytes=(\d{0,18})-(\d{0,18})$", re.ASCII)
CHUNK = 64 * 1024
SMALL_TEXT = 1024 * 1024  # subtitles
# Every response carrying a stored file: never sniffed into something else, never a document
# that runs script, even when an uploader managed to store HTML.
STORED_FILE_CSP = "default-src 'none'; sandbox"


def harden(response):
    """Headers for any response carrying a stored file (media, subtitles, images, Wagtail's
    documents, training packages): the browser takes the declared type and runs nothing."""
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = STORED_FILE_CSP
    response._csp_exempt = True  # django-csp would otherwise put the page policy in its place
    return response


def byte_range(header, size):
    """(start, end) inclusive for a single satisfiable "bytes=" range; None to send it all;
    False when unsatisfiable. Multiple ranges are answered with the whole file (RFC 9110)."""
    match = BYTE_RANGE.match(header.strip()) if header else None
    if not match or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first == "":  # the last N bytes
        length = int(last)
        return (max(size - length, 0), size - 1) if length else False
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or start > end:
        return False
    return start, end


def file_chunks(handle, remaining):
    with handle:
        while remaining > 0:
            data = handle.read(min(CHUNK, remaining))
            if not data:
                break
            remaining -= len(data)
            yield data


def range_applies(request, etag, last_modified):
    """If-Range: a Range counts only while the client's copy is still this file."""
    validator = request.headers.get("If-Range")
    if not validator:
        return True
    if validator.startswith(('"', 'W/"')):
        return validator == etag
    return parse_http_date_safe(validator) == last_modified


def send_local_file(request, full_path, content_type):
    """Safari will not play a video, and podcast apps will not seek, without 206 Partial
    Content; Django's static serve has none."""
    try:
        stat = os.stat(full_path)
    except FileNotFoundError:
        raise Http404 from None
    size, last_modified = stat.st_size, int(stat.st_mtime)
    etag = f'"{size:x}-{stat.st_mtime_ns:x}"'
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is not None:
        return response
    wanted = byte_range(request.headers.get("Range"), size)
    if wanted is not None and not range_applies(request, etag, last_modified):
        wanted = None
    if wanted is False:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    elif wanted is None and content_type.startswith("text/") and size <= SMALL_TEXT:
        with open(full_path, "rb") as handle:  # whole, so that it can be compressed
            response = HttpResponse(handle.read(), content_type=content_type)
    elif wanted is None:
        response = FileResponse(open(full_path, "rb"), content_type=content_type)  # noqa: SIM115
    else:
        start, end = wanted
        handle = open(full_path, "rb")  # noqa: SIM115 - closed by file_chunks
        handle.seek(start)
        response = FileResponse(
            file_chunks(handle, end - start + 1), content_type=content_type, status=206
        )
        response["Content-Length"] = str(end - start + 1)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Accept-Ranges"] = "bytes"
    response["Last-Modified"] = http_date(last_modified)
    response["ETag"] = etag
    return response


class Counted(NamedTuple):
    """What a response shows, for the reach figures (``campaign_site.reach``, which counts it on
    the way out): kept with the response by the page cache, so a cached page counts too."""

    event: str  # "view", "embed", "package", "share"
    page_id: int
    language: str
    source: str = ""


def count_as(response, event, page, source=""):
    response.counted = Counted(event, page.pk, page.locale.language_code, source)
    return response
