from django import forms
from django.utils.translation import gettext_lazy as _

from campaign_site.pages.fields import ChoiceListField
from campaign_site.pages.models import Theme
from campaign_site.pages.vocabularies import Dimension, Voice


class StoryFilterForm(forms.Form):
    """The stories listing's filters, submitted by GET so every filtered view has a URL."""

    country = forms.ChoiceField(label=_("Country"), required=False)
    dimension = forms.ChoiceField(label=_("Dimension"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    voice = forms.ChoiceField(label=_("Voice"), required=False)

    def __init__(self, data, *, country_pages, locale):
        super().__init__(data)
        everything = [("", _("All"))]
        self.country_paths = {page.country.iso_code.lower(): page.path for page in country_pages}
        self.fields["country"].choices = everything + sorted(
            ((page.country.iso_code.lower(), page.country.display_name) for page in country_pages),
            key=lambda choice: choice[1],
        )
        self.fields["dimension"].choices = everything + Dimension.choices
        self.fields["voice"].choices = everything + Voice.choices
        self.fields["theme"].choices = everything + list(
            Theme.objects.filter(locale=locale).values_list("slug", "name")
        )

    def filter(self, stories):
        data = self.cleaned_data
        if data["country"]:
            stories = stories.filter(path__startswith=self.country_paths[data["country"]])
        if data["dimension"]:
            stories = stories.filter(
                dimensions__icontains=ChoiceListField.lookup(data["dimension"])
            )
        if data["voice"]:
            stories = stories.filter(voices__icontains=ChoiceListField.lookup(data["voice"]))
        if data["theme"]:
            stories = stories.filter(story_themes__theme__slug=data["theme"]).distinct()
        return stories
