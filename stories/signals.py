from django.dispatch import receiver

from wagtail.signals import page_published

from .models import StoryPage


@receiver(page_published, sender=StoryPage)
def keep_stories_without_consent_offline(sender, instance, revision=None, **kwargs):
    """A story whose consent was withdrawn or has expired cannot go live again, whoever
    publishes it and however (admin, workflow, schedule, translation sync)."""
    if instance.consent_problem():
        instance.unpublish(log_action="stories.consent_enforced")
