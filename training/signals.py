from django.db.models.signals import post_delete
from django.dispatch import receiver

from wagtail.signals import page_unpublished

from .models import ModulePage
from .packages import remove_packages


@receiver(page_unpublished, sender=ModulePage)
@receiver(post_delete, sender=ModulePage)
def delete_packages_of_offline_modules(sender, instance, **kwargs):
    """A module that is offline (withdrawn consent, an editor's unpublish, deletion) leaves no
    built package behind to copy its videos from."""
    remove_packages(instance)
