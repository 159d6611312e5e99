"""Who may see and change what, beyond Wagtail's own rules. Subtitle tracks follow their video:
whoever may change a video (in its collection: a country team in its country's collection) may
add and change its tracks; the model permissions (Wagtail's Moderators and Editors) cover every
track."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permission_policies import ModelPermissionPolicy
from wagtailmedia import get_permission_policy as media_permission_policy

from campaign_site.languages import CAMPAIGN_LANGUAGES, endonym

TRACK_ACTIONS = ("add", "change", "view")


class SubtitleTrackPermissionPolicy(ModelPermissionPolicy):
    def has_model_permission(self, user, actions):
        """The model's own permissions (any track), never through a video."""
        return user.is_active and any(
            user.has_perm(self._get_permission_name(action)) for action in actions
        )

    def user_has_permission(self, user, action):
        return self.has_model_permission(user, [action]) or (
            action in TRACK_ACTIONS
            and media_permission_policy().user_has_permission(user, "change")
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return self.has_model_permission(user, [action]) or (
            action in TRACK_ACTIONS
            and media_permission_policy().user_has_permission_for_instance(
                user, "change", instance.media
            )
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if self.has_model_permission(user, actions):
            return self.model.objects.all()
        if not set(actions) & set(TRACK_ACTIONS):
            return self.model.objects.none()
        videos = media_permission_policy().instances_user_has_permission_for(user, "change")
        return self.model.objects.filter(media__in=videos)


class SubtitleTrackForm(WagtailAdminModelForm):
    # the campaign's languages by name (a track kept in another language keeps it)
    language = forms.ChoiceField(label=_("language"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(code, f"{endonym(code)} ({code})") for code in CAMPAIGN_LANGUAGES]
        current = self.instance.language
        if current and current not in CAMPAIGN_LANGUAGES:
            choices.append((current, f"{endonym(current)} ({current})"))
        self.fields["language"].choices = [("", "---------"), *choices]

    def clean_media(self):
        media = self.cleaned_data["media"]
        if media and not media_permission_policy().user_has_permission_for_instance(
            self.for_user, "change", media
        ):
            raise ValidationError(_("You may add subtitles only to videos you may edit."))
        return media
