"""Consent, in one place. Every other module asks here.

- what "lapsed" means (withdrawn on or before a day, or expired before it) is defined once,
  beside the record: ``ConsentRecord.objects.lapsed()``, ``.valid()``, ``.with_state()``;
- what a consent covers: the story in every language, and the media its translations use
  (video, data-saver version, poster, subtitles, and every rendition, playlist, audio-only
  version, poster frame and clip made from it), wherever those media are reused;
- what happens when it lapses: ``take_offline()`` unpublishes the story in every language and
  cancels its scheduled publishing; from that moment the stored-file view refuses the files.
  Pages that reuse the video elsewhere (training modules, their embeds and packages, found
  through Wagtail's reference index) stay live without it: their player says the video is no
  longer available, their packages are rebuilt without it (``serving.withdrawn``), and their
  editors are told by mail which video went and why. The person's video goes, not the
  trainers' modules;
- the refusal to publish a story that uses such media: ``refuse_if_withheld()``, called inside
  the transaction that makes a page live, with the consent rows locked, so a publish racing a
  withdrawal cannot win.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.models import Page, ReferenceIndex, Revision

from campaign_site.editorial.publishing import PublishingRefused
from campaign_site.media.models import CampaignMedia, pages_using
from campaign_site.media.serving import withdrawn
from campaign_site.media.signals import purge_media

from .models import ConsentRecord, StoryPage

EXPIRY_WARNING_DAYS = 30


def expiring(on=None, days=EXPIRY_WARNING_DAYS):
    """Valid records that expire within ``days``: moderators are warned before stories go."""
    on = on or timezone.localdate()
    return (
        ConsentRecord.objects.valid(on)
        .filter(expires_on__lte=on + timezone.timedelta(days=days))
        .select_related("story")
        .order_by("expires_on", "person")
    )


def withheld_story_keys(on=None):
    return ConsentRecord.objects.lapsed(on).values("story__translation_key")


def media_of(story_keys):
    """What consent for these stories covers: the videos of their translations (with their
    data-saver versions, posters and subtitles)."""
    return StoryPage.objects.filter(translation_key__in=story_keys, video__isnull=False).values(
        "video_id"
    )


def withheld_media_ids(on=None):
    """Media used by any translation of a story whose consent lapsed."""
    return media_of(withheld_story_keys(on))


def is_withheld(media_id, on=None):
    return withheld_media_ids(on).filter(video_id=media_id).exists()


def is_withheld_poster(image_id, on=None):
    """The chosen poster of such a video, or the frame the worker took from it."""
    return CampaignMedia.objects.filter(
        Q(poster_id=image_id) | Q(poster_frame_id=image_id), pk__in=withheld_media_ids(on)
    ).exists()


def mark_withdrawn_media(on=None):
    """Keep ``CampaignMedia.withdrawn`` (what players show) in step with consent: set for the
    media of lapsed stories, cleared once consent is renewed; the pages showing a changed video
    are purged."""
    lapsed = withheld_media_ids(on)
    newly = set(
        CampaignMedia.objects.filter(pk__in=lapsed, withdrawn=False).values_list("pk", flat=True)
    )
    renewed = set(
        CampaignMedia.objects.filter(withdrawn=True)
        .exclude(pk__in=lapsed)
        .values_list("pk", flat=True)
    )
    CampaignMedia.objects.filter(pk__in=newly).update(withdrawn=True)
    CampaignMedia.objects.filter(pk__in=renewed).update(withdrawn=False)
    if newly | renewed:
        purge_media(newly | renewed)


def media_used_by(page):
    """Media a page uses as it is about to be saved (its revision's content, child objects
    included). Wagtail's reference index reads them the way it indexes them; the index itself
    still holds the previous version at this point."""
    media_type = ContentType.objects.get_for_model(CampaignMedia).pk
    return {
        int(object_id)
        for content_type, object_id, *_paths in ReferenceIndex._extract_references_from_object(page)
        if content_type == media_type
    }


@dataclass(frozen=True)
class Offline:
    pages: int
    languages: int
    kept: int = 0  # pages elsewhere that reuse the video and stay live without it

    def __str__(self):
        offline = ngettext(
            "%(pages)d page in %(languages)d language(s) went offline.",
            "%(pages)d pages in %(languages)d language(s) went offline.",
            self.pages,
        ) % {"pages": self.pages, "languages": self.languages}
        if not self.kept:
            return offline
        kept = ngettext(
            "%(kept)d page that reuses the video stays online without it; its editors were told.",
            "%(kept)d pages that reuse the video stay online without it; their editors were told.",
            self.kept,
        ) % {"kept": self.kept}
        return f"{offline} {kept}"


def take_offline(story_keys):
    """Unpublish these stories in every language; nothing is deleted (drafts and revisions
    stay). Other pages that show their videos stay live without them."""
    story_keys = set(story_keys)
    media_ids = set(media_of(story_keys).values_list("video_id", flat=True))
    story_ids = set(
        StoryPage.objects.filter(translation_key__in=story_keys).values_list("pk", flat=True)
    )
    with transaction.atomic():
        mark_withdrawn_media()
        pages = list(Page.objects.live().filter(pk__in=story_ids).specific())
        for page in pages:
            page.unpublish(log_action="stories.consent_enforced")
        # and none of them goes live later by schedule
        Revision.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(pk) for pk in story_ids],
            approved_go_live_at__isnull=False,
        ).update(approved_go_live_at=None)
        reusing = list(
            Page.objects.live().filter(pk__in=pages_using(media_ids) - story_ids).specific()
        )
        if reusing:
            # the pages that keep the videos' places: purged, their packages rebuilt, their
            # editors told (the receivers of ``withdrawn``)
            transaction.on_commit(
                lambda: withdrawn.send(sender=CampaignMedia, media_ids=media_ids, pages=reusing)
            )
    return Offline(len(pages), len({page.locale_id for page in pages}), len(reusing))


def enforce(on=None):
    """Take offline everything whose consent has lapsed by ``on``. For cron; idempotent."""
    return take_offline(
        set(withheld_story_keys(on).values_list("story__translation_key", flat=True))
    )


class ConsentLapsed(PublishingRefused):
    pass


def refuse_if_withheld(page):
    """Called inside the transaction that makes ``page`` live: a story whose person's consent
    lapsed (or whose video is another such story's) stays offline. The consent rows that cover
    it are locked first: a withdrawal committed meanwhile is seen, one in progress waits for
    this publish and then takes the page offline again. Other pages may be published: their
    player says such a video is no longer available."""
    if not isinstance(page, StoryPage):
        return
    media_ids = media_used_by(page)
    covering = ConsentRecord.objects.filter(
        Q(story__translation_key=page.translation_key)
        | Q(
            story__translation_key__in=StoryPage.objects.filter(video_id__in=media_ids).values(
                "translation_key"
            )
        )
    )
    locked = list(covering.select_for_update(of=("self",)).values_list("pk", flat=True))
    if ConsentRecord.objects.filter(pk__in=locked).lapsed().exists():
        raise ConsentLapsed(
            _(
                "“%(title)s” was not published: it uses the video of a person whose consent "
                "was withdrawn or has expired. Replace the video, or ask a moderator to "
                "renew the consent record."
            )
            % {"title": page.title},
            page=page,
        )
