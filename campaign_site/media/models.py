"""Audio and video (wagtailmedia) with a poster, subtitle tracks and the renditions the task
worker makes from one uploaded master (``renditions``, ``tasks``).

Stories, episodes and training modules all use these, through one player component.
"""

from pathlib import PurePath

from babel import Locale as BabelLocale
from babel import UnknownLocaleError

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, ReferenceIndex
from wagtail.search import index
from wagtailmedia.edit_handlers import MediaChooserPanel
from wagtailmedia.models import AbstractMedia

from campaign_site.languages import endonym
from campaign_site.media.inspection import NotMedia, inspect_media
from campaign_site.media.subtitles import InvalidSubtitles, parse
from campaign_site.media.uploads import check_size, stored_name

EXTENSIONS = {
    "video/mp4": "mp4",
    "video/quicktime": "mov",
    "video/webm": "webm",
    "audio/mp4": "m4a",
    "audio/mpeg": "mp3",
}


def is_new_upload(field_file):
    return bool(field_file) and not field_file._committed


def normalised_language(code):
    return code.strip().replace("_", "-").lower()


def is_language_code(code):
    try:
        BabelLocale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return False
    return True


def unknown_language(code):
    return _("“%(code)s” is not a known language code.") % {"code": code}


class CampaignMedia(AbstractMedia):
    """An audio or video file. Duration, size, type, dimensions and codecs are read from the
    file, never typed. A video's renditions are made from it by the task worker."""

    class Renditions(models.TextChoices):
        QUEUED = "queued", _("Queued")
        ENCODING = "encoding", _("Encoding")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("poster"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown before the video plays, and when sharing."),
    )
    data_saver_file = models.FileField(
        _("data-saver version"),
        upload_to="media",
        blank=True,
        help_text=_(
            "A smaller encoding of the same video, for visitors on slow or expensive connections."
        ),
    )
    audio_described_file = models.FileField(
        _("audio-described version"),
        upload_to="media",
        blank=True,
        help_text=_(
            "The same video with a narrated description of what is seen, for blind and "
            "partially sighted viewers."
        ),
    )
    spoken_language = models.CharField(
        _("spoken language"),
        max_length=16,
        blank=True,
        help_text=_(
            "The language spoken in the video, such as bn or fr: its subtitle track in that "
            "language is offered as captions, the others as subtitles."
        ),
    )
    poster_time = models.FloatField(
        _("poster frame at (seconds)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_(
            "Without a chosen poster, the frame shown before play is taken here. "
            "Empty: a tenth of the way in."
        ),
    )
    file_size = models.PositiveBigIntegerField(_("file size"), default=0, editable=False)
    data_saver_file_size = models.PositiveBigIntegerField(default=0, editable=False)
    mime_type = models.CharField(max_length=50, blank=True, editable=False)
    video_codec = models.CharField(max_length=32, blank=True, editable=False)
    audio_codec = models.CharField(max_length=32, blank=True, editable=False)

    # Set by the content app that withholds the video (stories: its person's consent lapsed),
    # once that is carried out: players show its place as no longer available. The files are
    # refused by the stored-file view's own check (serving.withheld) either way.
    withdrawn = models.BooleanField(default=False, editable=False)
    # What the task worker made from the master (campaign_site.media.tasks). Files live under
    # renditions/<pk>/<version>/, a version per master: a replaced master never mixes with
    # the renditions of the one before.
    renditions_version = models.CharField(max_length=16, blank=True, editable=False)
    renditions_state = models.CharField(
        _("renditions"), max_length=10, choices=Renditions.choices, blank=True, editable=False
    )
    renditions_progress = models.PositiveSmallIntegerField(default=0, editable=False)
    renditions_error = models.TextField(blank=True, editable=False)
    hls_playlist = models.CharField(max_length=255, blank=True, editable=False)
    audio_only_file = models.FileField(max_length=255, blank=True, editable=False)
    audio_only_file_size = models.PositiveBigIntegerField(default=0, editable=False)
    # The frame the worker took (at poster_time): the poster too while the editor chose none.
    poster_frame = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    admin_form_fields = (
        "title",
        "file",
        "data_saver_file",
        "audio_described_file",
        "spoken_language",
        "poster",
        "poster_time",
        "collection",
        "tags",
    )

    search_fields = AbstractMedia.search_fields + [index.FilterField("mime_type")]

    class Meta(AbstractMedia.Meta):
        db_table = "core_campaignmedia"  # made when this was the core app's (migration 0001)
        verbose_name = _("audio or video")
        verbose_name_plural = _("audio and video")

    def clean(self):
        # wagtailmedia checks extensions only; the content decides here.
        errors = {}
        if is_new_upload(self.file) and self.type not in ("audio", "video"):
            # wagtailmedia's generic add form (/admin/media/media/add/) names no kind
            errors["file"] = _(
                "Say whether this is audio or video: use “Add audio” or “Add video”."
            )
        elif is_new_upload(self.file):
            try:
                self._read_facts()
            except ValidationError as error:
                errors["file"] = error.messages
        for field in ("data_saver_file", "audio_described_file"):
            if is_new_upload(getattr(self, field)):
                try:
                    self._check_other_version(field)
                except ValidationError as error:
                    errors[field] = error.messages
        if self.spoken_language:
            self.spoken_language = normalised_language(self.spoken_language)
            if not is_language_code(self.spoken_language):
                errors["spoken_language"] = unknown_language(self.spoken_language)
        if errors:
            raise ValidationError(errors)
        super().clean()

    def _read_facts(self):
        check_size(self.file, self.type or "video")
        try:
            facts = inspect_media(self.file.file, video=self.type == "video")
        except NotMedia:
            raise ValidationError(
                _(
                    "This file is not a playable MP4, MOV or WebM video. "
                    "Export it as MP4 (H.264) and upload it again."
                )
                if self.type == "video"
                else _(
                    "This file is not a playable MP4 or MP3 file. "
                    "Export it as MP4 (H.264) or MP3 and upload it again."
                ),
                code="not_media",
            ) from None
        if self.type == "video" and not facts.has_video:
            raise ValidationError(
                _("This file has no video track: upload it as audio instead."), code="no_video"
            )
        if self.type == "audio" and facts.has_video:
            raise ValidationError(
                _("This file contains video: upload it as a video instead."), code="has_video"
            )
        self.duration = round(facts.duration, 3)
        self.file_size = self.file.size
        self.mime_type = facts.mime_type
        self.file.name = stored_name(self.file.name, EXTENSIONS[facts.mime_type], self.type)

    def _check_other_version(self, field):
        """Another version of the video (data saver, audio described): an MP4 with video."""
        version = getattr(self, field)
        check_size(version, "video")
        try:
            facts = inspect_media(version.file)
        except NotMedia:
            raise ValidationError(
                _("This file is not a playable MP4 file."), code="not_media"
            ) from None
        if not facts.has_video:
            raise ValidationError(_("This file has no video track."), code="no_video")
        if field == "data_saver_file":
            if self.file_size and version.size >= self.file_size:
                raise ValidationError(
                    _("The data-saver version must be smaller than the main file."),
                    code="not_smaller",
                )
            self.data_saver_file_size = version.size
        version.name = stored_name(version.name, "mp4", "video")

    @property
    def sources(self):
        return [{"src": self.url, "type": self.mime_type or "video/mp4"}]

    @property
    def renditions_ready(self):
        return self.renditions_state == self.Renditions.READY

    @property
    def ladder_renditions(self):
        """The MP4 ladder, lowest first (read with the clips: one query, or none prefetched)."""
        return [rendition for rendition in self.renditions.all() if not rendition.language]

    @property
    def forward_clips(self):
        return [rendition for rendition in self.renditions.all() if rendition.language]

    @property
    def renditions_folder(self):
        return f"renditions/{self.pk}/{self.renditions_version}"


class RenditionQuerySet(models.QuerySet):
    def ladder(self):
        return self.filter(language="")

    def clips(self):
        return self.exclude(language="")


class VideoRendition(models.Model):
    """A file made from the master: one MP4 of the ladder (campaign_site.media.renditions), or,
    with a language, the clip to forward: the video with that language's subtitles in the
    picture, small enough for a messaging app (WhatsApp takes 16 MB), which shows no subtitle
    tracks. One table, so that a page reads everything made from its videos in one query."""

    media = models.ForeignKey(CampaignMedia, on_delete=models.CASCADE, related_name="renditions")
    height = models.PositiveSmallIntegerField(help_text="The short side: 240, 360, 720.")
    width = models.PositiveSmallIntegerField()
    pixel_height = models.PositiveSmallIntegerField()
    bitrate = models.PositiveIntegerField(help_text="Bits per second, video and audio.")
    file = models.FileField(max_length=255)
    file_size = models.PositiveBigIntegerField()
    language = models.CharField(max_length=16, blank=True, help_text="A clip's subtitles.")
    made_from = models.CharField(
        max_length=255, blank=True, help_text="A clip's subtitle file: a new one makes a new clip."
    )

    objects = RenditionQuerySet.as_manager()

    class Meta:
        ordering = ["media", "language", "height"]
        constraints = [
            models.UniqueConstraint(
                fields=["media", "height"],
                condition=models.Q(language=""),
                name="one_rendition_per_height",
            ),
            models.UniqueConstraint(
                fields=["media", "language"],
                condition=~models.Q(language=""),
                name="one_clip_per_language",
            ),
        ]

    def __str__(self):
        return f"{self.height}p {self.language}".strip()


def pages_using(media_ids):
    """Ids of every page, in every language, that points at one of these media items, found
    by Wagtail's reference index (a module's video list included)."""
    page_ids = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(CampaignMedia),
        to_object_id__in=[str(pk) for pk in media_ids],
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", flat=True)
    return {int(pk) for pk in page_ids}


class SubtitleTrack(models.Model):
    """One WebVTT track of a video: a language and a kind. SRT uploads are converted."""

    class Kind(models.TextChoices):
        SUBTITLES = "subtitles", _("Subtitles")
        CAPTIONS = "captions", _("Captions (for deaf and hard-of-hearing viewers)")
        DESCRIPTIONS = "descriptions", _("Audio descriptions (text)")

    media = models.ForeignKey(
        CampaignMedia,
        verbose_name=_("video"),
        on_delete=models.CASCADE,
        related_name="subtitle_tracks",
    )
    language = models.CharField(
        _("language"),
        max_length=16,
        help_text=_("A language code such as fr, ar, bn, am, fil or wo."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SUBTITLES)
    file = models.FileField(
        _("subtitle file"),
        upload_to="subtitles",
        help_text=_("WebVTT (.vtt) or SubRip (.srt), saved as UTF-8."),
    )
    cues = models.JSONField(default=list, editable=False)

    panels = [
        MediaChooserPanel("media", media_type="video"),
        FieldPanel("language"),
        FieldPanel("kind"),
        FieldPanel("file"),
    ]

    class Meta:
        db_table = "core_subtitletrack"  # made when this was the core app's (migration 0001)
        verbose_name = _("subtitle track")
        verbose_name_plural = _("subtitle tracks")
        ordering = ["media", "language", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["media", "language", "kind"],
                name="one_track_per_language_and_kind",
                violation_error_message=_(
                    "This video already has a track of this kind in this language."
                ),
            )
        ]

    def __str__(self):
        return f"{self.media} · {self.label} ({self.get_kind_display()})"

    @property
    def label(self):
        return endonym(self.language)

    @property
    def html_kind(self):
        """What the player calls the track: the words of the video's own spoken language are
        captions, a translation is subtitles, text descriptions stay descriptions."""
        if self.kind == self.Kind.DESCRIPTIONS:
            return "descriptions"
        if self.kind == self.Kind.CAPTIONS or self.language == self.media.spoken_language:
            return "captions"
        return "subtitles"

    def clean(self):
        super().clean()
        self.language = normalised_language(self.language)
        if not is_language_code(self.language):
            raise ValidationError({"language": unknown_language(self.language)})
        if is_new_upload(self.file):
            self._convert_upload()

    def _convert_upload(self):
        try:
            check_size(self.file, "subtitles")
            self.file.seek(0)
            vtt, cues = parse(self.file.read())
        except InvalidSubtitles as error:
            raise ValidationError({"file": str(error)}) from None
        except ValidationError as error:
            raise ValidationError({"file": error.messages}) from None
        if self.media_id and self.media.duration and cues[-1].end > self.media.duration + 1:
            raise ValidationError({"file": _("The subtitles run past the end of the video.")})
        stem = slugify(PurePath(self.file.name).stem) or "subtitles"
        self.file = ContentFile(vtt.encode("utf-8"), name=f"{stem}.{self.language}.{self.kind}.vtt")
        self.cues = [{"start": cue.start, "end": cue.end, "text": cue.text} for cue in cues]
