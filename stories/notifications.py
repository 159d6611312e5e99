from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _

from . import consent


def moderator_addresses():
    return list(
        get_user_model()
        .objects.filter(groups__name="Moderators", is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )


def mail_moderators_about_expiring_consent():
    """One mail to the moderators listing consents that expire within 30 days; how many
    moderators were written to (none when nothing expires)."""
    records = list(consent.expiring())
    recipients = moderator_addresses()
    if not records or not recipients:
        return 0
    lines = [
        f"- {record.person} · {record.story.title} · {record.expires_on.isoformat()}"
        for record in records
    ]
    report = settings.WAGTAILADMIN_BASE_URL + reverse("expiring_consent")
    send_mail(
        _("Consent expiring within %(days)d days") % {"days": consent.EXPIRY_WARNING_DAYS},
        "\n".join(
            [
                _(
                    "When consent expires, the story and every page that uses its video go "
                    "offline in every language. Renew these records, or plan for it:"
                ),
                "",
                *lines,
                "",
                report,
            ]
        ),
        None,
        recipients,
    )
    return len(recipients)
