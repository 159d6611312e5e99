from django import forms
from django.utils.translation import gettext_lazy as _

from campaign_site.pages.fields import ChoiceListField
from campaign_site.pages.vocabularies import Audience, Dimension, ModuleLevel


class ModuleFilterForm(forms.Form):
    audience = forms.ChoiceField(label=_("Audience"), required=False)
    dimension = forms.ChoiceField(label=_("Dimension"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False)

    def __init__(self, data):
        super().__init__(data)
        everything = [("", _("All"))]
        self.fields["audience"].choices = everything + Audience.choices
        self.fields["dimension"].choices = everything + Dimension.choices
        self.fields["level"].choices = everything + ModuleLevel.choices

    def filter(self, modules):
        data = self.cleaned_data
        if data["audience"]:
            modules = modules.filter(audiences__icontains=ChoiceListField.lookup(data["audience"]))
        if data["dimension"]:
            modules = modules.filter(
                dimensions__icontains=ChoiceListField.lookup(data["dimension"])
            )
        if data["level"]:
            modules = modules.filter(level=data["level"])
        return modules
