"""Every change that alters what the public sees purges it from the page cache, in whichever
process it happens (a web worker, the task worker, cron's publish_scheduled)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    pre_page_move,
)

from .models import CampaignMedia, Country, SubtitleTrack, Theme
from .models.media import pages_using
from .page_cache import purge_everything, purge_pages
from .routing import forget_sites


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def forget_the_sites(sender, instance, **kwargs):
    forget_sites()


@receiver(page_published)
@receiver(page_unpublished)
def purge_on_publish(sender, instance, **kwargs):
    purge_pages([instance])


@receiver(post_delete)
def purge_on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        purge_pages([instance])


@receiver(page_slug_changed)
def purge_the_old_address(sender, instance, instance_before, **kwargs):
    purge_pages([instance, instance_before])


@receiver(pre_page_move)
def remember_the_old_address(sender, instance, **kwargs):
    instance._url_before_move = instance.url


@receiver(post_page_move)
def purge_on_move(sender, instance, **kwargs):
    old = getattr(instance, "_url_before_move", None)
    purge_pages([instance], extra_paths=[old] if old else [])


@receiver(post_save, sender=CampaignMedia)
@receiver(post_delete, sender=CampaignMedia)
def purge_pages_showing_media(sender, instance, **kwargs):
    """A replaced video, poster or audio file: every page showing it, in every language."""
    purge_media([instance.pk])


@receiver(post_save, sender=SubtitleTrack)
@receiver(post_delete, sender=SubtitleTrack)
def purge_pages_showing_subtitles(sender, instance, **kwargs):
    purge_media([instance.media_id])


def purge_media(media_ids):
    pages = list(Page.objects.filter(pk__in=pages_using(media_ids)).specific(defer=True))
    if pages:
        purge_pages(pages)


@receiver(post_save, sender=Country)
@receiver(post_save, sender=Theme)
@receiver(post_delete, sender=Country)
@receiver(post_delete, sender=Theme)
def purge_every_page_naming_taxonomy(sender, **kwargs):
    """Country and theme names show in listings, filters and stories of every language."""
    purge_everything()
