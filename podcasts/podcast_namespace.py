"""A feedgen extension for the Podcasting 2.0 namespace, which feedgen does not ship:
podcast:guid, locked, funding, medium, transcript, chapters, person. Also itunes:explicit,
which feedgen's iTunes extension writes in an outdated form, and the atom:link elements feedgen
leaves out of RSS (alternates in other languages, the WebSub hub)."""

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from lxml import etree

# The spec accepts this namespace URI and https://podcastindex.org/namespace/1.0 alike; apps such
# as gPodder (podcastparser) read the podcast: tags only under this one.
PODCAST_NS = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
ATOM_NS = "http://www.w3.org/2005/Atom"


def sub(parent, namespace, tag, text=None, **attributes):
    element = etree.SubElement(parent, f"{{{namespace}}}{tag}")
    for name, value in attributes.items():
        if value not in (None, ""):
            element.set(name, str(value))
    if text is not None:
        element.text = str(text)
    return element


class PodcastIndexExtension(BaseExtension):
    def __init__(self):
        self.guid = None
        self.locked = None  # (True/False, owner email)
        self.funding = None  # (url, text)
        self.medium = "podcast"
        self.explicit = False
        self.alternates = []  # (hreflang, url, title)
        self.hub = None  # WebSub

    def extend_ns(self):
        return {"podcast": PODCAST_NS, "atom": ATOM_NS}

    def extend_rss(self, rss_feed):
        channel = rss_feed[0]
        if self.guid:
            sub(channel, PODCAST_NS, "guid", self.guid)
        if self.locked is not None:
            is_locked, owner = self.locked
            sub(channel, PODCAST_NS, "locked", "yes" if is_locked else "no", owner=owner)
        if self.funding:
            url, text = self.funding
            sub(channel, PODCAST_NS, "funding", text, url=url)
        sub(channel, PODCAST_NS, "medium", self.medium)
        # Apple's current spec wants true/false; feedgen only writes yes/no/clean.
        sub(channel, ITUNES_NS, "explicit", "true" if self.explicit else "false")
        if self.hub:
            sub(channel, ATOM_NS, "link", rel="hub", href=self.hub)
        for hreflang, url, title in self.alternates:
            sub(
                channel,
                ATOM_NS,
                "link",
                rel="alternate",
                type="application/rss+xml",
                hreflang=hreflang,
                href=url,
                title=title,
            )
        return rss_feed


class PodcastIndexEntryExtension(BaseEntryExtension):
    def __init__(self):
        self.transcripts = []  # (url, mime type, language)
        self.chapters_url = None
        self.persons = []  # (name, role, img, href)

    def extend_rss(self, entry):
        for url, mime_type, language in self.transcripts:
            # WebVTT is timed: apps may show it as captions while playing
            sub(
                entry,
                PODCAST_NS,
                "transcript",
                url=url,
                type=mime_type,
                language=language,
                rel="captions" if mime_type == "text/vtt" else None,
            )
        if self.chapters_url:
            sub(
                entry,
                PODCAST_NS,
                "chapters",
                url=self.chapters_url,
                type="application/json+chapters",
            )
        for name, role, img, href in self.persons:
            # hosts and guests are all of the "cast" group of the namespace's taxonomy
            sub(entry, PODCAST_NS, "person", name, group="cast", role=role, img=img, href=href)
        return entry
