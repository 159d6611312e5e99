"""The caches in front of the app hosts (Varnish: deploy/varnish/default.vcl), reached through
Wagtail's frontend cache. Its HTTP backend sends a PURGE per changed address; the VCL drops
every variant of that path (all query strings, encodings, Save-Data). A change shown on every
page (the main menu) is one BAN of the whole site instead of a PURGE of every page; a video
withdrawn is a BAN of the folder of what was made from it."""

import logging
from urllib.error import URLError
from urllib.request import Request, urlopen

from django_tasks import task

from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger("wagtail.frontendcache")


class VarnishBackend(HTTPBackend):
    def ban(self, prefix):
        """Drop everything whose path starts with ``prefix``."""
        # the configured cache's own address
        request = Request(f"{self.cache_scheme}://{self.cache_netloc}{prefix}", method="BAN")  # noqa: S310
        try:
            urlopen(request, timeout=10)  # noqa: S310
        except URLError as error:
            logger.error("Couldn't ban %s from %s: %s", prefix, self.cache_netloc, error)


@task()
def ban(prefix):
    for backend in get_backends().values():
        if isinstance(backend, VarnishBackend):
            backend.ban(prefix)
