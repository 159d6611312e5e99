"""The campaign's fixed vocabularies, from the integrated approach to reintegration."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Dimension(models.TextChoices):
    ECONOMIC = "economic", _("Economic")
    SOCIAL = "social", _("Social")
    PSYCHOSOCIAL = "psychosocial", _("Psychosocial")


class Level(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual")
    COMMUNITY = "community", _("Community")
    STRUCTURAL = "structural", _("Structural")


class Voice(models.TextChoices):
    RETURNEE = "returnee", _("Returnee")
    FAMILY = "family", _("Family")
    COMMUNITY_MEMBER = "community-member", _("Community member")
    LOCAL_STAKEHOLDER = "local-stakeholder", _("Local stakeholder")


class Audience(models.TextChoices):
    PROGRAMME_MANAGERS = "programme-managers", _("Programme managers and developers")
    CASE_MANAGERS = "case-managers", _("Case managers")
    SERVICE_PROVIDERS = "service-providers", _("Service providers")
    LOCAL_GOVERNMENT = "local-government", _("Local government")
    NATIONAL_GOVERNMENT = "national-government", _("National government")
    IMPLEMENTING_PARTNERS = "implementing-partners", _("Implementing partners")
    DONORS = "donors", _("Donors")
    ME_OFFICERS = "me-officers", _("M&E officers")


class ModuleLevel(models.TextChoices):
    """How much a training module assumes its learners know."""

    INTRODUCTORY = "introductory", _("Introductory")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")
