from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    """Several values from a fixed vocabulary, stored as a JSON list of codes.

    Filter with ``field__icontains='"code"'``: it works on SQLite and PostgreSQL alike, where
    JSON ``contains`` does not.
    """

    def __init__(self, *args, item_choices=None, **kwargs):
        self.item_choices = item_choices
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)
        labels = dict(self.item_choices)

        def get_display(instance):
            return [labels.get(code, code) for code in getattr(instance, name) or []]

        setattr(cls, f"get_{name}_display", get_display)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = self.item_choices
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {code for code, _label in self.item_choices}
        unknown = [code for code in value or [] if code not in allowed]
        if unknown:
            raise ValidationError(
                _("Unknown value: %(values)s"), params={"values": ", ".join(unknown)}
            )

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.item_choices,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name.capitalize(),
            help_text=self.help_text,
        )

    @staticmethod
    def lookup(code):
        """The filter value matching one code: ``{"dimensions__icontains": lookup("social")}``."""
        return f'"{code}"'
