"""Builds the demo campaign: a home page and its sections in every language.

Translations go through wagtail-localize exactly as a translator's work would: the English
page is submitted for translation, a PO file of its segments is filled in and imported, and
the translated page is published. The pages therefore stay synced with their source.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
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


def welcome_pages():
    """The placeholder page Wagtail's installer makes: a plain, childless Page serving a site."""
    return Page.objects.filter(
        depth=2,
        numchild=0,
        content_type=ContentType.objects.get_for_model(Page),
        sites_rooted_here__isnull=False,
    )


def other_content_exists():
    return Page.objects.filter(depth__gt=1).exclude(pk__in=welcome_pages()).exists()


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
    welcome = list(welcome_pages().filter(sites_rooted_here=site)) if site.pk else []
    site.hostname = address.hostname
    site.port = address.port or (443 if address.scheme == "https" else 80)
    site.site_name = text.HOME_TITLE
    site.root_page = home
    site.save()
    for page in welcome:  # Wagtail's "Welcome to your new Wagtail site!", now serving nothing
        page.delete()


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
