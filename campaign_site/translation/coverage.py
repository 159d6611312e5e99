"""Translation coverage: each story, episode and module by language, in one of five states, with
the action that moves it on. Read in four queries whatever the number of pages: the pages, their
parents (a story's country, an episode's series), their wagtail-localize sources and the
workflows in progress."""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import TranslationSource

from campaign_site.editorial.reports import ReportView, editable_pages
from campaign_site.languages import CAMPAIGN_LANGUAGES, endonym

STATES = {
    "missing": _("missing"),
    "draft": _("draft"),
    "moderation": _("awaiting moderation"),
    "outdated": _("outdated"),
    "live": _("live"),
}


@dataclass
class Cell:
    state: str
    url: str
    page_id: int | None = None  # the translation, when there is one

    @property
    def label(self):
        return STATES[self.state]

    def __str__(self):
        return str(self.label)


@dataclass
class Row:
    title: str
    section: str
    group: str
    cells: dict = field(default_factory=dict)

    def __getattr__(self, code):  # a column per language: row.fr
        try:
            return self.__dict__["cells"][code]
        except KeyError:
            raise AttributeError(code) from None


def covered_models():
    return [apps.get_model(label) for label in settings.TRANSLATION_COVERAGE_MODELS]


def parent_titles(pages):
    """By each page's path, the title of its parent (a story's country, an episode's series):
    the group a report shows it in. One query."""
    parent_paths = {page["path"]: page["path"][: -Page.steplen] for page in pages}
    titles = dict(
        Page.objects.filter(path__in=set(parent_paths.values())).values_list("path", "title")
    )
    return {path: titles.get(parent, "") for path, parent in parent_paths.items()}


def coverage(section=None, state=None, group=None, user=None):
    """The matrix's rows; with ``user``, only the items with a page the user may edit (a
    country team sees its own country's)."""
    models = [m for m in covered_models() if not section or m._meta.label_lower == section]
    types = ContentType.objects.get_for_models(*models)
    section_names = {types[m].pk: str(m._meta.verbose_name_plural) for m in models}
    pages = Page.objects.filter(content_type__in=types.values())
    scope = editable_pages(user) if user is not None else None
    if scope is not None:
        keys = scope.filter(content_type__in=types.values()).values("translation_key")
        pages = pages.filter(translation_key__in=keys)
    pages = list(
        pages.order_by("path").values(
            "pk",
            "title",
            "path",
            "translation_key",
            "locale__language_code",
            "live",
            "last_published_at",
            "content_type_id",
        )
    )
    keys = {page["translation_key"] for page in pages}
    group_names = parent_titles(pages)
    synced = {
        source["object_id"]: source
        for source in TranslationSource.objects.filter(object_id__in=keys).values(
            "pk", "object_id", "locale__language_code", "last_updated_at"
        )
    }
    moderated = set(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(page["pk"]) for page in pages],
        ).values_list("object_id", flat=True)
    )
    groups = {}
    for page in pages:
        groups.setdefault(page["translation_key"], {})[page["locale__language_code"]] = page
    rows = []
    for key, by_language in groups.items():
        source_info = synced.get(key)
        source_language = source_info["locale__language_code"] if source_info else None
        source = by_language.get(source_language) or by_language.get(
            settings.LANGUAGE_CODE, next(iter(by_language.values()))
        )
        row = Row(
            source["title"],
            section_names[source["content_type_id"]],
            group_names[source["path"]],
        )
        if group and row.group != group:
            continue
        for code in CAMPAIGN_LANGUAGES:
            row.cells[code] = cell(by_language.get(code), source, source_info, moderated)
        if not state or any(c.state == state for c in row.cells.values()):
            rows.append(row)
    return rows


def cell(page, source, source_info, moderated):
    if page is None:
        return Cell(
            "missing", reverse("wagtail_localize:submit_page_translation", args=[source["pk"]])
        )
    pk = page["pk"]
    edit = reverse("wagtailadmin_pages:edit", args=[pk])
    if str(pk) in moderated:
        return Cell("moderation", edit, pk)
    if not page["live"]:
        return Cell("draft", edit, pk)
    if page is not source and source_info and is_outdated(page, source, source_info):
        update = reverse("wagtail_localize:update_translations", args=[source_info["pk"]])
        return Cell("outdated", update, pk)
    return Cell("live", edit, pk)


def is_outdated(page, source, source_info):
    """The source was published after its last sync, or the translation has not been published
    since that sync (its new text is still to translate)."""
    synced_at, published_at = source_info["last_updated_at"], page["last_published_at"]
    return bool(
        (source["last_published_at"] and source["last_published_at"] > synced_at)
        or not published_at
        or published_at < synced_at
    )


def group_totals(rows):
    """Per country (or series): how many of its items are live in each language."""
    groups = sorted({row.group for row in rows})
    return [
        (
            name,
            [
                sum(row.group == name and row.cells[code].state == "live" for row in rows)
                for code in CAMPAIGN_LANGUAGES
            ],
        )
        for name in groups
    ]


def totals(rows):
    """Per language: its name and how many items are in each state."""
    return [
        (
            endonym(code),
            {state: sum(row.cells[code].state == state for row in rows) for state in STATES},
        )
        for code in CAMPAIGN_LANGUAGES
    ]


class CoverageColumn(Column):
    cell_template_name = "translation/coverage_cell.html"


class TranslationCoverageView(ReportView):
    page_title = _("Translation coverage")
    header_icon = "globe"
    index_url_name = "translation_coverage"
    index_results_url_name = "translation_coverage_results"
    results_template_name = "translation/coverage_results.html"
    paginate_by = 100
    list_export = ["title", "section", "group", *CAMPAIGN_LANGUAGES]
    export_headings = {
        "title": _("Title"),
        "section": _("Section"),
        "group": _("Country or series"),
    } | {code: endonym(code) for code in CAMPAIGN_LANGUAGES}
    custom_field_preprocess = {code: {"csv": str, "xlsx": str} for code in CAMPAIGN_LANGUAGES}

    @property
    def columns(self):
        return [
            Column("title", label=_("Title")),
            Column("section", label=_("Section")),
            Column("group", label=_("Country or series")),
            *[CoverageColumn(code, label=endonym(code)) for code in CAMPAIGN_LANGUAGES],
        ]

    def get_filename(self):
        return "translation-coverage"

    def get_queryset(self):
        get = self.request.GET.get
        return coverage(get("section"), get("state"), get("group"), user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["totals"] = totals(self.object_list)
        context["group_totals"] = group_totals(self.object_list)
        context["languages"] = [endonym(code) for code in CAMPAIGN_LANGUAGES]
        context["states"] = STATES
        context["sections"] = [
            (m._meta.label_lower, m._meta.verbose_name_plural) for m in covered_models()
        ]
        return context
