from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    VIEW = "view", _("Page views")
    PLAY = "play", _("Plays")
    PLAY_25 = "play25", _("Played to 25 %")
    PLAY_50 = "play50", _("Played to 50 %")
    PLAY_90 = "play90", _("Played to 90 %")
    DOWNLOAD = "download", _("Podcast downloads")
    EMBED = "embed", _("Embed loads")
    PACKAGE = "package", _("Package downloads")
    SHARE = "share", _("Share clicks")
    # a page view, by the language the visitor's browser asks for first (the source)
    ARRIVAL = "arrival", _("Visitors by their language")


class DailyCount(models.Model):
    """How many times something happened to a page in one language on one day: the only record
    of reach. ``source`` is what the event says of where it came from (an embedding site's
    origin, a share network, a visitor's language); ``country`` a coarse country set by a
    trusted proxy or CDN, when one is configured."""

    day = models.DateField(_("day"))
    event = models.CharField(_("event"), max_length=10, choices=Event.choices)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(_("language"), max_length=12)
    source = models.CharField(_("source"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("daily count")
        verbose_name_plural = _("daily counts")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "event", "page", "language", "source", "country"],
                name="one_count_per_day_and_kind",
            )
        ]
        indexes = [models.Index(fields=["event", "day"])]
        permissions = [("view_all_reach", _("Can see the reach figures of every country"))]
        default_permissions = ()

    def __str__(self):
        return f"{self.day} {self.event} {self.page_id} {self.language}: {self.count}"
