"""Builds the demo campaign: a home page and its sections in every language.

Translations go through wagtail-localize exactly as a translator's work would: the English
page is submitted for translation, a PO file of its segments is filled in and imported, and
the translated page is published. The pages therefore stay synced with their source.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from wagtail.models import Locale, Page, Site

from campaign_site.delivery.page_cache import purge_everything
from campaign_site.languages import DEFAULT_LANGUAGE
from campaign_site.pages.models import HomePage
from podcasts.models import PodcastsIndexPage
from stories.models import StoriesIndexPage, StoryPage
from training.models import TrainingIndexPage

from . import campaign_text as text
from .helpers import child, sync_translations, translate_into
from .podcasts import load_demo_podcast
from .stories import load_demo_stories
from .training import load_demo_modules

HOME_SLUG = "campaign"
FEATURED_STORY = "a-tailoring-shop-in-sylhet"


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


def set_up_site(home):
    """Serve the demo from the default site, at the address the admin is configured with."""
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    welcome = list(welcome_pages().filter(sites_rooted_here=site)) if site.pk else []
    site.site_name = text.HOME_TITLE
    site.root_page = home
    at_configured_address(site)
    site.save()
    purge_everything()
    for page in welcome:  # Wagtail's "Welcome to your new Wagtail site!", now serving nothing
        page.delete()


def at_configured_address(site):
    """Give the site the host and port of WAGTAILADMIN_BASE_URL; whether they changed."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    port = address.port or (443 if address.scheme == "https" else 80)
    moved = (site.hostname, site.port) != (address.hostname, port)
    site.hostname, site.port = address.hostname, port
    return moved


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
    else:
        # The demo site follows WAGTAILADMIN_BASE_URL (`make run HOST=... PORT=...` sets it), so
        # links in feeds, embed codes, oEmbed and share links point where it is served; pages
        # kept with the old address are purged.
        demo_site = Site.objects.filter(is_default_site=True, root_page=home).first()
        if demo_site and at_configured_address(demo_site):
            demo_site.save()
            purge_everything()

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

    all_languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    for page in [home, *sections]:
        created += [page] * translate_into(
            page, all_languages, lambda code: text.TRANSLATIONS.get(code, {})
        )

    created += load_demo_stories(sections[0])
    created += load_demo_podcast(sections[1])
    created += load_demo_modules(sections[2])
    if home in created:
        featured = StoryPage.objects.descendant_of(sections[0]).get(slug=FEATURED_STORY)
        campaign_home(home, sections, featured)
        sync_translations(home, lambda code: text.TRANSLATIONS.get(code, {}))
    return created


def campaign_home(home, sections, featured):
    """The home page's blocks, once the sections have something to show: the campaign's
    opening words, a featured story, the latest stories, a key fact, the podcast and training
    teasers and a call to listen. Its translations are remade from the new English text."""
    stories, podcasts, training = sections
    home.body = [
        ("intro", {"heading": text.INTRO_HEADING, "text": f"<p>{text.INTRO_TEXT}</p>"}),
        (
            "featured_item",
            {
                "heading": text.FEATURED_STORY_HEADING,
                "page": featured,
                "button_label": text.FEATURED_STORY_BUTTON,
            },
        ),
        (
            "latest",
            {
                "heading": text.LATEST_STORIES,
                "section": stories,
                "count": 3,
                "link_label": text.ALL_STORIES,
            },
        ),
        ("key_fact", {"statement": text.HOME_FACT, "source_title": text.HOME_FACT_SOURCE}),
        (
            "latest",
            {
                "heading": text.LATEST_EPISODES,
                "section": podcasts,
                "count": 2,
                "link_label": text.ALL_PODCASTS,
            },
        ),
        (
            "latest",
            {
                "heading": text.LATEST_MODULES,
                "section": training,
                "count": 3,
                "link_label": text.ALL_MODULES,
            },
        ),
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
