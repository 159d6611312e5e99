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


def tell_editors_a_video_went(videos, pages):
    """One mail to each editor of the pages that kept a withdrawn video's place (the page's
    owner and whoever saved its latest revision): which video went, why, and where."""
    titles = ", ".join(f"“{video.title}”" for video in videos)
    by_address = {}
    for page in pages:
        revision = page.latest_revision
        for user in {page.owner, revision.user if revision else None} - {None}:
            if user.is_active and user.email:
                by_address.setdefault(user.email, []).append(page)
    for address, their_pages in by_address.items():
        lines = [
            f"- {page.title} ({page.locale.language_code}): "
            + settings.WAGTAILADMIN_BASE_URL
            + reverse("wagtailadmin_pages:edit", args=[page.pk])
            for page in their_pages
        ]
        send_mail(
            _("A video was taken out of your pages"),
            "\n".join(
                [
                    _(
                        "The person in %(videos)s withdrew their consent (or it expired), so "
                        "the video is no longer shown anywhere. These pages stay online; where "
                        "the video was, they now say it is no longer available. Replace it or "
                        "remove its place:"
                    )
                    % {"videos": titles},
                    "",
                    *lines,
                ]
            ),
            None,
            [address],
        )
    return len(by_address)
