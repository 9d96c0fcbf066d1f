"""Training requirements: what a position's holder must have completed."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from amity.core.models import BaseModel
from amity.core.scoping import Scope
from amity.organizations.choices import OrganizationKind, PositionTitle
from amity.training.models.programmes import Programme


class Requirement(BaseModel):
    """A holder of a position title (optionally only in organizations of one kind) must have
    completed a programme (optionally within so many years). Made by the centre and seen by
    every organization under it, like the programmes."""

    scope = Scope("organization", above=True)
    label_related = ("programme",)

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("owner organization"),
        on_delete=models.PROTECT,
        related_name="training_requirements",
    )
    position_title = models.CharField(
        pgettext_lazy("job", "title"), max_length=40, choices=PositionTitle.choices
    )
    organization_kind = models.CharField(
        _("only in organizations of kind"),
        max_length=20,
        choices=OrganizationKind.choices,
        blank=True,
        help_text=_("Empty: in every organization."),
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("training programme"),
        on_delete=models.PROTECT,
        related_name="requirements",
    )
    within_years = models.PositiveSmallIntegerField(
        _("completed within (years)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("Empty: a completion of any year counts."),
    )

    class Meta:
        verbose_name = _("training requirement")
        verbose_name_plural = _("training requirements")
        ordering = ["position_title", "organization_kind", "programme", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["position_title", "organization_kind", "programme"],
                condition=Q(deleted_at__isnull=True),
                name="training_requirement_unique_title_kind_programme",
                violation_error_message=_("This requirement exists already."),
            )
        ]

    def __str__(self):
        holder = self.get_position_title_display()
        if self.organization_kind:
            holder = f"{holder} ({self.get_organization_kind_display()})"
        return f"{holder} → {self.programme}"

    def get_absolute_url(self):
        return reverse("training:requirement", args=[self.pk])
