"""Commitments under an agreement (cam kết): what a party of ours undertook, by when."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from amity.agreements.choices import OPEN_COMMITMENTS, CommitmentStatus
from amity.agreements.models.agreements import Agreement
from amity.core.models import BaseModel
from amity.core.scoping import Scope


class Commitment(BaseModel):
    """One thing an agreement commits us to: its owner (an organization, optionally one of its
    people), its due date and how far it is. Seen and edited with its agreement."""

    scope = Scope(parent="agreement")
    label_related = ("agreement",)

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="commitments",
    )
    description = models.CharField(_("commitment"), max_length=500)
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("responsible organization"),
        on_delete=models.PROTECT,
        related_name="agreement_commitments",
    )
    person = models.ForeignKey(
        "organizations.Person",
        verbose_name=_("responsible person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreement_commitments",
    )
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=CommitmentStatus.choices,
        default=CommitmentStatus.PLANNED,
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["agreement", "due_on", "id"]
        indexes = [models.Index(fields=["status", "due_on"], name="agreement_commitment_due_idx")]

    def __str__(self):
        return self.description

    def get_absolute_url(self):
        return reverse("agreements:commitment", args=[self.pk])

    @property
    def is_overdue(self) -> bool:
        return self.status in OPEN_COMMITMENTS and self.due_on < timezone.localdate()

    def clean(self):
        super().clean()
        errors = {}
        if self.person_id and self.organization_id:
            if not self.organization.holds(self.person.organization):
                errors["person"] = _("The person is not of the responsible organization.")
        if self.status == CommitmentStatus.DONE and self.done_on is None:
            errors["done_on"] = _("Say when it was done.")
        if self.done_on and self.status != CommitmentStatus.DONE:
            errors["done_on"] = _("Only a commitment that is done has a date it was done.")
        if self.done_on and self.done_on > timezone.localdate():
            errors["done_on"] = _("A commitment cannot be done in the future.")
        if errors:
            raise ValidationError(errors)
