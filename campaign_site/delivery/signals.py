"""Every change that alters what the public sees purges it from the page cache, in whichever
process it happens (a web worker, the task worker, cron's publish_scheduled). Pages are purged
here, when Wagtail publishes, unpublishes, moves or deletes them; each room purges for its own
models (``campaign_site.media.signals``, ``campaign_site.pages.signals``, ``stories.signals``)."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    pre_page_move,
)

from campaign_site.delivery.page_cache import purge_pages


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
