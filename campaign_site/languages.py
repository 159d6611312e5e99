"""The campaign's languages, configured in one place, described by Babel (CLDR).

Django's own language table lacks some campaign languages (Amharic, Filipino, ...), so every
fact about a language (endonym, English name, script direction) comes from Babel instead.
This module imports nothing from Django so that settings can use it.
"""

import unicodedata
from functools import cache

from babel import Locale

# Order is the order of the language switcher. The first language is the default.
CAMPAIGN_LANGUAGES = ("en", "fr", "es", "pt", "ar", "bn", "am", "ka", "sr", "fil")
DEFAULT_LANGUAGE = CAMPAIGN_LANGUAGES[0]

CAPITALISED_SCRIPTS = {"LATIN", "CYRILLIC", "GREEK", "ARMENIAN"}


@cache
def babel_locale(language_code: str) -> Locale:
    """The Babel locale for a Django/BCP 47 language code such as "pt-br" or "fil"."""
    return Locale.parse(language_code.replace("-", "_"))


def english_name(language_code: str) -> str:
    return babel_locale(language_code).get_display_name("en")


def endonym(language_code: str) -> str:
    """The language's name in itself, capitalised as a menu item ("Français", "ქართული")."""
    name = babel_locale(language_code).get_display_name(babel_locale(language_code))
    # Only bicameral scripts start a menu item with a capital. Georgian has capitals
    # (Mtavruli) but never uses them for this.
    if unicodedata.name(name[0]).split()[0] in CAPITALISED_SCRIPTS:
        return name[0].upper() + name[1:]
    return name


def is_rtl(language_code: str) -> bool:
    return babel_locale(language_code).character_order == "right-to-left"


def lang_info(language_code: str) -> dict:
    """An entry in the shape of Django's ``django.conf.locale.LANG_INFO``."""
    return {
        "bidi": is_rtl(language_code),
        "code": language_code,
        "name": english_name(language_code),
        "name_local": endonym(language_code),
    }


# (code, English name) pairs for Django's LANGUAGES and Wagtail's content languages.
LANGUAGES = [(code, english_name(code)) for code in CAMPAIGN_LANGUAGES]
