import uuid

from PIL import Image as PILImage

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtailmedia.edit_handlers import MediaChooserPanel

from campaign_site.media.models import SubtitleTrack
from campaign_site.pages.fields import ChoiceListField
from campaign_site.pages.models import SectionIndexPage
from campaign_site.translation.published import TranslatedPageMixin, public

from .categories import CATEGORY_CHOICES
from .feeds import feed_response, podcast_guid
from .timecodes import timecode, timecode_seconds, validate_timecode

EPISODES_PER_PAGE = 20
ARTWORK_SIZES = (1400, 3000)


class PodcastsIndexPage(SectionIndexPage):
    """The campaign's podcast shows."""

    lists_untranslated = True

    subpage_types = ["podcasts.ShowPage"]

    class Meta:
        verbose_name = _("podcasts index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["shows"] = public(ShowPage.objects.live()).child_of(self).select_related("artwork")
        context["untranslated"] = self.untranslated(ShowPage, request)
        return context

    def teaser_items(self):
        return EpisodePage.teaser_queryset()


class ShowPage(TranslatedPageMixin, RoutablePageMixin, Page):
    """A podcast series. Each language's show is its own feed at feed.xml."""

    class ShowType(models.TextChoices):
        EPISODIC = "episodic", _("Episodic (newest first)")
        SERIAL = "serial", _("Serial (listen in order)")

    description = models.TextField(
        _("description"), help_text=_("Shown in podcast apps. Plain text.")
    )
    artwork = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("artwork"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "Square JPEG or PNG, 1400 to 3000 pixels wide, as podcast directories require."
        ),
    )
    author = models.CharField(_("author"), max_length=200)
    owner_name = models.CharField(_("owner name"), max_length=200)
    owner_email = models.EmailField(
        _("owner email"), help_text=_("Directories send ownership checks here.")
    )
    categories = ChoiceListField(_("categories"), item_choices=CATEGORY_CHOICES, blank=False)
    explicit = models.BooleanField(_("explicit content"), default=False)
    show_type = models.CharField(
        _("type"), max_length=10, choices=ShowType.choices, default=ShowType.EPISODIC
    )
    copyright = models.CharField(_("copyright"), max_length=200, blank=True)
    funding_url = models.URLField(_("funding link"), blank=True)
    funding_text = models.CharField(_("funding link text"), max_length=128, blank=True)
    # Page.locked is Wagtail's editing lock; this is the feed's podcast:locked.
    feed_locked = models.BooleanField(
        _("feed locked"),
        default=True,
        help_text=_("Tells other platforms not to import this feed (podcast:locked)."),
    )
    new_feed_url = models.URLField(
        _("new feed address"),
        blank=True,
        help_text=_("Only if the show moves elsewhere: apps follow it there."),
    )
    complete = models.BooleanField(
        _("complete"), default=False, help_text=_("No more episodes will be published.")
    )
    hidden_from_directories = models.BooleanField(
        _("keep out of podcast directories"),
        default=False,
        help_text=_("The feed still works for those who have its address."),
    )
    license = models.CharField(
        _("licence"), max_length=128, blank=True, help_text=_("For example CC BY 4.0.")
    )
    license_url = models.URLField(_("licence text address"), blank=True)
    location = models.CharField(
        _("place"), max_length=128, blank=True, help_text=_("Where the show is about or made.")
    )
    location_geo = models.CharField(
        _("place coordinates"),
        max_length=64,
        blank=True,
        validators=[
            RegexValidator(
                r"^geo:-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$",
                _("Write coordinates as geo:14.69,-17.44 (latitude, longitude)."),
            )
        ],
    )
    verification_txt = models.CharField(
        _("ownership verification text"),
        max_length=128,
        blank=True,
        help_text=_("A code a podcast platform gave you to prove the feed is yours."),
    )
    recommended_feeds = models.TextField(
        _("recommended shows"),
        blank=True,
        help_text=_("Feed addresses of other shows you recommend, one per line (podroll)."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        FieldPanel("artwork"),
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldPanel("owner_name"),
                FieldPanel("owner_email"),
                FieldPanel("copyright"),
            ],
            heading=_("People"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("categories"),
                FieldPanel("explicit"),
                FieldPanel("show_type"),
                FieldPanel("feed_locked"),
            ],
            heading=_("Directory"),
        ),
        MultiFieldPanel(
            [FieldPanel("funding_url"), FieldPanel("funding_text")], heading=_("Funding")
        ),
        MultiFieldPanel(
            [
                FieldPanel("license"),
                FieldPanel("license_url"),
                FieldPanel("location"),
                FieldPanel("location_geo"),
                FieldPanel("recommended_feeds"),
                FieldPanel("verification_txt"),
                FieldPanel("complete"),
                FieldPanel("hidden_from_directories"),
            ],
            heading=_("Podcast apps"),
        ),
        FieldPanel("new_feed_url"),
    ]
    search_fields = Page.search_fields + [index.SearchField("description")]
    override_translatable_fields = [
        *TranslatedPageMixin.override_translatable_fields,
        SynchronizedField("artwork"),
        SynchronizedField("license"),
        SynchronizedField("verification_txt"),
        SynchronizedField("recommended_feeds"),
        SynchronizedField("location_geo"),
    ]

    parent_page_types = ["podcasts.PodcastsIndexPage"]
    subpage_types = ["podcasts.EpisodePage"]

    class Meta:
        verbose_name = _("podcast show")

    @classmethod
    def serving_queryset(cls):
        return super().serving_queryset().select_related("artwork", "feed_identity")

    def share_image(self):
        return self.artwork

    def clean(self):
        super().clean()
        if self.artwork_id:
            problem = artwork_problem(self.artwork)
            if problem:
                raise ValidationError({"artwork": problem})

    def episodes(self):
        return (
            public(EpisodePage.objects.live())
            .child_of(self)
            .select_related("audio", "locale")
            .order_by("-first_published_at", "-pk")
        )

    def feed_episodes(self):
        """The episodes with all a feed shows of them, in a fixed number of queries."""
        return self.episodes().prefetch_related(
            Prefetch(
                "persons",
                queryset=EpisodePerson.objects.select_related("image").prefetch_related(
                    "image__renditions"
                ),
            ),
            "chapters",
            Prefetch("audio__subtitle_tracks", queryset=SubtitleTrack.objects.order_by("language")),
        )

    def get_feed_url(self, request=None):
        return self.get_full_url(request) + "feed.xml"

    def get_feed_identity(self, request):
        """The feed's podcast:guid, fixed by the first address the feed was served at."""
        try:
            return self.feed_identity  # read with the show when it was served (serving_queryset)
        except PodcastFeed.DoesNotExist:
            url = self.get_feed_url(request)
            return PodcastFeed.objects.create(show=self, guid=podcast_guid(url), first_url=url)

    @classmethod
    def published_in_every_language(cls, translation_key):
        """The live shows of one series, one per language: each is a feed of its own."""
        return cls.objects.live().filter(translation_key=translation_key).select_related("locale")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["episodes"] = Paginator(self.episodes(), EPISODES_PER_PAGE).get_page(
            request.GET.get("page")
        )
        context["feed_url"] = self.get_feed_url(request)
        return context

    @path("feed.xml/")
    def feed(self, request):
        return feed_response(self, request)


def artwork_problem(image):
    """Why an image cannot be podcast artwork, or None."""
    with image.open_file() as handle:
        try:
            image_format = PILImage.open(handle).format
        except OSError:
            image_format = None
    if image_format not in ("JPEG", "PNG"):
        return _("Podcast artwork must be a JPEG or PNG image.")
    if image.width != image.height:
        return _("Podcast artwork must be square; this image is %(width)s × %(height)s pixels.") % {
            "width": image.width,
            "height": image.height,
        }
    low, high = ARTWORK_SIZES
    if not low <= image.width <= high:
        return _(
            "Podcast artwork must be %(low)s to %(high)s pixels wide; this image is %(width)s."
        ) % {
            "low": low,
            "high": high,
            "width": image.width,
        }
    return None


class PodcastFeed(models.Model):
    """A feed's permanent identity: its podcast:guid is derived from its first URL and then kept,
    so a change of domain or slug does not make apps see a new show. One per language."""

    show = models.OneToOneField(ShowPage, on_delete=models.CASCADE, related_name="feed_identity")
    guid = models.UUIDField(editable=False)
    first_url = models.URLField(editable=False)

    def __str__(self):
        return f"{self.first_url} ({self.guid})"


class EpisodePage(TranslatedPageMixin, RoutablePageMixin, Page):
    class EpisodeType(models.TextChoices):
        FULL = "full", _("Full episode")
        TRAILER = "trailer", _("Trailer")
        BONUS = "bonus", _("Bonus")

    number = models.PositiveIntegerField(_("episode number"), null=True, blank=True)
    season = models.PositiveIntegerField(_("season"), null=True, blank=True)
    episode_type = models.CharField(
        _("type"), max_length=10, choices=EpisodeType.choices, default=EpisodeType.FULL
    )
    audio = models.ForeignKey(
        "media.CampaignMedia",
        verbose_name=_("audio"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"type": "audio"},
        help_text=_("MP3 or M4A. Its transcripts are the audio's subtitle tracks."),
    )
    summary = models.TextField(_("summary"), help_text=_("One or two sentences, for podcast apps."))
    show_notes = RichTextField(
        _("show notes"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    soundbite_start = models.CharField(
        _("soundbite starts at"),
        max_length=16,
        blank=True,
        validators=[validate_timecode],
        help_text=_("A short extract apps may play as a preview, for example 2:30."),
    )
    soundbite_duration = models.CharField(
        _("soundbite length"),
        max_length=16,
        blank=True,
        validators=[validate_timecode],
        help_text=_("For example 0:45."),
    )
    soundbite_title = models.CharField(_("soundbite title"), max_length=128, blank=True)
    comments_url = models.URLField(
        _("discussion address"),
        blank=True,
        help_text=_("A post where listeners can comment, for example on Mastodon."),
    )
    comments_protocol = models.CharField(
        _("discussion platform"),
        max_length=20,
        choices=[("activitypub", "ActivityPub (Mastodon)"), ("bluesky", "Bluesky")],
        default="activitypub",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("number"), FieldPanel("season"), FieldPanel("episode_type")],
            heading=_("Episode"),
        ),
        MediaChooserPanel("audio", media_type="audio"),
        FieldPanel("summary"),
        FieldPanel("show_notes"),
        InlinePanel("persons", label=_("Hosts and guests")),
        InlinePanel("chapters", label=_("Chapters")),
        MultiFieldPanel(
            [
                FieldPanel("soundbite_start"),
                FieldPanel("soundbite_duration"),
                FieldPanel("soundbite_title"),
            ],
            heading=_("Soundbite"),
        ),
        MultiFieldPanel(
            [FieldPanel("comments_url"), FieldPanel("comments_protocol")],
            heading=_("Discussion"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("show_notes"),
    ]
    override_translatable_fields = [
        *TranslatedPageMixin.override_translatable_fields,
        SynchronizedField("audio"),
        # each language's recording has its own timing
        SynchronizedField("soundbite_start"),
        SynchronizedField("soundbite_duration"),
        SynchronizedField("comments_url"),
    ]

    parent_page_types = ["podcasts.ShowPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("episode")

    @classmethod
    def serving_queryset(cls):
        persons = EpisodePerson.objects.select_related("image").prefetch_related(
            "image__renditions"
        )
        return (
            super()
            .serving_queryset()
            .select_related("audio")
            .prefetch_related(
                "audio__subtitle_tracks", "chapters", Prefetch("persons", queryset=persons)
            )
        )

    @property
    def guid(self):
        """Never changes once published: not the URL (slugs and domains change), not stored
        content (translations copy it), but the translation key and the language."""
        return str(uuid.uuid5(self.translation_key, self.locale.language_code))

    @property
    def is_trailer(self):
        return self.episode_type == self.EpisodeType.TRAILER

    @property
    def audio_url(self):
        """The audio's address for this episode, in the feed and on the page: requests for it
        count as downloads of this episode in its language (``campaign_site.reach.downloads``);
        the file itself is shared by the languages that do not dub it."""
        return f"{self.audio.url}?episode={self.pk}"

    def clean(self):
        super().clean()
        if self.audio_id and self.audio.type != "audio":
            raise ValidationError({"audio": _("Choose an audio file (MP3 or M4A).")})
        if bool(self.soundbite_start) != bool(self.soundbite_duration):
            raise ValidationError(
                {"soundbite_duration": _("Give both the start and the length of the soundbite.")}
            )
        duration = self.audio.duration if self.audio_id else None
        for chapter in self.chapters.all():
            try:
                start = chapter.start_seconds
            except ValueError:  # the chapter's own field says what is wrong
                continue
            if duration and start > duration:
                raise ValidationError(
                    _(
                        "The chapter “%(title)s” starts at %(start)s, "
                        "after the end of the audio (%(end)s)."
                    )
                    % {"title": chapter.title, "start": chapter.start, "end": timecode(duration)}
                )

    def chapters_json(self):
        """Podcasting 2.0 JSON chapters (version 1.2.0)."""
        return {
            "version": "1.2.0",
            "title": self.title,
            "podcastName": self.get_parent().title,
            "chapters": [
                {
                    "startTime": chapter.start_seconds,
                    "title": chapter.title,
                    **({"url": chapter.url} if chapter.url else {}),
                }
                for chapter in sorted(
                    self.chapters.all(), key=lambda chapter: chapter.start_seconds
                )
            ],
        }

    @path("chapters.json/")
    def chapters_file(self, request):
        from django.http import JsonResponse

        response = JsonResponse(self.chapters_json(), json_dumps_params={"ensure_ascii": False})
        response["Content-Type"] = "application/json+chapters; charset=utf-8"
        response["Access-Control-Allow-Origin"] = "*"  # public: web players fetch it
        return response


def by_start(chapter):
    return chapter.start_seconds


class EpisodePerson(Orderable):
    """A host, guest or other contributor (podcast:person)."""

    class Role(models.TextChoices):
        HOST = "host", _("Host")
        CO_HOST = "co-host", _("Co-host")
        GUEST = "guest", _("Guest")
        PRODUCER = "producer", _("Producer")
        EDITOR = "editor", _("Editor")
        TRANSLATOR = "translator", _("Translator")

    HOST_ROLES = (Role.HOST, Role.CO_HOST)

    page = ParentalKey(EpisodePage, on_delete=models.CASCADE, related_name="persons")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.GUEST)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.URLField(_("link"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("image"), FieldPanel("url")]

    @property
    def is_host(self):
        return self.role in self.HOST_ROLES


class EpisodeChapter(TranslatableMixin, Orderable):
    """A chapter; translatable so that each language's episode names and times its chapters
    itself (each language's recording has its own timing: the time is overridable)."""

    page = ParentalKey(EpisodePage, on_delete=models.CASCADE, related_name="chapters")
    start = models.CharField(
        _("starts at"),
        max_length=16,
        validators=[validate_timecode],
        help_text=_("For example 1:15, or 1:02:15 past an hour."),
    )
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("link"), blank=True)

    panels = [FieldPanel("start"), FieldPanel("title"), FieldPanel("url")]
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("start"),  # copied, and overridable per translation
        SynchronizedField("url"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass

    @property
    def start_seconds(self):
        return timecode_seconds(self.start)
