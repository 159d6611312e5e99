"""Translation in the admin for people who may edit but not publish (country teams).

wagtail-localize asks only for its global "submit translation" permission before requesting or
syncing translations of any page; here the page's own permissions are asked too, so a team
translates its own country's pages and no other. Its editor offers only "publish", so a
translation is sent to the moderators by "Submit translation for moderation", which saves the
translated draft and starts the page's workflow."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import translate_object
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView


def may_translate(user, page):
    """Whether the user may request or sync translations of this page: wagtail-localize's
    permission, and the page's own."""
    return user.has_perm("wagtail_localize.submit_translation") and (
        page.permissions_for_user(user).can_edit()
    )


class PageTranslationRequestView(SubmitPageTranslationView):
    def dispatch(self, request, *args, **kwargs):
        if not may_translate(request.user, get_object_or_404(Page, id=kwargs["page_id"])):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class TranslationSyncView(UpdateTranslationsView):
    def dispatch(self, request, *args, **kwargs):
        source = get_object_or_404(TranslationSource, id=kwargs["translation_source_id"])
        instance = source.get_source_instance()
        if isinstance(instance, Page) and not may_translate(request.user, instance):
            raise PermissionDenied
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
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
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
        "translation/submit_translation.html",
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
    permissions = page.permissions_for_user(user)
    if (
        not permissions.can_publish()
        and permissions.can_edit()
        and not page.workflow_in_progress
        and translation_of(page) is not None  # last: the one check that reads the database
    ):
        yield ListingButton(
            gettext_lazy("Submit translation for moderation"),
            reverse("submit_translation_for_moderation", args=[page.pk]),
            priority=50,
            icon_name="resubmit",
        )


class TranslateForm(forms.Form):
    locales = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Languages"),
        queryset=Locale.objects.order_by("language_code"),
        widget=forms.CheckboxSelectMultiple,
    )


class TranslateBulkAction(PageBulkAction):
    """Request translations of the selected pages into the chosen languages, as wagtail-localize's
    "Translate" does for one page: drafts, for the pages the user may edit."""

    display_name = gettext_lazy("Translate")
    action_type = "translate"
    aria_label = gettext_lazy("Translate selected pages")
    template_name = "translation/confirm_bulk_translate.html"
    action_priority = 60
    form_class = TranslateForm

    def check_perm(self, page):
        return may_translate(self.request.user, page)

    def get_execution_context(self):
        return {
            **super().get_execution_context(),
            "locales": self.cleaned_form.cleaned_data["locales"],
        }

    @classmethod
    def execute_action(cls, objects, locales=(), user=None, **kwargs):
        translated = 0
        for page in objects:
            # a language whose parent page is not translated yet cannot hold the page
            wanted = [
                locale
                for locale in locales
                if locale != page.locale
                and not page.has_translation(locale)
                and page.get_parent().has_translation(locale)
            ]
            if wanted:
                translate_object(page.specific, wanted, user=user)
                translated += 1
        return translated, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d page was sent for translation.",
            "%(count)d pages were sent for translation.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
