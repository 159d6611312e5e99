from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from campaign_site.media.models import CampaignMedia, SubtitleTrack, pages_using
from campaign_site.media.serving import withdrawn

from .models import ModulePackage, ModulePage
from .packages import remove_packages
from .tasks import build_module_packages, request_build


@receiver(page_published, sender=ModulePage)
def build_packages_after_publish(sender, instance, **kwargs):
    request_build(instance)


@receiver(page_unpublished, sender=ModulePage)
@receiver(post_delete, sender=ModulePage)
def delete_packages_of_offline_modules(sender, instance, **kwargs):
    """A module that is offline (withdrawn consent, an editor's unpublish, deletion) leaves no
    built package behind to copy its videos from."""
    ModulePackage.objects.filter(page_id=instance.pk).delete()
    # the files go once the change is committed: a rolled-back unpublish keeps its packages
    transaction.on_commit(lambda: remove_packages(instance))


@receiver(post_save, sender=CampaignMedia)
@receiver(post_save, sender=SubtitleTrack)
def rebuild_packages_carrying_changed_media(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata (manage.py restore): nothing to react to
        return
    media_id = instance.pk if isinstance(instance, CampaignMedia) else instance.media_id
    modules = Page.objects.live().type(ModulePage).filter(pk__in=pages_using([media_id]))
    rebuild_packages(modules)


@receiver(withdrawn)
def rebuild_packages_without_withdrawn_videos(sender, pages, **kwargs):
    """A module that keeps a withdrawn video's place: its packages are built again, without it."""
    rebuild_packages([page for page in pages if isinstance(page, ModulePage)])


def rebuild_packages(modules):
    """Offer no stale package meanwhile; the build replaces the old files."""
    for module in modules:
        ModulePackage.objects.filter(page_id=module.pk).delete()
        build_module_packages.enqueue(module.pk)
