from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views.serve import serve as serve_document

from campaign_site.api import api_router
from campaign_site.delivery import health
from campaign_site.delivery.responses import harden
from campaign_site.media.serving import serve_stored_file
from campaign_site.pages.oembed import oembed
from campaign_site.pages.sharing import share
from campaign_site.pages.sitemap import MultilingualSitemap
from campaign_site.pages.views import page_file_without_slash, serve_page, serve_page_file


def serve_hardened_document(request, document_id, document_filename):
    """Wagtail's document view (collection privacy, PDF inline, the rest as attachments),
    with the headers every stored file gets; its login redirect and password form as they are."""
    response = serve_document(request, document_id, document_filename)
    return harden(response) if response.streaming else response


handler404 = "campaign_site.pages.views.page_not_found"

urlpatterns = [
    path("healthz/", health.live, name="healthz"),
    path("healthz/ready/", health.ready, name="healthz_ready"),
    path("admin/", include(wagtailadmin_urls)),
    re_path(r"^documents/(\d+)/(.*)$", serve_hardened_document, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    # every other stored file, whatever the storage: see stored_files.py
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve_stored_file, name="stored_file"),
    path("api/v2/", api_router.urls),
    path("share/<slug:network>/", share, name="share"),
    path("oembed/", oembed, name="oembed"),
    path("lti/", include("training.urls")),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": MultilingualSitemap}},
        name="sitemap",
    ),
]

# Every page lives under /<lang>/; "/" is redirected by LocaleMiddleware from Accept-Language.
urlpatterns += i18n_patterns(
    re_path(r"^(?P<path>(?:[\w\-]+/)+[\w\-]+\.(?:xml|json|zip))$", serve_page_file),
    re_path(r"^(?P<path>(?:[\w\-]+/)+[\w\-]+\.(?:xml|json|zip))/$", page_file_without_slash),
    # Wagtail's page view with the path read in one query (core/routing.py); same name, same pattern
    re_path(r"^((?:[\w\-]+/)*)$", serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
