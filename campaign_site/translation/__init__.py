"""Translation: which translation of a page is live, and the work of making it.

Owns the links between a page's live translations (language switcher, hreflang, sitemap, the
"also in other languages" items of listings) and the page mixin every public page uses
(``published``), translation by country teams who may edit but not publish (``team_admin``), the
coverage matrix of every item by language (``coverage``), suggestions kept from a changed source
(``suggestions``) and the development machine translator (``pseudo``). Creates a Wagtail locale
per configured language after ``migrate``.

May import: ``campaign_site.languages``, ``delivery``, ``editorial``.
"""
