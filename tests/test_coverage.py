"""The translation coverage report: stories, episodes and modules by language, each cell one of
missing, draft, awaiting moderation, outdated or live, linking to the action that fixes it."""

import csv
import io

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Workflow
from wagtail_localize.models import TranslationSource

from campaign_site.languages import CAMPAIGN_LANGUAGES, endonym

from .conftest import html
from .test_query_budget import add_many

REPORT = "/admin/reports/translation-coverage/"


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.org", "pw")
    client.force_login(user)
    return user


def matrix(client, **params):
    """{title: {language: (state, link)}} as the report shows it."""
    page = html(client.get(REPORT, params))
    headings = [
        th.get_text(strip=True)
        for th in page.select("table.listing:not(.coverage-totals):not(.coverage-groups) thead th")
    ]
    rows = {}
    for tr in page.select("table.listing:not(.coverage-totals):not(.coverage-groups) tbody tr"):
        cells = tr.find_all("td")
        title = cells[0].get_text(strip=True)
        rows[title] = {
            code: (cell.get_text(strip=True), cell.a["href"])
            for code, cell in zip(CAMPAIGN_LANGUAGES, cells[3:], strict=True)
        }
    assert headings[3:] == [endonym(code) for code in CAMPAIGN_LANGUAGES]
    return rows


def test_each_language_of_a_story_in_its_state_with_the_action_that_fixes_it(
    client, editor, story, locales
):
    story.get_translation(locales["ar"]).unpublish()
    spanish = story.get_translation(locales["es"])
    Workflow.objects.get(name="Moderators approval").start(spanish, editor)

    cells = matrix(client)[story.title]
    assert cells["en"] == ("live", f"/admin/pages/{story.pk}/edit/")
    assert cells["fr"][0] == "live"
    assert cells["ar"] == ("draft", f"/admin/pages/{story.get_translation(locales['ar']).pk}/edit/")
    assert cells["es"] == ("awaiting moderation", f"/admin/pages/{spanish.pk}/edit/")
    assert cells["am"] == ("missing", f"/admin/localize/submit/page/{story.pk}/")


def test_publishing_the_source_after_its_last_sync_makes_its_translations_outdated(
    client, editor, story, locales
):
    story.title = "Fishing again, a year later"
    story.save_revision(user=editor).publish()
    cells = matrix(client)[story.title]
    source = TranslationSource.objects.get(object_id=story.translation_key)
    assert cells["fr"] == ("outdated", f"/admin/localize/update/{source.pk}/")
    assert cells["en"][0] == "live"

    source.update_from_db()  # synced: French still has the new title to translate
    assert matrix(client)[story.title]["fr"][0] == "outdated"
    story.get_translation(locales["fr"]).save_revision(user=editor).publish()
    assert matrix(client)[story.title]["fr"][0] == "live"


def test_filters_by_section_and_state_and_exports_a_spreadsheet(client, editor, story, locales):
    story.get_translation(locales["ar"]).unpublish()
    drafts = matrix(client, state="draft")
    assert story.title in drafts and all(
        any(state == "draft" for state, _link in cells.values()) for cells in drafts.values()
    )
    episodes = matrix(client, section="podcasts.episodepage")
    assert story.title not in episodes and episodes

    export = client.get(REPORT, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    headings = ["Title", "Section", "Country or series", *map(endonym, CAMPAIGN_LANGUAGES)]
    assert rows[0] == headings
    row = rows[[r[0] for r in rows].index(story.title)]
    assert row[:5] == [story.title, "stories", "Senegal", "live", "live"]

    senegal = matrix(client, group="Senegal")
    assert story.title in senegal and len(senegal) < len(matrix(client))
    groups = html(client.get(REPORT)).select_one("table.coverage-groups")
    senegal_row = groups.find("a", string="Senegal").find_parent("tr")
    english_live = int(senegal_row.find("td").get_text())
    assert english_live == sum(cells["en"][0] == "live" for cells in senegal.values())


def count_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(REPORT).status_code == 200
    return len(queries)


@pytest.mark.slow  # adds hundreds of pages
def test_the_report_reads_a_constant_number_of_queries(client, editor):
    before = count_queries(client)
    add_many()
    assert count_queries(client) == before


def test_the_dashboard_counts_each_languages_items_by_state(client, editor, story, locales):
    story.get_translation(locales["ar"]).unpublish()
    page = html(client.get("/admin/"))
    table = page.select_one("#translation-coverage-heading").find_parent("section").table
    counts = {
        row.th.get_text(strip=True): [int(td.get_text()) for td in row.find_all("td")]
        for row in table.tbody.find_all("tr")
    }
    report = matrix(client)
    arabic = [cells["ar"][0] for cells in report.values()]
    assert counts[endonym("ar")][1] == arabic.count("draft") >= 1  # columns: missing, draft, ...
    assert sum(counts[endonym("ar")]) == len(report)
    assert page.find("a", string="Full report", href=REPORT)


def test_a_country_team_sees_its_own_countrys_items_and_a_moderator_all(client, django_user_model):
    """Team Senegal's matrix, export and dashboard count only Senegal's stories (in every
    language); team Bangladesh sees Bangladesh's; a moderator sees both, and the episodes and
    modules."""
    from .conftest import log_in_as
    from .test_country_teams import BANGLADESH, OTHER, OWN, SENEGAL, story_in

    own, other = story_in("en", OWN).title, story_in("en", OTHER).title
    seen = {}
    for username, group in (("awa", SENEGAL), ("rahim", BANGLADESH), ("mod", "Moderators")):
        log_in_as(client, django_user_model, username, group)
        rows = matrix(client)
        export = client.get(REPORT, {"export": "csv"})
        exported = {
            row[0] for row in csv.reader(io.StringIO(b"".join(export.streaming_content).decode()))
        }
        assert set(rows) <= exported
        panel = html(client.get("/admin/")).find(
            attrs={"aria-labelledby": "translation-coverage-heading"}
        )
        seen[group] = (set(rows), panel.get_text(" ", strip=True))
    senegal, bangladesh, everything = (seen[g][0] for g in (SENEGAL, BANGLADESH, "Moderators"))
    assert own in senegal and other not in senegal
    assert other in bangladesh and own not in bangladesh
    assert {own, other} <= everything and len(everything) > len(senegal) + len(bangladesh)
    assert seen[SENEGAL][1] != seen["Moderators"][1]  # the dashboard counts differ too
