"""Reach without tracking: what the campaign's material reached, in which language, and where it
did not, counted first-party and kept only as daily totals.

Counted, per page (story, episode, module, any page), language and day: page views, video plays
(started, and reaching 25/50/90 %, sent by the player as beacons), podcast downloads by the IAB
Podcast Measurement Technical Guidelines 2.2 (``downloads``), embed loads per host page origin,
training package downloads and share clicks per network. Never stored: addresses, user agents,
cookies or anything else that tells one person from another; a listener is, for one UTC day, a
hash of address and user agent under a salt that is thrown away the day after. Requests that say
Do Not Track or Global Privacy Control, and known bots, are not counted.

Counting is one increment of a shared counter (Redis when ``REDIS_URL`` is set, else a row of
the database); ``manage.py flush_reach`` (cron, every few minutes) moves Redis's counters into the
daily rows and drops rows older than ``REACH_RETENTION_DAYS``.

Views and the page cache do not depend on this app: a response says what it shows in its
``counted`` attribute (``campaign_site.delivery.responses.count_as``), which the page cache keeps
with the response, and the middleware here counts it on its way out.
"""
