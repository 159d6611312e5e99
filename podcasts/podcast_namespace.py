"""A feedgen extension for the Podcasting 2.0 namespace, which feedgen does not ship:
podcast:guid, locked, funding, medium, block, license, location, txt, podroll, images, trailer,
person, season, episode, soundbite, socialInteract, transcript and chapters. Also itunes:explicit,
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
        self.block = False
        self.license = None  # (name, url)
        self.location = None  # (name, geo URI)
        self.txt = None  # ownership verification
        self.podroll = []  # (feed guid, feed url)
        self.images = []  # (url, width)
        self.trailers = []  # (title, url, RFC 2822 date, length, mime type, season)
        self.persons = []  # (name, role, img, href)

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
        if self.block:
            sub(channel, PODCAST_NS, "block", "yes")
        if self.license:
            name, url = self.license
            sub(channel, PODCAST_NS, "license", name, url=url)
        if self.location:
            name, geo = self.location
            sub(channel, PODCAST_NS, "location", name, geo=geo)
        if self.txt:
            sub(channel, PODCAST_NS, "txt", self.txt, purpose="verify")
        if self.podroll:
            podroll = sub(channel, PODCAST_NS, "podroll")
            for guid, url in self.podroll:
                sub(podroll, PODCAST_NS, "remoteItem", feedGuid=guid, feedUrl=url)
        if self.images:
            srcset = ", ".join(f"{url} {width}w" for url, width in self.images)
            sub(channel, PODCAST_NS, "images", srcset=srcset)
        for title, url, pubdate, length, mime_type, season in self.trailers:
            sub(
                channel,
                PODCAST_NS,
                "trailer",
                title,
                url=url,
                pubdate=pubdate,
                length=length,
                type=mime_type,
                season=season,
            )
        for name, role, img, href in self.persons:
            sub(channel, PODCAST_NS, "person", name, group="cast", role=role, img=img, href=href)
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
        self.season = None
        self.episode = None
        self.soundbite = None  # (start seconds, duration seconds, title)
        self.social_interact = None  # (uri, protocol)

    def extend_rss(self, entry):
        if self.season:
            sub(entry, PODCAST_NS, "season", self.season)
        if self.episode:
            sub(entry, PODCAST_NS, "episode", self.episode)
        if self.soundbite:
            start, duration, title = self.soundbite
            sub(entry, PODCAST_NS, "soundbite", title, startTime=start, duration=duration)
        if self.social_interact:
            uri, protocol = self.social_interact
            sub(entry, PODCAST_NS, "socialInteract", uri=uri, protocol=protocol, priority=1)
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
