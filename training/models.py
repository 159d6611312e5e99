from django.utils.translation import gettext_lazy as _

from campaign_site.core.models import SectionIndexPage


class TrainingIndexPage(SectionIndexPage):
    """Capacity-development modules that trainers embed in their own courses."""

    subpage_types = []

    class Meta:
        verbose_name = _("training index")
