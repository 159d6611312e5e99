"""Pages: what every public page is built from.

Owns the campaign home and section pages and the vocabularies pages are filed under (countries
and themes as translatable snippets, the fixed vocabularies of the integrated approach to
reintegration, ``models``, ``vocabularies``, ``fields``), the home's blocks (``blocks``), routing
in one query (``routing``), the page views and the 404 in other languages (``views``), the XML
sitemap (``sitemap``), sharing and structured data (``sharing``), the oEmbed provider
(``oembed``) and the template tags every template loads (``templatetags.campaign_tags``).

Its app label is still ``core`` (see ``apps.py``). May import: ``campaign_site.languages``,
``delivery``, ``editorial``, ``translation``, ``media``.
"""
