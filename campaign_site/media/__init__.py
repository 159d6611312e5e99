"""Media: stored audio and video, and every way a stored file leaves the site.

Owns the media model (wagtailmedia's, with a poster, subtitle tracks and what is made from a
video: ``models``), the checks every upload passes, by content (``inspection``, ``uploads``,
``forms`` for media, images and documents), subtitle files (``subtitles``), the renditions
pipeline (``ffmpeg`` runs the programs, ``renditions`` holds the ladder and the commands,
``tasks`` runs them on the worker's "media" queue), the player's data (``player``), the media
chooser of a translation (``chooser``), who may edit subtitle tracks (``permissions``), the
private object store (``storage``) and the one way out for stored files (``serving``: consent
reaches a stored file there, through its ``withheld`` and ``withdrawn`` signals).

May import: ``campaign_site.languages``, ``delivery``, ``editorial``. The content apps speak to
it through signals (``serving.withheld``, ``serving.file_sent``), never the other way round.
"""
