from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.signals import page_published

from .models import CountryPage, StoryPage
from .teams import grant_to_existing_team


@receiver(page_published, sender=StoryPage)
def keep_stories_without_consent_offline(sender, instance, revision=None, **kwargs):
    """A story whose consent was withdrawn or has expired cannot go live again, whoever
    publishes it and however (admin, workflow, schedule, translation sync)."""
    if instance.consent_problem():
        instance.unpublish(log_action="stories.consent_enforced")


@receiver(post_save, sender=CountryPage)
def give_new_translations_to_the_country_team(sender, instance, created, **kwargs):
    if created:
        grant_to_existing_team(instance)
