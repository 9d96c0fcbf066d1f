"""Training programmes (chương trình bồi dưỡng) and their modules."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from amity.core.models import BaseModel
from amity.core.scoping import Scope
from amity.organizations.models import in_language
from amity.training.choices import TargetGroup, Topic


class Programme(BaseModel):
    """A programme, made by an organization (the centre) and seen by every organization under
    it, whose officials it trains."""

    scope = Scope("organization", above=True)

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("owner organization"),
        on_delete=models.PROTECT,
        related_name="training_programmes",
    )
    title_vi = models.CharField(_("Vietnamese title"), max_length=255)
    title_en = models.CharField(_("English title"), max_length=255, blank=True)
    goals = models.TextField(_("goals"), blank=True)
    target_group = models.CharField(_("target group"), max_length=30, choices=TargetGroup.choices)
    required_hours = models.PositiveSmallIntegerField(
        _("required hours"), default=0, validators=[MaxValueValidator(2000)]
    )

    class Meta:
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")
        ordering = ["title_vi", "id"]

    def __str__(self):
        return in_language(self.title_vi, self.title_en)

    def get_absolute_url(self):
        return reverse("training:programme", args=[self.pk])


class Module(BaseModel):
    """A module of a programme, on one topic, in the programme's order."""

    scope = Scope(parent="programme")
    label_related = ("programme",)

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("training programme"),
        on_delete=models.CASCADE,
        related_name="modules",
    )
    topic = models.CharField(_("topic"), max_length=30, choices=Topic.choices)
    title_vi = models.CharField(_("Vietnamese title"), max_length=255)
    title_en = models.CharField(_("English title"), max_length=255, blank=True)
    hours = models.PositiveSmallIntegerField(
        _("hours"), default=0, validators=[MaxValueValidator(500)]
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=1, validators=[MinValueValidator(1), MaxValueValidator(999)]
    )

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        ordering = ["programme", "order", "id"]

    def __str__(self):
        return in_language(self.title_vi, self.title_en)

    def get_absolute_url(self):
        return reverse("training:module", args=[self.pk])
