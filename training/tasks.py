"""Background work of the training app, run by the task worker (django-tasks)."""

from django_tasks import task

from django.core.cache import cache

from wagtail.models import Page

from campaign_site.delivery.page_cache import purge_pages

from .packages import BUILDERS, build_package


@task()
def build_module_packages(page_id):
    """Build the SCORM package and the training pack of a module's published version."""
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None:  # unpublished (or deleted) since: nothing to offer
        return
    page = page.specific
    for kind in BUILDERS:
        build_package(page, kind)
    purge_pages([page])  # the module page now offers the packages


def request_build(page):
    """Queue this version's packages once, however many visitors ask meanwhile."""
    stamp = page.last_published_at.timestamp() if page.last_published_at else 0
    if cache.add(f"package-build:{page.pk}:{stamp}", True, 600):
        build_module_packages.enqueue(page.pk)
