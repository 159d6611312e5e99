"""A feed's freshness needs no receiver here: every change that alters a feed purges its address
in the page cache (campaign_site/delivery/signals.py), and the feed is cached under that address's
stamp (feeds.feed_response). What is here: the WebSub hub told of publishes, old feed
addresses redirected, and an episode's audio counted as a download."""

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver

from wagtail.contrib.redirects.models import Redirect
from wagtail.signals import page_published, page_slug_changed, page_unpublished

from campaign_site.media.serving import file_sent
from campaign_site.reach import downloads

from .models import EpisodePage, ShowPage
from .tasks import notify_hub


@receiver(page_published)
@receiver(page_unpublished)
def tell_the_hub(sender, instance, **kwargs):
    """A show or episode published or withdrawn changes the feed of the show in every language
    (alternates name each other)."""
    if not settings.WEBSUB_HUB_URL or not isinstance(instance, EpisodePage | ShowPage):
        return
    show = instance if isinstance(instance, ShowPage) else instance.get_parent()
    shows = ShowPage.published_in_every_language(show.translation_key)
    feeds = [translation.get_feed_url() for translation in shows]
    if feeds:
        transaction.on_commit(lambda: notify_hub.enqueue(feeds))


@receiver(page_slug_changed, sender=ShowPage)
def keep_subscribers_after_a_slug_change(sender, instance, instance_before, **kwargs):
    """Subscribers poll the old feed URL: answer it with a permanent redirect to the new one."""
    site = instance.get_site()
    old_path = instance_before.get_url_parts()[2] + "feed.xml"
    Redirect.add_redirect(
        old_path, redirect_to=instance.get_feed_url(), is_permanent=True, site=site
    )


@receiver(file_sent)
def count_episode_download(sender, request, stored, **kwargs):
    """An episode's audio asked for at the episode's address (``EpisodePage.audio_url``, in
    feeds and on pages) counts toward that episode's downloads."""
    episode_id = request.GET.get("episode", "")
    if not episode_id.isdigit() or not stored.name.startswith("media/"):
        return
    episode = (
        EpisodePage.objects.live()
        .filter(pk=episode_id, audio__file=stored.name)
        .select_related("audio", "locale")
        .first()
    )
    if episode is not None:
        audio = episode.audio
        downloads.record(
            request, episode.pk, episode.locale.language_code, audio.file_size, audio.duration
        )
