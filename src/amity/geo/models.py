from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from amity.core.collation import KEY_LENGTH, ShownSortKey, sort_key
from amity.core.scoping import ReferenceQuerySet

from .choices import ProvinceKind, WorldRegion


def _speaks_vietnamese() -> bool:
    """Whether the active language is Vietnamese ("vi", or a regional variant of it)."""
    return (get_language() or "").split("-")[0] == "vi"


class ProvinceQuerySet(ReferenceQuerySet):
    def current(self):
        """The 34 provinces and centrally-run cities since 1 July 2025."""
        return self.filter(is_current=True)

    def former(self):
        """The 63 provinces and centrally-run cities before 1 July 2025."""
        return self.filter(is_current=False)


class Province(models.Model):
    """A first-level administrative unit of Viet Nam: a province or a centrally-run city.

    Both the 63 units before the merger of 1 July 2025 and the 34 since are rows; a former unit
    points to the current one it merged into. A unit that kept its code and name (Hà Nội) is two
    rows, one of each period. Reference data, loaded by a migration from ``data/provinces.json``.
    """

    code = models.CharField(_("code"), max_length=2, help_text=_("Two-digit code of the GSO."))
    name = models.CharField(_("name"), max_length=100, help_text=_("For example: Hà Nội."))
    full_name = models.CharField(
        _("full name"), max_length=100, help_text=_("For example: Thành phố Hà Nội.")
    )
    name_en = models.CharField(_("English name"), max_length=100)
    # Data, not code: three provinces became centrally-run cities after the merger.
    kind = models.CharField(_("kind"), max_length=10, choices=ProvinceKind.choices)
    is_current = models.BooleanField(
        _("current"), default=False, help_text=_("One of the 34 units since 1 July 2025.")
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("merged into"),
    )

    objects = ProvinceQuerySet.as_manager()

    class Meta:
        ordering = ("-is_current", "code")
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        constraints = [
            models.UniqueConstraint(
                fields=("code", "is_current"), name="geo_province_unique_code_per_period"
            ),
        ]

    def __str__(self) -> str:
        if self.is_current:
            return self.display_name
        # Old and new provinces may share a name (Hà Nội): say which one this is.
        return _("%(name)s (before 1/7/2025)") % {"name": self.display_name}

    def get_absolute_url(self):
        return reverse("geo:province", args=[self.pk])

    @property
    def display_name(self) -> str:
        """The Vietnamese name when the active language is Vietnamese, else the English one."""
        return self.name if _speaks_vietnamese() else self.name_en


class Country(models.Model):
    """A country or territory of ISO 3166-1, with its UN M49 continental region.

    Reference data, loaded by a migration from ``data/countries.json``.
    """

    code = models.CharField(_("ISO alpha-2 code"), max_length=2)
    alpha3 = models.CharField(_("ISO alpha-3 code"), max_length=3)
    numeric = models.CharField(_("ISO numeric code"), max_length=3)
    name_en = models.CharField(_("English name"), max_length=100)
    name_vi = models.CharField(_("Vietnamese name"), max_length=100)
    region = models.CharField(_("world region"), max_length=10, choices=WorldRegion.choices)
    #: derived: the Vietnamese sort keys of the names (`core.collation`), so that countries are
    #: listed by the name a page shows ("Ấn Độ" after "Anh"), not by their ISO code
    sort_name_vi = models.CharField(max_length=KEY_LENGTH, blank=True, editable=False)
    sort_name_en = models.CharField(max_length=KEY_LENGTH, blank=True, editable=False)

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        ordering = (ShownSortKey(), "code")
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [
            models.UniqueConstraint(fields=("code",), name="geo_country_unique_code"),
            models.UniqueConstraint(fields=("alpha3",), name="geo_country_unique_alpha3"),
            models.UniqueConstraint(fields=("numeric",), name="geo_country_unique_numeric"),
        ]

    def __str__(self) -> str:
        return self.display_name

    def save(self, *args, **kwargs):
        self.sort_name_vi, self.sort_name_en = sort_key(self.name_vi), sort_key(self.name_en)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("geo:country", args=[self.pk])

    @property
    def display_name(self) -> str:
        """The Vietnamese name when the active language is Vietnamese, else the English one."""
        return self.name_vi if _speaks_vietnamese() else self.name_en
