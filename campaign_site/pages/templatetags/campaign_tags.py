from babel.dates import format_date
from babel.lists import format_list

from django import template
from django.apps import apps
from django.conf import settings
from django.utils.translation import get_language

from campaign_site.languages import babel_locale
from campaign_site.media.player import ladder, player_tracks, timestamp
from campaign_site.pages.oembed import discovery_links
from campaign_site.pages.routing import localized_home
from campaign_site.pages.sharing import SHARE_TARGETS, og_locale, share_path

register = template.Library()


@register.filter
def local_date(value, format="long"):
    """A date in the active language's CLDR format, also for languages Django lacks."""
    if not value:
        return ""
    return format_date(value, format=format, locale=babel_locale(get_language()))


@register.filter
def local_list(items):
    """Items joined as the active language joins a list (CLDR: "A, B and C", "A وB وC",
    "A፣ B እና C"): a comma and "and" are not universal."""
    items = [str(item) for item in items]
    return format_list(items, locale=babel_locale(get_language())) if items else ""


@register.simple_tag(takes_context=True)
def campaign_home(context):
    """The active language's home page (the one routing read, if it did)."""
    request = context.get("request")
    return localized_home(request) if request is not None else None


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    home = campaign_home(context)
    current = context.get("page")
    sections = [
        (section, bool(current and current.path.startswith(section.path)))
        for section in (home.get_children().live().in_menu() if home else [])
    ]
    # with the request, page URLs share one lookup of the site roots per request
    return {"home": home, "sections": sections, "request": context.get("request")}


@register.inclusion_tag("components/video_player.html", takes_context=True)
def video_player(context, video, mirror=None, embedded=False):
    """The one video player of the site: stories and training modules both use it, on their
    pages and in their embed views (``embedded``)."""
    request = context.get("request")
    language_code = get_language()
    tracks, default_track = player_tracks(video, language_code)
    save_data = bool(request and request.headers.get("Save-Data", "").lower() == "on")
    return {
        "video": video,
        "withheld": video.withdrawn,
        "ladder": ladder(video, language_code, save_data),
        "tracks": tracks,
        "default_track": default_track,
        "transcript_track": default_track,
        "save_data": save_data,
        "use_data_saver": save_data and bool(video.data_saver_file),
        "mirror": mirror,
        "embedded": embedded,
        # plays are counted (campaign_site.reach) for the page showing the video
        "page": context.get("page"),
        "beacon_path": settings.REACH_BEACON_PATH,
    }


@register.inclusion_tag("components/audio_player.html", takes_context=True)
def audio_player(context, audio, url=None):
    """An episode's player: native audio, file size, and the transcript in the page language.
    ``url`` is the episode's own address of the file, which counts its downloads."""
    tracks, transcript_track = player_tracks(audio, get_language())
    return {
        "audio": audio,
        "src": url or audio.url,
        "tracks": tracks,
        "transcript_track": transcript_track,
    }


register.filter("timestamp", timestamp)


@register.inclusion_tag("components/share_links.html", takes_context=True)
def share_links(context, page):
    request = context["request"]
    url = page.get_full_url(request)
    return {
        "url": url,
        "links": [
            (network, share_path(network, url, page.title, page)) for network in SHARE_TARGETS
        ],
        "title": page.title,
    }


register.filter("og_locale", og_locale)


@register.inclusion_tag("components/oembed_links.html", takes_context=True)
def oembed_links(context, page):
    return {"links": discovery_links(page, context["request"]), "title": page.title}


@register.inclusion_tag("components/content_elsewhere.html", takes_context=True)
def content_elsewhere(context, page, listed_model):
    """Under an empty listing: the languages in which this section lists something."""
    model = apps.get_model(listed_model)
    return {"links": page.translations_listing(model, context.get("request"))}
