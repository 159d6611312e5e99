"""Background work of the training app, run by the task worker (django-tasks)."""

from django_tasks import task
from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.contrib.django import DjangoDbToolConf
from pylti1p3.grade import Grade
from pylti1p3.service_connector import ServiceConnector

from django.core.cache import cache
from django.utils import timezone

from wagtail.models import Page

from campaign_site.core.page_cache import purge_pages

from .packages import BUILDERS, build_package
from .progress import MASTERY_SCORE


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


@task()
def send_lti_grade(grade_id):
    """Send a learner's best score to the platform (LTI Assignment and Grade Services)."""
    from .models import LtiGrade  # models.py queues this module's tasks

    grade = LtiGrade.objects.filter(pk=grade_id).first()
    if grade is None or grade.score is None or grade.score == grade.sent_score:
        return
    registration = DjangoDbToolConf().find_registration_by_params(grade.issuer, grade.client_id)
    service = AssignmentsGradesService(
        ServiceConnector(registration), {"scope": grade.scopes, "lineitem": grade.lineitem}
    )
    complete = grade.score >= MASTERY_SCORE
    service.put_grade(
        Grade()
        .set_score_given(grade.score)
        .set_score_maximum(100)
        .set_activity_progress("Completed" if complete else "InProgress")
        .set_grading_progress("FullyGraded")
        .set_timestamp(timezone.now().isoformat())
        .set_user_id(grade.user)
    )
    LtiGrade.objects.filter(pk=grade.pk).update(sent_score=grade.score)
