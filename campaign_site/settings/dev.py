from .base import *

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
# The translation editor's "Translate" button works without a service: a marked
# pseudo-translation, unless a real translator is configured (or PSEUDO_TRANSLATION=false).
if "WAGTAILLOCALIZE_MACHINE_TRANSLATOR" not in globals() and (
    os.environ.get("PSEUDO_TRANSLATION", "").lower() != "false"
):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "campaign_site.translation.pseudo.PseudoTranslator"
    }
