"""Sites and vocabularies: a changed site forgets the routing kept for it; a changed country or
theme purges every page, since their names show in listings and filters of every language."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Site

from campaign_site.delivery.page_cache import purge_everything
from campaign_site.pages.models import Country, Theme
from campaign_site.pages.routing import forget_sites


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def forget_the_sites(sender, instance, **kwargs):
    forget_sites()


@receiver(post_save, sender=Country)
@receiver(post_save, sender=Theme)
@receiver(post_delete, sender=Country)
@receiver(post_delete, sender=Theme)
def purge_every_page_naming_taxonomy(sender, **kwargs):
    """Country and theme names show in listings, filters and stories of every language."""
    purge_everything()
