from django.db import models
from django.utils.translation import gettext_lazy as _


class ProvinceKind(models.TextChoices):
    """Whether a first-level administrative unit of Viet Nam is a province or a city."""

    PROVINCE = "province", _("Province")
    CITY = "city", _("Centrally-run city")


class WorldRegion(models.TextChoices):
    """The five continental regions of the UN M49 standard."""

    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    OCEANIA = "oceania", _("Oceania")
