"""Translation in the admin for people who may edit but not publish (country teams).

wagtail-localize asks only for its global "submit translation" permission before requesting or
syncing translations of any page; here the page's own permissions are asked too, so a team
translates its own country's pages and no other. Its editor offers only "publish", so a
translation is sent to the moderators by "Submit translation for moderation", which saves the
translated draft and starts the page's workflow."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.widgets import ListingButton
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView


def require_edit(user, page):
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied


class PageTranslationRequestView(SubmitPageTranslationView):
    def dispatch(self, request, *args, **kwargs):
        require_edit(request.user, get_object_or_404(Page, id=kwargs["page_id"]))
        return super().dispatch(request, *args, **kwargs)


class TranslationSyncView(UpdateTranslationsView):
    def dispatch(self, request, *args, **kwargs):
        source = get_object_or_404(TranslationSource, id=kwargs["translation_source_id"])
        instance = source.get_source_instance()
        if isinstance(instance, Page):
            require_edit(request.user, instance)
        return super().dispatch(request, *args, **kwargs)


def translation_of(page):
    """The wagtail-localize translation that made this page, if it is one."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale=page.locale
        )
        .select_related("source")
        .first()
    )


def submit_for_moderation(request, page_id):
    page = get_object_or_404(Page, id=page_id).specific
    require_edit(request.user, page)
    translation = translation_of(page)
    workflow = page.get_workflow()
    if translation is None or workflow is None:
        raise PermissionDenied
    if request.method == "POST":
        translation.save_target(user=request.user, publish=False)
        page.refresh_from_db()
        workflow.start(page, request.user)
        messages.success(
            request,
            _("The %(language)s translation of “%(title)s” was sent to the moderators.")
            % {"language": page.locale.get_display_name(), "title": page.title},
        )
        return redirect("wagtailadmin_explore", page.get_parent().id)
    return TemplateResponse(
        request,
        "core/admin/submit_translation.html",
        {"page": page, "workflow": workflow, "header_icon": "resubmit"},
    )


urls = [
    # Before wagtail-localize's own routes (campaign_site.core comes first in INSTALLED_APPS,
    # so its admin URLs are matched first): the same addresses, with the page's permission.
    path("localize/submit/page/<int:page_id>/", PageTranslationRequestView.as_view()),
    path("localize/update/<int:translation_source_id>/", TranslationSyncView.as_view()),
    path(
        "translations/<int:page_id>/submit/",
        submit_for_moderation,
        name="submit_translation_for_moderation",
    ),
]


def submit_button(page, user, view_name=None, next_url=None):
    if (
        page.locale_id
        and not page.permissions_for_user(user).can_publish()
        and page.permissions_for_user(user).can_edit()
        and not page.workflow_in_progress
        and translation_of(page) is not None
    ):
        yield ListingButton(
            gettext_lazy("Submit translation for moderation"),
            reverse("submit_translation_for_moderation", args=[page.pk]),
            priority=50,
            icon_name="resubmit",
        )
