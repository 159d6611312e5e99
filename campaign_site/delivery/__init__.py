"""Delivery: how a response leaves the site, whatever page made it.

Owns the anonymous page cache and its exact purge (``page_cache``; ``signals`` decides a purge
when Wagtail publishes, unpublishes, moves or deletes a page), compression (``compression``),
hardened headers, byte ranges and what a response counts as (``responses``), who may frame a
page (``framing``), the client's address behind the proxy (``security``), and the visitor's
language (``middleware``).

May import: ``campaign_site.languages``. Every other room and app sits on this one.
"""
