from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import BooleanField, Case, OuterRef, Q, Subquery, Value, When
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField
from wagtailmedia.edit_handlers import MediaChooserPanel

from campaign_site.delivery.framing import allow_framing
from campaign_site.delivery.responses import count_as
from campaign_site.media.player import mirror_embed, validate_mirror_url
from campaign_site.pages.fields import ChoiceListField
from campaign_site.pages.models import SectionIndexPage, Theme
from campaign_site.pages.sharing import video_object
from campaign_site.pages.vocabularies import Dimension, Level, Voice
from campaign_site.translation.published import (
    TranslatedPageMixin,
    live_in_language,
    public,
    unfiltered,
)

from .blocks import StoryBody
from .filters import StoryFilterForm
from .panels import ConsentStatePanel

STORIES_PER_PAGE = 12


def story_listing(request, parent, index_page):
    """Live stories below ``parent`` in its language, filtered and paginated, in a fixed
    number of queries however many stories there are."""
    country_pages = {
        page.path: page
        for page in CountryPage.objects.live()
        .child_of(index_page)
        .select_related("country__locale")
    }
    form = StoryFilterForm(request.GET, country_pages=country_pages.values(), locale=parent.locale)
    stories = (
        public(StoryPage.objects.live())
        .descendant_of(parent)
        .select_related("video__poster")
        .prefetch_related("video__poster__renditions")
        .order_by("-first_published_at", "pk")
    )
    if form.is_valid():
        stories = form.filter(stories)
    page_of_stories = Paginator(stories, STORIES_PER_PAGE).get_page(request.GET.get("page"))
    for story in page_of_stories:
        country_page = country_pages.get(story.path[: -Page.steplen])
        story.country_name = country_page.country.display_name if country_page else ""
    listing = {"filter_form": form, "stories": page_of_stories}
    if unfiltered(request) and not page_of_stories.has_next():
        listing["untranslated"] = parent.untranslated(StoryPage, request)
    return listing


class StoriesIndexPage(SectionIndexPage):
    """Migrant stories, grouped by country, filterable by country, dimension, theme and voice."""

    lists_untranslated = True

    subpage_types = ["stories.CountryPage"]

    class Meta:
        verbose_name = _("stories index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(story_listing(request, self, self))
        return context

    def teaser_items(self):
        return StoryPage.teaser_queryset()


class CountryPage(TranslatedPageMixin, Page):
    """A campaign country: its team's group holds page permissions on this subtree."""

    lists_untranslated = True

    country = models.ForeignKey("core.Country", on_delete=models.PROTECT, related_name="+")
    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("country"), FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["stories.StoriesIndexPage"]
    subpage_types = ["stories.StoryPage"]

    class Meta:
        verbose_name = _("country page")

    @property
    def meta_description(self):
        return super().meta_description or _(
            "Stories of return and reintegration from %(country)s."
        ) % {"country": self.title}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(story_listing(request, self, self.get_parent()))
        return context


class StoryTheme(Orderable):
    page = ParentalKey("stories.StoryPage", on_delete=models.CASCADE, related_name="story_themes")
    theme = models.ForeignKey("core.Theme", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("theme")]


class StoryPage(TranslatedPageMixin, RoutablePageMixin, Page):
    """A short video of a migrant story, told in a balanced, fact-based way."""

    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences: shown in listings and when shared.")
    )
    video = models.ForeignKey(
        "media.CampaignMedia",
        verbose_name=_("video"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A translation may use its own video (a dubbed version); "
            "by default it shares the source's."
        ),
    )
    mirror_url = models.URLField(
        _("YouTube or Vimeo mirror"),
        blank=True,
        validators=[validate_mirror_url],
        help_text=_(
            "Optional. Shown only after the visitor clicks, from the privacy-enhanced player."
        ),
    )
    body = StreamField(StoryBody(), blank=True, verbose_name=_("key facts"))
    dimensions = ChoiceListField(_("dimensions"), item_choices=Dimension.choices)
    levels = ChoiceListField(_("levels"), item_choices=Level.choices)
    voices = ChoiceListField(_("voices"), item_choices=Voice.choices)
    related_stories = StreamField(
        [("story", blocks.PageChooserBlock(page_type="stories.StoryPage", label=_("Story")))],
        blank=True,
        max_num=6,
        verbose_name=_("related stories"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [MediaChooserPanel("video", media_type="video"), FieldPanel("mirror_url")],
            heading=_("Video"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("dimensions"),
                FieldPanel("levels"),
                FieldPanel("voices"),
                InlinePanel("story_themes", label=_("Themes")),
            ],
            heading=_("Classification"),
        ),
        FieldPanel("related_stories"),
        ConsentStatePanel(),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    override_translatable_fields = [
        *TranslatedPageMixin.override_translatable_fields,
        SynchronizedField("video"),
        SynchronizedField("mirror_url"),
    ]

    parent_page_types = ["stories.CountryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    oembed_type = "video"
    og_type = "video.other"

    def share_image(self):
        return self.video.poster if self.video else None

    @classmethod
    def teaser_queryset(cls):
        # the posters' renditions: read with every other teaser's (pages.blocks.TeaserBlock)
        return cls.objects.select_related("video__poster")

    @classmethod
    def serving_queryset(cls):
        return (
            super()
            .serving_queryset()
            .select_related("video__poster")
            .prefetch_related(
                "video__poster__renditions",
                "video__subtitle_tracks",
                "video__renditions",
            )
        )

    @cached_property
    def country(self):
        return self.get_parent().specific.country

    @cached_property
    def theme_names(self):
        """The story's themes in its language (a theme's own name where not translated), in
        one query on a published story; a preview's themes are in memory."""
        items = self.story_themes.all()
        if isinstance(items, models.QuerySet):
            in_language = Theme.objects.filter(
                translation_key=OuterRef("theme__translation_key"), locale_id=self.locale_id
            )
            items = items.select_related("theme").annotate(
                name_in_language=Subquery(in_language.values("name")[:1])
            )
        return [getattr(item, "name_in_language", None) or item.theme.name for item in items]

    @cached_property
    def related_in_language(self):
        """The related stories in the story's language where translated, live ones only."""
        chosen = [block["value"] for block in self.related_stories.raw_data]
        return live_in_language(chosen, self.locale_id) if chosen else []

    @property
    def mirror(self):
        return mirror_embed(self.mirror_url)

    def consent_in_every_language(self):
        """The consent records of the story's every translation, each with its state."""
        return ConsentRecord.objects.filter(
            story__translation_key=self.translation_key
        ).with_state()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["video_object"] = video_object(self, request)
        return context

    @path("embed/")
    def embed(self, request):
        response = self.render(request, template="stories/story_embed.html")
        return allow_framing(count_as(response, "embed", self))


class ConsentRecordQuerySet(models.QuerySet):
    """What "lapsed" means, the one definition: a record that no longer allows publishing on a
    day (``on``, today by default) was withdrawn on or before it, or expired before it."""

    @staticmethod
    def lapsed_condition(on=None):
        on = on or timezone.localdate()
        return Q(withdrawn_on__lte=on) | Q(expires_on__lt=on)

    def lapsed(self, on=None):
        return self.filter(self.lapsed_condition(on))

    def valid(self, on=None):
        return self.exclude(self.lapsed_condition(on))

    def with_state(self, on=None):
        """Annotated with ``is_lapsed``, computed by the database from the same condition."""
        return self.annotate(
            is_lapsed=Case(
                When(self.lapsed_condition(on), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )


class ConsentRecord(models.Model):
    """Who consented to appear in a story, to what, and until when. Private: moderators only.

    What follows from a record (withdrawal, expiry, refusal to publish) is in ``consent``.
    """

    story = models.ForeignKey(
        StoryPage, verbose_name=_("story"), on_delete=models.CASCADE, related_name="consent_records"
    )
    person = models.CharField(_("person"), max_length=200)
    scope = models.TextField(
        _("scope"), help_text=_("What was agreed: which media, channels and uses.")
    )
    given_on = models.DateField(_("date given"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    objects = ConsentRecordQuerySet.as_manager()

    panels = [
        FieldPanel("story"),
        FieldPanel("person"),
        FieldPanel("scope"),
        FieldPanel("given_on"),
        FieldPanel("expires_on"),
        FieldPanel("withdrawn_on"),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["story", "person"]

    def __str__(self):
        return f"{self.person} · {self.story}"

    def clean(self):
        super().clean()
        if self.expires_on and self.expires_on < self.given_on:
            raise ValidationError({"expires_on": _("Consent cannot expire before it was given.")})
