import mimetypes
import re
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.utils._os import safe_join
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from wagtail.views import serve as wagtail_serve

BYTE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 64 * 1024


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


def serve_page_file(request, path):
    """Wagtail routes only paths ending in "/": a page's files (feed.xml, chapters.json, ...)
    are its routable subpages "feed.xml/", served here at their proper names."""
    return wagtail_serve(request, path + "/")


@require_safe
def serve_media(request, path):
    """Uploads from local storage with HTTP Range support: Safari will not play a video, and
    podcast apps will not seek, without 206 Partial Content. (Django's static serve has none.)
    Behind S3 or a CDN this view is not used."""
    try:
        full_path = Path(safe_join(settings.MEDIA_ROOT, path))
    except ValueError:
        raise Http404 from None
    if not full_path.is_file():
        raise Http404
    stat = full_path.stat()
    content_type = mimetypes.guess_type(full_path.name)[0] or "application/octet-stream"
    wanted = byte_range(request.headers.get("Range"), stat.st_size)
    if wanted is False:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{stat.st_size}"
    elif wanted is None:
        response = FileResponse(full_path.open("rb"), content_type=content_type)
    else:
        start, end = wanted
        handle = full_path.open("rb")
        handle.seek(start)
        response = FileResponse(
            file_chunks(handle, end - start + 1), content_type=content_type, status=206
        )
        response["Content-Length"] = str(end - start + 1)
        response["Content-Range"] = f"bytes {start}-{end}/{stat.st_size}"
    response["Accept-Ranges"] = "bytes"
    response["Last-Modified"] = http_date(stat.st_mtime)
    response["Cache-Control"] = "public, max-age=86400"
    return response
