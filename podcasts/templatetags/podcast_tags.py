from urllib.parse import quote

from django import template
from django.conf import settings

register = template.Library()


@register.inclusion_tag("podcasts/includes/subscribe.html", takes_context=True)
def podcast_subscribe(context, show):
    """The feed address to copy, and app links from settings.PODCAST_APP_LINKS."""
    feed_url = show.get_feed_url(context.get("request"))
    without_scheme = feed_url.split("://", 1)[-1]
    return {
        "feed_url": feed_url,
        "app_links": [
            (name, pattern.format(feed_url=quote(feed_url, safe=""), feed=without_scheme))
            for name, pattern in settings.PODCAST_APP_LINKS
        ],
    }
