from pylti1p3.contrib.django.lti1p3_tool_config.apps import PyLTI1p3ToolConfig

from django.apps import AppConfig


class TrainingConfig(AppConfig):
    default = True  # this module holds LtiToolConfig too
    name = "training"
    verbose_name = "Capacity-development training"

    def ready(self):
        from . import signals  # noqa: F401


class LtiToolConfig(PyLTI1p3ToolConfig):
    """PyLTI1p3's platforms and keys, with the id type its own migrations made (the project's
    DEFAULT_AUTO_FIELD would ask for a migration inside the installed package)."""

    default_auto_field = "django.db.models.AutoField"
