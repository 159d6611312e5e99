from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from campaign_site.api import api_router
from campaign_site.core.oembed import oembed
from campaign_site.core.sharing import share
from campaign_site.core.sitemap import MultilingualSitemap
from campaign_site.core.views import serve_media, serve_page_file

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("share/<slug:network>/", share, name="share"),
    path("oembed/", oembed, name="oembed"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": MultilingualSitemap}},
        name="sitemap",
    ),
]

if settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage":
    # Uploads on local disk are served by the site itself, with HTTP Range support.
    urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve_media, name="media")]

# Every page lives under /<lang>/; "/" is redirected by LocaleMiddleware from Accept-Language.
urlpatterns += i18n_patterns(
    re_path(r"^(?P<path>(?:[\w\-]+/)+[\w\-]+\.(?:xml|json|zip))$", serve_page_file),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
