from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ConsentRecord


class ConsentRecordViewSet(SnippetViewSet):
    """Private records: only groups given the consent record permissions (Moderators) see them."""

    model = ConsentRecord
    icon = "lock"
    menu_label = _("Consent")
    add_to_admin_menu = True
    list_display = ["person", "story", "given_on", "expires_on", "withdrawn_on"]
    list_filter = ["given_on", "expires_on", "withdrawn_on"]


register_snippet(ConsentRecordViewSet)


@hooks.register("register_log_actions")
def register_consent_log_action(actions):
    actions.register_action(
        "stories.consent_enforced",
        _("Unpublished: consent withdrawn or expired"),
        _("Unpublished because consent was withdrawn or has expired"),
    )
