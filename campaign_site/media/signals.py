"""A replaced video, poster, audio or subtitle file purges every page showing it."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page

from campaign_site.delivery.page_cache import purge_pages
from campaign_site.media.models import CampaignMedia, SubtitleTrack, pages_using


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
