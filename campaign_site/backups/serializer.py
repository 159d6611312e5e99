"""Django's JSON serializer for backups (SERIALIZATION_MODULES "backup"), but for two things:
times keep their microseconds (Django's encoder rounds them to the millisecond, and pages
publish them: a restored site must say what the original said); and Wagtail keeps the log
entries of deleted pages, pointing at them without a constraint, where Django's natural-key
output fails on the missing page: such a reference keeps its id."""

import datetime

from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.json import Deserializer, DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer

__all__ = ["Deserializer", "Serializer"]


class ExactEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(JSONSerializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = ExactEncoder

    def handle_fk_field(self, obj, field):
        try:
            super().handle_fk_field(obj, field)
        except ObjectDoesNotExist:
            self._current[field.name] = field.value_from_object(obj)
