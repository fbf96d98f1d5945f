"""The fixed choices of an edition and its rows: statuses, roles, tiers."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EditionStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    ONGOING = "ongoing", _("Taking place now")
    PAST = "past", _("Past")


class SpeakerRole(models.TextChoices):
    KEYNOTE = "keynote", _("Keynote speaker")
    SPEAKER = "speaker", _("Speaker")
    MODERATOR = "moderator", _("Moderator")
    PANELIST = "panelist", _("Panellist")
    CHAIR = "chair", _("Chair")


class PartnerRole(models.TextChoices):
    HOST = "host", _("Host")
    ORGANISER = "organiser", _("Organiser")
    CO_ORGANISER = "co_organiser", _("Co-organiser")
    PARTNER = "partner", _("Partner")
    SPONSOR = "sponsor", _("Sponsor")
    MEDIA_PARTNER = "media_partner", _("Media partner")
    SUPPORTER = "supporter", _("With the support of")


class PartnerTier(models.TextChoices):
    GENERAL = "general", _("General")
    PLATINUM = "platinum", _("Platinum")
    GOLD = "gold", _("Gold")
    SILVER = "silver", _("Silver")
    BRONZE = "bronze", _("Bronze")


# Partners in these roles organise the edition; the others sponsor or support it.
ORGANISER_ROLES = {PartnerRole.HOST, PartnerRole.ORGANISER, PartnerRole.CO_ORGANISER}
