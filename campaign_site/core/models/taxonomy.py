from babel import Locale as BabelLocale

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaign_site.languages import babel_locale


class Country(TranslatableMixin, index.Indexed, models.Model):
    """A campaign country, in every language. Its name defaults to CLDR's name for it."""

    iso_code = models.CharField(
        _("ISO 3166 code"), max_length=2, help_text=_("Two letters, for example BD, SN, SV.")
    )
    name = models.CharField(
        _("name"),
        max_length=100,
        blank=True,
        help_text=_("Leave blank for the standard name in this language."),
    )

    search_fields = [index.SearchField("name"), index.FilterField("iso_code")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("iso_code")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["iso_code"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if self.name:
            return self.name
        language = self.locale.language_code if self.locale_id else get_language()
        return babel_locale(language).territories.get(self.iso_code.upper(), self.iso_code.upper())

    def clean(self):
        super().clean()
        self.iso_code = self.iso_code.upper()
        if self.iso_code not in BabelLocale("en").territories:
            raise ValidationError(
                {
                    "iso_code": _("“%(code)s” is not an ISO 3166 country code.")
                    % {"code": self.iso_code}
                }
            )


class Theme(TranslatableMixin, index.Indexed, models.Model):
    """A campaign theme (e.g. "Jobs and skills"), translated like a page."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("Shared by every translation; used in filters.")
    )

    search_fields = [index.SearchField("name")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    def __str__(self):
        return self.name
