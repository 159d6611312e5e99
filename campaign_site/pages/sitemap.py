from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from campaign_site.translation.published import (
    live_translations,
    public,
    translation_links,
    x_default,
)


class MultilingualSitemap(Sitemap):
    """Every live public page of every language, each with its hreflang alternates.

    Wagtail's own sitemap walks the site's root page, which is in the default language only.
    """

    def items(self):
        roots = Page.objects.filter(
            translation_key=self.get_wagtail_site().root_page.translation_key
        )
        under_a_root = Q()
        for root in roots:
            under_a_root |= Q(path__startswith=root.path)
        return (
            public(Page.objects.filter(under_a_root).live())
            .select_related("locale")
            .defer_streamfields()
            .order_by("path")
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        translations = live_translations(pages)
        urls = []
        for item in pages:
            links = translation_links(translations[item.translation_key], item, self.request)
            alternates = [{"lang_code": link.language_code, "location": link.url} for link in links]
            if default := x_default(links):
                alternates.append({"lang_code": "x-default", "location": default.url})
            urls.append(
                {
                    "item": item,
                    "location": item.get_full_url(self.request),
                    "lastmod": self.lastmod(item),
                    "alternates": alternates,
                }
            )
        lastmods = [url["lastmod"] for url in urls if url["lastmod"]]
        if lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
