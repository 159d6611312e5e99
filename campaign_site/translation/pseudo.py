"""A pseudo-translator for development: wagtail-localize's "Translate" button works without a
translation service. Its output is plainly not a translation: each segment is marked with the
target language (``[fr] ...``) and its letters accented (``Ŝţöŕý``), so an untranslated or
clipped string stands out in the page, while markup (wagtail-localize's inline tags), and
placeholders (``%(name)s``, ``%s``, ``{name}``, ``{{ name }}``) and addresses are kept as
they are. Never for production: settings choose it only with ``PSEUDO_TRANSLATION=true`` or in
``settings.dev`` when no real translator is configured."""

import re

from bs4 import BeautifulSoup, NavigableString

from django.utils.translation import gettext_lazy as _

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

ACCENTED = str.maketrans("AaCcEeGgIiLlNnOoRrSsTtUuYyZz", "ÅåÇçÉéĜĝÎîĹĺÑñÖöŔŕŠšŢţÜüÝýŽž")
# kept as written: placeholders of every templating style here, and addresses
KEPT = re.compile(
    r"(%\(\w+\)[sd]|%[sd]|\{\{.*?\}\}|\{[\w.]*\}|https?://\S+|[\w.+-]+@[\w-]+\.[\w.]+)"
)


def pseudo(text):
    return "".join(
        piece if KEPT.fullmatch(piece) else piece.translate(ACCENTED) for piece in KEPT.split(text)
    )


def pseudo_html(html, language):
    soup = BeautifulSoup(html, "html.parser")
    for node in list(soup.find_all(string=True)):
        if isinstance(node, NavigableString):
            node.replace_with(pseudo(str(node)))
    return f"[{language}] {soup}"


class PseudoTranslator(BaseMachineTranslator):
    display_name = _("Pseudo-translation (development only)")

    def translate(self, source_locale, target_locale, strings):
        language = target_locale.language_code
        return {string: StringValue(pseudo_html(string.data, language)) for string in strings}

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code != target_locale.language_code
