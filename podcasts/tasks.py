"""Background work of the podcasts app, run by the task worker (django-tasks)."""

import urllib.parse
import urllib.request

from django_tasks import task

from django.conf import settings

HUB_TIMEOUT = 10


@task()
def notify_hub(feed_urls):
    """WebSub publish notification: the hub then fetches the feeds and pushes them to the apps
    that subscribed. A hub that fails raises, so the worker records the failure."""
    for feed_url in feed_urls:
        data = urllib.parse.urlencode({"hub.mode": "publish", "hub.url": feed_url}).encode()
        # the hub is the site's own setting, an http(s) address
        hub = urllib.request.Request(settings.WEBSUB_HUB_URL, data=data, method="POST")  # noqa: S310
        with urllib.request.urlopen(hub, timeout=HUB_TIMEOUT):  # noqa: S310
            pass
