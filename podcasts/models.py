from django.utils.translation import gettext_lazy as _

from campaign_site.core.models import SectionIndexPage


class PodcastsIndexPage(SectionIndexPage):
    """The campaign's podcast shows."""

    subpage_types = []

    class Meta:
        verbose_name = _("podcasts index")
