from django.db.models.signals import post_delete
from django.dispatch import receiver

from wagtail.contrib.redirects.models import Redirect
from wagtail.signals import page_published, page_slug_changed, page_unpublished

from .feeds import forget_feed
from .models import EpisodePage, ShowPage


def show_of(page):
    if isinstance(page, ShowPage):
        return page
    if isinstance(page, EpisodePage):
        # Not get_parent(): when a whole tree is deleted the show may already be gone.
        return ShowPage.objects.filter(path=page.path[: -page.steplen]).first()
    return None


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_delete, sender=EpisodePage)
def refresh_feed(sender, instance, **kwargs):
    """A publish, a scheduled go-live, an unpublish or a deletion rebuilds the show's feed."""
    show = show_of(instance)
    if show is not None:
        forget_feed(show)


@receiver(page_slug_changed, sender=ShowPage)
def keep_subscribers_after_a_slug_change(sender, instance, instance_before, **kwargs):
    """Subscribers poll the old feed URL: answer it with a permanent redirect to the new one."""
    site = instance.get_site()
    old_path = instance_before.get_url_parts()[2] + "feed.xml"
    Redirect.add_redirect(
        old_path, redirect_to=instance.get_feed_url(), is_permanent=True, site=site
    )
    forget_feed(instance)
