"""The figures behind the admin's reach reports, each read in a fixed number of queries
whatever the number of pages and days: the daily rows summed by the database, then the titles
of the pages they name and of those pages' parents (a story's country, an episode's series)."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncWeek

from wagtail.models import Page

from campaign_site.editorial.reports import editable_pages
from campaign_site.languages import CAMPAIGN_LANGUAGES, endonym
from campaign_site.translation.coverage import coverage, covered_models, parent_titles

from .models import DailyCount, Event
from .privacy import today

COUNTED = [event for event in Event if event != Event.ARRIVAL]
PERIODS = (4, 12, 26, 52)  # weeks
DEFAULT_WEEKS = 12


def visible_pages(user):
    """None for everything (moderators, editors: ``reach.view_all_reach``); else the pages the
    user may edit, which for a country team are its country's."""
    if user.has_perm("reach.view_all_reach"):
        return None
    return editable_pages(user)


def since(weeks):
    return today() - datetime.timedelta(weeks=weeks)


def counts(user, weeks, **filters):
    rows = DailyCount.objects.filter(day__gte=since(weeks), **filters)
    scope = visible_pages(user)
    return rows if scope is None else rows.filter(page__in=scope.values("pk"))


@dataclass
class Item:
    title: str
    section: str
    group: str


def items(page_ids):
    """Title, section (page type) and group (parent's title) of each page, in two queries."""
    pages = list(
        Page.objects.filter(pk__in=page_ids).values("pk", "title", "path", "content_type_id")
    )
    groups = parent_titles(pages)
    return {
        page["pk"]: Item(
            page["title"],
            str(ContentType.objects.get_for_id(page["content_type_id"]).name),
            groups[page["path"]],
        )
        for page in pages
    }


def with_items(entries):
    """Each summed entry with the page it names; entries of pages deleted since are left out."""
    entries = list(entries)
    named = items({entry["page_id"] for entry in entries})
    return [(named[entry["page_id"]], entry) for entry in entries if entry["page_id"] in named]


@dataclass
class ItemRow:
    """A report row about one page in one language."""

    item: Item
    language: str

    title = property(lambda self: self.item.title)
    section = property(lambda self: self.item.section)
    group = property(lambda self: self.item.group)
    language_name = property(lambda self: endonym(self.language))


@dataclass
class ReachRow(ItemRow):
    page_id: int
    week: datetime.date
    figures: dict = field(default_factory=dict)

    def __getattr__(self, event):  # a column per event: row.view, row.play90
        if event in Event.values:
            return self.__dict__["figures"].get(event, 0)
        raise AttributeError(event)


def reach(user, weeks=DEFAULT_WEEKS, language=None, group=None):
    """Item x language x week, every counted event a column; most viewed first."""
    rows = counts(user, weeks, event__in=COUNTED)
    if language:
        rows = rows.filter(language=language)
    summed = (
        rows.annotate(week=TruncWeek("day"))
        .values("page_id", "language", "week", "event")
        .annotate(total=Sum("count"))
        .order_by()
    )
    found = {}
    for entry in summed:
        key = (entry["page_id"], entry["language"], entry["week"])
        found.setdefault(key, {})[entry["event"]] = entry["total"]
    named = items({page_id for page_id, _language, _week in found})
    table = [
        ReachRow(named[page_id], language, page_id, week, figures)
        for (page_id, language, week), figures in found.items()
        if page_id in named and (not group or named[page_id].group == group)
    ]
    return sorted(table, key=lambda row: (-row.week.toordinal(), -row.view, row.title))


@dataclass
class SourceRow(ItemRow):
    event: str
    source: str
    total: int

    kind = property(lambda self: Event(self.event).label)


def sources(user, weeks=DEFAULT_WEEKS):
    """Where embeds were loaded (the framing site's origin) and shared to (the network)."""
    summed = (
        counts(user, weeks, event__in=[Event.EMBED, Event.SHARE])
        .values("page_id", "language", "event", "source")
        .annotate(total=Sum("count"))
        .order_by("-total")
    )
    return [
        SourceRow(item, entry["language"], entry["event"], entry["source"], entry["total"])
        for item, entry in with_items(summed)
    ]


@dataclass
class DownloadRow(ItemRow):
    last_7_days: int
    last_30_days: int
    total: int


def downloads(user, weeks=DEFAULT_WEEKS):
    """Podcast downloads per episode and language (IAB 2.2), as hosts report them."""
    day = today()
    summed = (
        counts(user, weeks, event=Event.DOWNLOAD)
        .values("page_id", "language")
        .annotate(
            total=Sum("count"),
            last_7_days=Sum("count", filter=Q(day__gt=day - datetime.timedelta(days=7))),
            last_30_days=Sum("count", filter=Q(day__gt=day - datetime.timedelta(days=30))),
        )
        .order_by("-total")
    )
    return [
        DownloadRow(
            item,
            entry["language"],
            entry["last_7_days"] or 0,
            entry["last_30_days"] or 0,
            entry["total"],
        )
        for item, entry in with_items(summed)
    ]


@dataclass
class LanguageGap:
    language: str
    visitors: int
    served_in_another_language: int
    live_items: int

    @property
    def name(self):
        return endonym(self.language) if self.language in CAMPAIGN_LANGUAGES else self.language

    @property
    def is_campaign_language(self):
        return self.language in CAMPAIGN_LANGUAGES


def language_gaps(user, weeks=DEFAULT_WEEKS):
    """Visitors by the first language their browser asks for, beside how many stories, episodes
    and modules are live in it: a language with visitors and nothing to read is a gap."""
    arrivals = (
        counts(user, weeks, event=Event.ARRIVAL)
        .values("source")
        .annotate(
            visitors=Sum("count"),
            elsewhere=Sum("count", filter=~Q(language=F("source"))),
        )
        .order_by("-visitors")
    )
    types = ContentType.objects.get_for_models(*covered_models()).values()
    live = dict(
        Page.objects.live()
        .filter(content_type__in=types)
        .values("locale__language_code")
        .annotate(n=Count("pk"))
        .values_list("locale__language_code", "n")
    )
    return [
        LanguageGap(
            entry["source"],
            entry["visitors"],
            entry["elsewhere"] or 0,
            live.get(entry["source"], 0),
        )
        for entry in arrivals
    ]


@dataclass
class ItemGap:
    title: str
    section: str
    group: str
    language: str
    state: str
    views: int
    url: str

    language_name = property(lambda self: endonym(self.language))


def item_gaps(user, weeks=DEFAULT_WEEKS):
    """Items live in a language with fewer than REACH_LOW_VIEWS page views over the period,
    with their state in the translation coverage matrix."""
    views = dict(
        counts(user, weeks, event=Event.VIEW)
        .values("page_id")
        .annotate(total=Sum("count"))
        .values_list("page_id", "total")
    )
    scope = visible_pages(user)
    allowed = None if scope is None else set(scope.values_list("pk", flat=True))
    gaps = []
    for row in coverage():
        for code, cell in row.cells.items():
            if cell.page_id is None or (allowed is not None and cell.page_id not in allowed):
                continue
            seen = views.get(cell.page_id, 0)
            if cell.state in ("live", "outdated") and seen < settings.REACH_LOW_VIEWS:
                gaps.append(
                    ItemGap(
                        row.title, row.section, row.group, code, str(cell.label), seen, cell.url
                    )
                )
    return sorted(gaps, key=lambda gap: (gap.views, gap.title, gap.language))


def summary(user, days=30):
    """The dashboard's figures: totals per event over the last days, and the most viewed items."""
    rows = counts(user, 52, day__gt=today() - datetime.timedelta(days=days))
    totals = dict(rows.values("event").annotate(total=Sum("count")).values_list("event", "total"))
    top = (
        rows.filter(event=Event.VIEW)
        .values("page_id")
        .annotate(total=Sum("count"))
        .order_by("-total")[:5]
    )
    return {
        "totals": [(Event(event).label, totals.get(event, 0)) for event in COUNTED],
        "top": [(item, entry["total"]) for item, entry in with_items(top)],
        "days": days,
    }
