"""Vietnamese agencies (cơ quan Việt Nam): the ministries, departments and People's Committees
our organizations sign working-coordination agreements with."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from amity.agreements.choices import AgencyKind
from amity.core.models import BaseModel
from amity.core.scoping import Scope
from amity.organizations.models import in_language


class VietnameseAgency(BaseModel):
    """A ministry, a provincial department, a People's Committee: a party of ours at home.

    The ministries and central agencies are entered by the centre, and every organization sees
    them (`above`: the centre's list is everyone's, so that no Union enters the Ministry of
    Foreign Affairs again); a Union's own departments and People's Committee are its branch's.
    Edited by the branch of the organization that entered it, and the centre."""

    scope = Scope("organization", above=True)
    label_related = ()

    name_vi = models.CharField(_("Vietnamese name"), max_length=255)
    name_en = models.CharField(_("English name"), max_length=255, blank=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=AgencyKind.choices)
    province = models.ForeignKey(
        "geo.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty for a central agency."),
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="recorded_agencies",
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("Vietnamese agency")
        verbose_name_plural = _("Vietnamese agencies")
        ordering = ["name_vi", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["name_vi", "province"],
                condition=Q(deleted_at__isnull=True),
                name="agreements_agency_unique_name_province",
                violation_error_message=_("This agency is already in the list."),
            )
        ]

    def __str__(self):
        return in_language(self.name_vi, self.name_en)

    def get_absolute_url(self):
        return reverse("agreements:vietnameseagency", args=[self.pk])
