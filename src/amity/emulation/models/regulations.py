"""The emulation and reward regulations (quy chế thi đua, khen thưởng), versioned: a year's
emulation runs under the version in force on its first day."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from amity.core.models import BaseModel
from amity.core.scoping import AllManager, LiveManager, Scope, ScopedQuerySet
from amity.organizations.models import in_language


class RegulationQuerySet(ScopedQuerySet):
    def in_force_on(self, day: date):
        return self.filter(effective_from__lte=day).filter(
            Q(effective_to__isnull=True) | Q(effective_to__gte=day)
        )


class Regulation(BaseModel):
    """One version of the regulations, issued by an organization (the central Union) and seen by
    every organization under it."""

    scope = Scope("organization", above=True)

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("issued by"),
        on_delete=models.PROTECT,
        related_name="emulation_regulations",
    )
    code = models.CharField(_("code"), max_length=30)
    version_number = models.PositiveSmallIntegerField(_("version number"), default=1)
    title_vi = models.CharField(_("Vietnamese title"), max_length=255)
    title_en = models.CharField(_("English title"), max_length=255, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=50, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective until"), null=True, blank=True)

    objects = LiveManager.from_queryset(RegulationQuerySet)()
    all_objects = AllManager.from_queryset(RegulationQuerySet)()

    class Meta:
        verbose_name = _("emulation regulation")
        verbose_name_plural = _("emulation regulations")
        ordering = ["-effective_from", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "code", "version_number"],
                name="emulation_regulation_unique_version",
                violation_error_message=_(
                    "This regulation already has a version with this number."
                ),
            )
        ]

    def __str__(self):
        title = in_language(self.title_vi, self.title_en)
        return f"{title} ({_('version')} {self.version_number})"

    def get_absolute_url(self):
        return reverse("emulation:regulation", args=[self.pk])

    def clean(self):
        super().clean()
        if self.effective_to and self.effective_from and self.effective_to < self.effective_from:
            raise ValidationError(
                {"effective_to": _("A regulation cannot end before it takes effect.")}
            )
