from django.core.paginator import Paginator
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField
from wagtailmedia.edit_handlers import MediaChooserPanel

from campaign_site.delivery.framing import allow_framing
from campaign_site.delivery.responses import count_as
from campaign_site.pages import oembed
from campaign_site.pages.fields import ChoiceListField
from campaign_site.pages.models import SectionIndexPage
from campaign_site.pages.vocabularies import Audience, Dimension, ModuleLevel
from campaign_site.translation.published import TranslatedPageMixin, public, unfiltered

from .filters import ModuleFilterForm
from .packages import BUILDERS, being_prepared, package_response, ready_packages
from .tasks import build_module_packages, request_build

MODULES_PER_PAGE = 12
ORIGIN = RegexValidator(
    r"^https?://[^/\s]+$", _("Enter an origin such as https://lms.example.org (no path).")
)


class TrainingIndexPage(SectionIndexPage):
    """Capacity-development modules that trainers embed in their own courses."""

    lists_untranslated = True

    subpage_types = ["training.ModulePage"]

    class Meta:
        verbose_name = _("training index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = ModuleFilterForm(request.GET)
        modules = public(ModulePage.objects.live()).child_of(self).order_by("title")
        if form.is_valid():
            modules = form.filter(modules)
        context["filter_form"] = form
        context["modules"] = Paginator(modules, MODULES_PER_PAGE).get_page(request.GET.get("page"))
        if unfiltered(request) and not context["modules"].has_next():
            context["untranslated"] = self.untranslated(ModulePage, request)
        return context

    def teaser_items(self):
        return ModulePage.teaser_queryset()


class ActivityBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    instructions = blocks.TextBlock(label=_("Instructions"))
    minutes = blocks.IntegerBlock(min_value=1, required=False, label=_("Minutes"))

    class Meta:
        icon = "group"
        template = "training/blocks/activity.html"


class ModulePage(TranslatedPageMixin, RoutablePageMixin, Page):
    """A training module: videos with subtitles, learning material, and ways to embed it."""

    summary = models.TextField(_("summary"))
    learning_objectives = StreamField(
        [("objective", blocks.CharBlock(max_length=300, label=_("Objective")))],
        verbose_name=_("learning objectives"),
    )
    audiences = ChoiceListField(_("audiences"), item_choices=Audience.choices, blank=False)
    dimensions = ChoiceListField(_("dimensions"), item_choices=Dimension.choices)
    level = models.CharField(
        _("level"), max_length=20, choices=ModuleLevel.choices, default=ModuleLevel.INTRODUCTORY
    )
    duration_minutes = models.PositiveIntegerField(
        _("duration (minutes)"), help_text=_("The whole session.")
    )
    facilitator_guide = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("facilitator guide"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    discussion_questions = StreamField(
        [("question", blocks.CharBlock(max_length=300, label=_("Question")))],
        blank=True,
        verbose_name=_("discussion questions"),
    )
    activities = StreamField(
        [("activity", ActivityBlock(label=_("Activity")))],
        blank=True,
        verbose_name=_("activities"),
    )
    embed_allowed_origins = models.TextField(
        _("sites allowed to embed"),
        blank=True,
        help_text=_(
            "One origin a line (https://lms.example.org). Empty: any site may embed this module."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("learning_objectives"),
        MultiFieldPanel(
            [
                FieldPanel("audiences"),
                FieldPanel("dimensions"),
                FieldPanel("level"),
                FieldPanel("duration_minutes"),
            ],
            heading=_("Who and how long"),
        ),
        InlinePanel("videos", label=_("Videos"), min_num=1),
        FieldPanel("facilitator_guide"),
        InlinePanel("handouts", label=_("Handouts")),
        FieldPanel("discussion_questions"),
        FieldPanel("activities"),
        FieldPanel("embed_allowed_origins"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    override_translatable_fields = [
        *TranslatedPageMixin.override_translatable_fields,
        SynchronizedField("facilitator_guide"),
        SynchronizedField("embed_allowed_origins"),
    ]

    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training module")

    oembed_type = "video"

    @classmethod
    def serving_queryset(cls):
        handouts = ModuleHandout.objects.select_related("document")
        return (
            super()
            .serving_queryset()
            .select_related("facilitator_guide")
            .prefetch_related("packages", Prefetch("handouts", queryset=handouts))
        )

    def share_image(self):
        return next((video.poster for video in self.video_list if video.poster), None)

    def clean(self):
        super().clean()
        for origin in self.allowed_origins:
            ORIGIN(origin)

    @property
    def allowed_origins(self):
        return [line.strip() for line in self.embed_allowed_origins.splitlines() if line.strip()]

    @cached_property
    def video_list(self):
        return [
            item.video
            for item in self.videos.select_related("video__poster").prefetch_related(
                # the player's poster and the link preview's image, in one query
                "video__subtitle_tracks",
                "video__poster__renditions",
                "video__renditions",
            )
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["packages"] = ready_packages(self)
        width, height = oembed.size(None, None)
        context["embed_size"] = {"width": width, "height": height, "title_bar": oembed.TITLE_BAR}
        if len(context["packages"]) < len(BUILDERS):
            request_build(self)
        return context

    @path("embed/")
    def embed(self, request):
        response = count_as(
            self.render(request, template="training/module_embed.html"), "embed", self
        )
        return allow_framing(response, self.allowed_origins)

    @path("scorm.zip/")
    def scorm(self, request):
        return self.package("scorm")

    @path("pack.zip/")
    def pack(self, request):
        return self.package("pack")

    def package(self, kind):
        package = ready_packages(self).get(kind)
        if package is not None:
            try:
                return count_as(package_response(self, package), "package", self, source=kind)
            except FileNotFoundError:  # removed from storage by hand: build it again
                package.delete()
                build_module_packages.enqueue(self.pk)
                return being_prepared()
        request_build(self)
        return being_prepared()


class ModuleVideo(Orderable):
    page = ParentalKey(ModulePage, on_delete=models.CASCADE, related_name="videos")
    video = models.ForeignKey(
        "media.CampaignMedia",
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"type": "video"},
    )

    panels = [MediaChooserPanel("video", media_type="video")]


class ModulePackage(models.Model):
    """A package of a module's published version, recorded once its file is whole in storage:
    only then is it offered and served."""

    class Kind(models.TextChoices):
        SCORM = "scorm", _("SCORM 1.2 package")
        PACK = "pack", _("Training pack")

    page = models.ForeignKey(ModulePage, on_delete=models.CASCADE, related_name="packages")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    file = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    built_for = models.DateTimeField(null=True, help_text="The page's last_published_at.")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "kind"], name="one_package_per_kind")
        ]

    def __str__(self):
        return f"{self.page} · {self.get_kind_display()}"


class ModuleHandout(TranslatableMixin, Orderable):
    page = ParentalKey(ModulePage, on_delete=models.CASCADE, related_name="handouts")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass


class LtiGrade(models.Model):
    """A learner's best score on one LTI link of a platform, and where the platform takes it
    (Assignment and Grade Services). The learner is the platform's opaque user id."""

    issuer = models.CharField(max_length=255)
    client_id = models.CharField(max_length=255)
    deployment_id = models.CharField(max_length=255)
    resource_link = models.CharField(max_length=255)
    user = models.CharField(max_length=255)
    page = models.ForeignKey(ModulePage, null=True, on_delete=models.SET_NULL, related_name="+")
    lineitem = models.URLField(max_length=1024)
    scopes = models.JSONField(default=list)
    score = models.PositiveSmallIntegerField(null=True)
    sent_score = models.PositiveSmallIntegerField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "client_id", "deployment_id", "resource_link", "user"],
                name="one_lti_grade_per_learner_and_link",
            )
        ]

    def __str__(self):
        return f"{self.issuer} · {self.resource_link} · {self.user}: {self.score}"


class LtiLaunch(models.Model):
    """One launch of a module by a learner. The player reports what it played, and the server
    credits at most the time since the launch started (``training.progress``): the grade is the
    server's, never the browser's claim."""

    grade = models.ForeignKey(LtiGrade, on_delete=models.CASCADE, related_name="launches")
    started_at = models.DateTimeField(auto_now_add=True)
    credited_seconds = models.FloatField(default=0)

    def __str__(self):
        return f"{self.grade} · {self.started_at:%Y-%m-%d %H:%M}"


class UsedLtiNonce(models.Model):
    """An id_token's nonce, kept until the token expires: a launch is accepted once, so a
    token and state posted again (from any browser or process) are refused."""

    issuer = models.CharField(max_length=255)
    nonce = models.CharField(max_length=255)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "nonce"], name="each_lti_nonce_once")
        ]

    def __str__(self):
        return f"{self.issuer} · {self.nonce}"

    @classmethod
    def use(cls, issuer, nonce, expires):
        """True the first time; False for a nonce already used (and not yet expired)."""
        now = timezone.now()
        cls.objects.filter(expires_at__lt=now).delete()
        with transaction.atomic():
            _nonce, created = cls.objects.get_or_create(
                issuer=issuer, nonce=nonce, defaults={"expires_at": expires}
            )
        return created


class LtiServiceHosts(models.Model):
    """Hosts besides its own addresses where a platform's services may be (Canvas, for one,
    answers grades on the school's host, not on its issuer's). The tool calls a grade or
    deep-linking address only on a registered host."""

    platform = models.OneToOneField(
        "lti1p3_tool_config.LtiTool", on_delete=models.CASCADE, related_name="service_hosts"
    )
    hosts = models.TextField(
        _("other service hosts"),
        help_text=_(
            "One host name a line (e.g. school.instructure.com) where this platform's grade "
            "and deep-linking services are, besides the hosts of its issuer, login, token and "
            "key set addresses."
        ),
    )

    class Meta:
        verbose_name = _("service hosts")
        verbose_name_plural = _("service hosts")

    def __str__(self):
        return str(self.platform)

    @property
    def host_list(self):
        return [line.strip().lower() for line in self.hosts.splitlines() if line.strip()]
