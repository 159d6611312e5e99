import re

from babel import Locale, UnknownLocaleError

from django.middleware.locale import LocaleMiddleware
from django.urls import is_valid_path
from django.utils.translation import get_language_from_path, get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header

LANGUAGE_LIKE = re.compile(r"^/([a-z]{2,3}(?:[-_][a-z0-9]{2,8})?)(?:/|$)", re.IGNORECASE)


def is_unsupported_language_prefix(path):
    """True for /de/... or /zh-hant/...: a real language, but not one of ours."""
    match = LANGUAGE_LIKE.match(path)
    if not match or get_language_from_path(path):
        return False
    try:
        Locale.parse(match.group(1).replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return False
    return True


class CampaignLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware retries any 404 under a language prefix. Two cases must stay
    plain 404s: a language we do not publish in (/de/ would become /en/de/, hiding the
    mistake), and a URL outside the language tree whose view said 404 (/api/v2/pages/99/)."""

    def process_response(self, request, response):
        if response.status_code == 404 and (
            is_unsupported_language_prefix(request.path_info)
            or is_valid_path(request.path_info, getattr(request, "urlconf", None))
        ):
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)


def preferred_languages(request):
    """The campaign languages the visitor's browser asks for (Accept-Language), best first."""
    found = []
    for code, _quality in parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
        try:
            language = get_supported_language_variant(code)
        except LookupError:
            continue
        if language not in found:
            found.append(language)
    return found
