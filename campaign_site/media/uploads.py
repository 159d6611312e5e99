"""Checks every upload passes before anything is stored, each with a clear, translated message,
and the names files are stored under. (Django already drops path components and invisible
characters, such as a right-to-left override, from uploaded file names.)"""

import re
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

# Markup that makes a browser, or anything sniffing, treat a file as a document that runs.
EMBEDDED_MARKUP = re.compile(rb"<(?:script|html|svg|body|iframe|!doctype|\?xml-stylesheet)", re.I)


def check_size(field_file, limit_key):
    limit = settings.CAMPAIGN_UPLOAD_LIMITS[limit_key]
    if field_file.size > limit:
        raise ValidationError(
            _("This file is %(size)s; the limit is %(limit)s."),
            params={"size": filesizeformat(field_file.size), "limit": filesizeformat(limit)},
            code="too_large",
        )


def check_no_markup(fileobj):
    """A file that is also an HTML or SVG document (a polyglot) is refused."""
    fileobj.seek(0)
    previous = b""
    while chunk := fileobj.read(1024 * 1024):
        if EMBEDDED_MARKUP.search(previous[-32:] + chunk):
            fileobj.seek(0)
            raise ValidationError(
                _("This file also contains web page code, which is not allowed in uploads."),
                code="embedded_markup",
            )
        previous = chunk
    fileobj.seek(0)


def stored_name(name, extension, fallback, allow_unicode=False):
    """The name a file is stored under: a slug of the uploader's name and the extension that
    its content proved, never the extension it arrived with."""
    stem = slugify(PurePath(name).stem, allow_unicode=allow_unicode)[:80]
    return f"{stem or fallback}.{extension}"
