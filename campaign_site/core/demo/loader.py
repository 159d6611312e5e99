"""Builds the demo campaign: a home page and its sections in every language.

Translations go through wagtail-localize exactly as a translator's work would: the English
page is submitted for translation, a PO file of its segments is filled in and imported, and
the translated page is published. The pages therefore stay synced with their source.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from campaign_site.core.models import HomePage
from campaign_site.languages import DEFAULT_LANGUAGE
from podcasts.models import PodcastsIndexPage
from stories.models import StoriesIndexPage
from training.models import TrainingIndexPage

from . import text

HOME_SLUG = "campaign"


class OtherContentError(Exception):
    pass


def other_content_exists():
    """Pages beyond the tree root and the welcome page Wagtail's installer creates."""
    welcome = Page.objects.filter(
        depth=2, content_type__model="page", content_type__app_label="wagtailcore"
    )
    return Page.objects.filter(depth__gt=1).exclude(pk__in=welcome).exists()


def child(parent, model, slug, **fields):
    """The parent's child with this slug, created and published if missing (never changed)."""
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing:
        return existing, False
    page = parent.add_child(instance=model(slug=slug, **fields))
    page.save_revision().publish()
    return page, True


@transaction.atomic
def translate(page, locale):
    """Translate a page into a locale through wagtail-localize, with the demo's translations."""
    translate_object(page, [locale])
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    strings = text.TRANSLATIONS.get(locale.language_code, {})
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, "")
    translation.import_po(po)
    translation.save_target(publish=True)


def set_up_site(home):
    """Serve the demo from the default site, at the address the admin is configured with."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    old_root = site.root_page if site.pk else None
    site.hostname = address.hostname
    site.port = address.port or (443 if address.scheme == "https" else 80)
    site.site_name = text.HOME_TITLE
    site.root_page = home
    site.save()
    if old_root is None:
        return
    if (
        old_root.specific_class is Page
        and old_root.depth == 2
        and not old_root.get_children().exists()
    ):
        old_root.delete()  # Wagtail's "Welcome to your new Wagtail site!"


def load_demo_campaign(force=False):
    """Create whatever part of the demo campaign is missing. Returns the pages it created.

    Not one transaction: wagtail-localize publishes a translation when its transaction commits,
    and a translated parent must be published before its children are added to it.
    """
    source_locale = Locale.objects.get(language_code=DEFAULT_LANGUAGE)
    home = HomePage.objects.filter(locale=source_locale, depth=2, slug=HOME_SLUG).first()
    created = []
    if home is None:
        if other_content_exists() and not force:
            raise OtherContentError(
                "The database holds content that is not the demo campaign; "
                "use --force to add the demo campaign beside it."
            )
        home = Page.get_first_root_node().add_child(
            instance=HomePage(
                title=text.HOME_TITLE,
                slug=HOME_SLUG,
                tagline=text.HOME_TAGLINE,
                locale=source_locale,
            )
        )
        created.append(home)
        set_up_site(home)

    sections = []
    for model, slug, title, intro in [
        (StoriesIndexPage, "stories", text.STORIES_TITLE, text.STORIES_INTRO),
        (PodcastsIndexPage, "podcasts", text.PODCASTS_TITLE, text.PODCASTS_INTRO),
        (TrainingIndexPage, "training", text.TRAINING_TITLE, text.TRAINING_INTRO),
    ]:
        section, is_new = child(home, model, slug, title=title, intro=intro, show_in_menus=True)
        sections.append(section)
        if is_new:
            created.append(section)

    if home in created:
        stories, podcasts, _training = sections
        home.body = [
            (
                "intro",
                {"heading": text.INTRO_HEADING, "text": f"<p>{text.INTRO_TEXT}</p>"},
            ),
            ("featured", {"heading": text.FEATURED_HEADING, "pages": sections}),
            (
                "call_to_action",
                {
                    "heading": text.CTA_HEADING,
                    "text": text.CTA_TEXT,
                    "button_label": text.CTA_BUTTON,
                    "link_page": podcasts,
                },
            ),
        ]
        home.save_revision().publish()

    for page in [home, *sections]:
        for locale in Locale.objects.exclude(pk=source_locale.pk):
            if not page.has_translation(locale):
                translate(page, locale)
                created.append(page)
    return created
