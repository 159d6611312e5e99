from django.utils.translation import gettext_lazy as _

from campaign_site.core.models import SectionIndexPage


class StoriesIndexPage(SectionIndexPage):
    """Migrant stories, grouped by country."""

    subpage_types = []

    class Meta:
        verbose_name = _("stories index")
