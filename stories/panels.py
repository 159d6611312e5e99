from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel


class ConsentStatePanel(Panel):
    """The story's consent at a glance on its edit view, in every language. Who consented is
    shown only to those allowed to see consent records (moderators)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Consent"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "stories/panels/consent_state.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["records"] = list(self.instance.consent_in_every_language())
            context["any_lapsed"] = any(record.is_lapsed for record in context["records"])
            context["show_people"] = self.request.user.has_perm("stories.view_consentrecord")
            return context
