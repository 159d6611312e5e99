"""Sharing and search engines: Open Graph locale, schema.org VideoObject, share links that
carry no third-party script (and no third-party URL until the visitor clicks)."""

import json
from urllib.parse import quote, urlsplit

from babel.core import get_global

from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.utils.html import mark_safe
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import Page, Site

from campaign_site.delivery.responses import count_as

SHARE_TARGETS = {
    "whatsapp": "https://wa.me/?text={text}%20{url}",
    "facebook": "https://www.facebook.com/sharer/sharer.php?u={url}",
    "x": "https://x.com/intent/post?url={url}&text={text}",
    "telegram": "https://t.me/share/url?url={url}&text={text}",
    "linkedin": "https://www.linkedin.com/sharing/share-offsite/?url={url}",
}


def og_locale(language_code):
    """Open Graph wants language_TERRITORY: fr -> fr_FR, ar -> ar_EG, fil -> fil_PH (CLDR)."""
    likely = get_global("likely_subtags").get(language_code.replace("-", "_"), language_code)
    parts = likely.split("_")
    territory = next((part for part in parts[1:] if len(part) == 2 or part.isdigit()), "")
    return f"{parts[0]}_{territory}" if territory else parts[0]


def json_ld(data):
    """JSON for a <script type="application/ld+json">, safe against </script> in content."""
    text = json.dumps(data, ensure_ascii=False)
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))  # noqa: S308


def iso_duration(seconds):
    return f"PT{round(seconds)}S"


def video_object(page, request):
    """schema.org VideoObject for a page with a video; None without one."""
    video = page.video
    if video is None:
        return None
    data = {
        "@context": "https://schema.org",
        "@type": "VideoObject",
        "name": page.title,
        "description": page.summary,
        "uploadDate": (page.first_published_at or video.created_at).isoformat(),
        "duration": iso_duration(video.duration),
        "contentUrl": request.build_absolute_uri(video.url),
        "embedUrl": page.get_full_url(request) + "embed/",
        "inLanguage": page.locale.language_code,
    }
    if video.poster:
        data["thumbnailUrl"] = request.build_absolute_uri(
            video.poster.get_rendition("fill-1280x720|format-jpeg").url
        )
    return json_ld(data)


def share_path(network, url, text="", page=None):
    path = f"/share/{network}/?url={quote(url, safe='')}&text={quote(text, safe='')}"
    return f"{path}&page={page.pk}" if page is not None else path


@require_GET
def share(request, network):
    """Redirect to a network's share dialog for one of our own pages."""
    url = request.GET.get("url", "")
    target = SHARE_TARGETS.get(network)
    hosts = {request.get_host(), *Site.objects.values_list("hostname", flat=True)}
    if (
        target is None
        or not url_has_allowed_host_and_scheme(url, hosts, require_https=False)
        or not urlsplit(url).netloc
    ):
        return HttpResponseBadRequest(_("This link cannot be shared."))
    text = request.GET.get("text", "")[:300]
    response = HttpResponseRedirect(
        target.format(url=quote(url, safe=""), text=quote(text, safe=""))
    )
    page_id = request.GET.get("page", "")
    if page_id.isdigit():  # a click counts for the page and network shared (campaign_site.reach)
        page = Page.objects.live().select_related("locale").filter(pk=page_id).first()
        if page is not None:
            count_as(response, "share", page, source=network)
    return response
