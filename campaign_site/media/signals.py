"""A new master queues its renditions; a changed subtitle track, its clip; a deleted video
takes every file made from it along. Every change purges the pages showing the video."""

import secrets
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from wagtail.models import Page

from campaign_site.delivery import front_caches
from campaign_site.delivery.page_cache import purge_pages
from campaign_site.media import tasks
from campaign_site.media.models import (
    CampaignMedia,
    SubtitleTrack,
    VideoRendition,
    is_new_upload,
    pages_using,
)
from campaign_site.media.serving import withdrawn


@receiver(pre_save, sender=CampaignMedia)
def new_master_new_version(sender, instance, raw=False, **kwargs):
    """A new master gets a new renditions version: the previous renditions keep playing
    nowhere (the page plays the master until the new ones are ready)."""
    if raw:  # loaddata (manage.py restore): nothing to react to
        return
    if instance.type == "video" and is_new_upload(instance.file):
        instance.renditions_version = secrets.token_hex(4)
        instance.renditions_state = CampaignMedia.Renditions.QUEUED
        instance.renditions_progress, instance.renditions_error = 0, ""
        instance.hls_playlist, instance.audio_only_file = "", ""
        instance.master_replaced = True
    elif instance.pk and instance.renditions_ready:
        before = CampaignMedia.objects.filter(pk=instance.pk).values("poster_time").first()
        instance.poster_time_moved = before and before["poster_time"] != instance.poster_time


@receiver(post_save, sender=CampaignMedia)
def queue_renditions(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata (manage.py restore): nothing to react to
        return
    if instance.__dict__.pop("master_replaced", False):
        instance.renditions.all().delete()
        transaction.on_commit(
            partial(tasks.make_renditions.enqueue, instance.pk, instance.renditions_version)
        )
    if instance.__dict__.pop("poster_time_moved", False):
        transaction.on_commit(
            partial(tasks.make_poster_frame.enqueue, instance.pk, instance.poster_time)
        )


@receiver(post_save, sender=SubtitleTrack)
@receiver(post_delete, sender=SubtitleTrack)
def queue_forward_clips(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata (manage.py restore): nothing to react to
        return
    ready = CampaignMedia.Renditions.READY
    if CampaignMedia.objects.filter(pk=instance.media_id, renditions_state=ready).exists():
        transaction.on_commit(partial(tasks.make_forward_clips.enqueue, instance.media_id))


@receiver(post_delete, sender=CampaignMedia)
def delete_what_was_made(sender, instance, **kwargs):
    """wagtailmedia deletes the master; the other files of the video go with it."""
    ban_files(instance)
    for stored in (instance.data_saver_file, instance.audio_described_file):
        if stored:
            transaction.on_commit(partial(stored.delete, save=False))
    transaction.on_commit(partial(tasks.delete_folder, f"renditions/{instance.pk}"))
    if instance.poster_frame_id:
        instance.poster_frame.delete()


@receiver(post_delete, sender=SubtitleTrack)
def delete_subtitle_file(sender, instance, **kwargs):
    if instance.file:
        ban([instance.file.name])
        transaction.on_commit(partial(instance.file.delete, save=False))


@receiver(post_save, sender=CampaignMedia)
@receiver(post_delete, sender=CampaignMedia)
def purge_pages_showing_media(sender, instance, raw=False, **kwargs):
    """A replaced video, poster or audio file: every page showing it, in every language."""
    if raw:  # loaddata (manage.py restore): nothing to react to
        return
    purge_media([instance.pk])


@receiver(post_save, sender=SubtitleTrack)
@receiver(post_delete, sender=SubtitleTrack)
@receiver(post_save, sender=VideoRendition)  # a clip made after the rest
def purge_pages_showing_subtitles(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata (manage.py restore): nothing to react to
        return
    purge_media([instance.media_id])


@receiver(withdrawn)
def purge_pages_that_lost_a_video(sender, media_ids, **kwargs):
    """Their player now says the video is no longer available, and the caches in front give
    out none of its files any more (the site's own cache never keeps files)."""
    purge_media(media_ids)
    for media in CampaignMedia.objects.filter(pk__in=media_ids).select_related(
        "poster", "poster_frame"
    ):
        ban_files(media)


def ban_files(media):
    """Every file of a video in the caches in front: its own, what was made from it, its
    subtitles, and the renditions of its poster images."""
    ban(
        [
            f"renditions/{media.pk}/",
            *(
                stored.name
                for stored in (media.file, media.data_saver_file, media.audio_described_file)
            ),
            *media.subtitle_tracks.values_list("file", flat=True),
            *(
                "images/" + image.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0] + "."
                for image in (media.poster, media.poster_frame)
                if image is not None
            ),
        ]
    )


def ban(names):
    """Stored files (or folders, or name prefixes) out of the caches in front."""
    if not settings.WAGTAILFRONTENDCACHE:
        return
    for name in filter(None, names):
        transaction.on_commit(partial(front_caches.ban.enqueue, settings.MEDIA_URL + name))


def purge_media(media_ids):
    pages = list(Page.objects.filter(pk__in=pages_using(media_ids)).specific(defer=True))
    if pages:
        purge_pages(pages)
