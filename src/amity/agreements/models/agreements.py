"""Agreements (thỏa thuận hợp tác, biên bản ghi nhớ): their parties, terms, signers, signed
files and review dates, and what was carried out under them."""

from datetime import date, timedelta
from pathlib import PurePath
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from amity.agreements.choices import (
    RUNNING,
    AgreementKind,
    AgreementLanguage,
    AgreementStatus,
    RenewalRule,
    SignerSide,
)
from amity.core.models import BaseModel, UploadedFile
from amity.core.scoping import Scope
from amity.organizations.models import in_language

#: the days before its expiry on which an agreement's parties are reminded
EXPIRY_REMINDER_DAYS = (90, 30, 7)


class Agreement(BaseModel):
    """An agreement of ours with foreign partners, Vietnamese agencies or localities.

    It is its parties' on our side: the lead organization and the other organizations of ours
    that signed see and edit it, and so does every organization above them (whose branch holds
    them) and the centre. Its partners are chosen among those the writer sees: a restricted
    partner only by the organizations holding it, and it prints as restricted to the others."""

    scope = Scope("organization", "other_organizations")
    label_related = ()

    kind = models.CharField(_("kind"), max_length=16, choices=AgreementKind.choices)
    title_vi = models.CharField(_("Vietnamese title"), max_length=500)
    title_en = models.CharField(_("English title"), max_length=500, blank=True)
    reference = models.CharField(
        _("reference number"), max_length=100, blank=True, help_text=_("E.g. 12/TTHT-LHHN.")
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("lead organization of ours"),
        on_delete=models.PROTECT,
        related_name="agreements",
    )
    other_organizations = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("other organizations of ours"),
        blank=True,
        related_name="co_signed_agreements",
    )
    partners = models.ManyToManyField(
        "partners.Partner",
        verbose_name=_("foreign partners"),
        blank=True,
        related_name="agreements",
    )
    agencies = models.ManyToManyField(
        "agreements.VietnameseAgency",
        verbose_name=_("Vietnamese agencies"),
        blank=True,
        related_name="agreements",
    )
    other_parties = models.CharField(
        _("other parties"),
        max_length=500,
        blank=True,
        help_text=_("Parties not in the lists, e.g. a foreign locality of a twinning."),
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_at = models.CharField(_("place of signing"), max_length=255, blank=True)
    starts_on = models.DateField(_("in force from"), null=True, blank=True)
    ends_on = models.DateField(
        _("expires on"), null=True, blank=True, help_text=_("Empty for an open-ended agreement.")
    )
    renewal = models.CharField(
        _("renewal"), max_length=10, choices=RenewalRule.choices, default=RenewalRule.NONE
    )
    renewal_years = models.PositiveSmallIntegerField(
        _("renewed for (years)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("For an automatic renewal: the years each renewal adds."),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=AgreementStatus.choices,
        default=AgreementStatus.NEGOTIATING,
    )
    languages = models.CharField(
        _("languages"),
        max_length=100,
        blank=True,
        help_text=_("The languages of the signed texts, separated by commas."),
    )
    summary = models.TextField(_("summary"), blank=True)
    interactions = models.ManyToManyField(
        "partners.Interaction",
        verbose_name=_("interactions under it"),
        blank=True,
        related_name="agreements",
    )
    events = models.ManyToManyField(
        "events.Event", verbose_name=_("events under it"), blank=True, related_name="agreements"
    )
    activities = models.ManyToManyField(
        "aid.Activity",
        verbose_name=_("aid activities under it"),
        blank=True,
        related_name="agreements",
    )
    external_ref = models.CharField(_("external reference"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = [F("signed_on").desc(nulls_last=True), "-id"]
        indexes = [
            # the board and the reminders: the running agreements by their expiry
            models.Index(fields=["status", "ends_on", "id"], name="agreement_status_ends_idx"),
            models.Index(fields=["signed_on", "id"], name="agreement_signed_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["external_ref"],
                condition=~Q(external_ref="") & Q(deleted_at__isnull=True),
                name="agreements_agreement_unique_external_ref",
                violation_error_message=_("Another agreement already has this external reference."),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(signed_on__isnull=True)
                | Q(ends_on__gte=F("signed_on")),
                name="agreements_agreement_expires_after_signing",
                violation_error_message=_("An agreement cannot expire before it is signed."),
            ),
        ]

    def __str__(self):
        return in_language(self.title_vi, self.title_en)

    def get_absolute_url(self):
        return reverse("agreements:agreement", args=[self.pk])

    #: set by the form that uploads a signed copy with the agreement: the copies coming with
    #: this save, which the rule "a signed agreement has a signed file" counts
    signed_files_coming = 0

    @property
    def is_running(self) -> bool:
        return self.status in RUNNING

    @property
    def days_left(self) -> int | None:
        """Days until it expires (negative once past); None when it has no end."""
        if self.ends_on is None:
            return None
        return (self.ends_on - timezone.localdate()).days

    def signed_file_count(self) -> int:
        stored = self.files.filter(is_signed=True).count() if self.pk else 0
        return stored + self.signed_files_coming

    def clean(self):
        super().clean()
        errors: dict[str, list] = {}
        for field, message in self.term_errors():
            errors.setdefault(field, []).append(message)
        if self.status in RUNNING:
            if self.signed_on is None:
                errors.setdefault("signed_on", []).append(
                    _("A signed or in-force agreement needs its signing date.")
                )
            if not self.signed_file_count():
                errors.setdefault("status", []).append(
                    _(
                        "A signed or in-force agreement needs at least one signed file: "
                        "attach the signed copy first."
                    )
                )
        if errors:
            raise ValidationError(errors)

    def term_errors(self) -> list[tuple[str, object]]:
        """The rules of its dates and renewal, each a (field, message)."""
        errors: list[tuple[str, object]] = []
        if self.signed_on and self.ends_on and self.ends_on < self.signed_on:
            errors.append(("ends_on", _("An agreement cannot expire before it is signed.")))
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors.append(("ends_on", _("An agreement cannot expire before it comes into force.")))
        if self.status == AgreementStatus.EXPIRED and (
            self.ends_on is None or self.ends_on >= timezone.localdate()
        ):
            errors.append(
                ("status", _("Only an agreement whose expiry date has passed is expired."))
            )
        if self.renewal == RenewalRule.AUTOMATIC:
            if not self.renewal_years:
                errors.append(("renewal_years", _("Say for how many years it renews itself.")))
            if self.ends_on is None:
                errors.append(("ends_on", _("An agreement renewed automatically has an expiry.")))
        elif self.renewal_years:
            errors.append(
                ("renewal_years", _("Only an automatic renewal is for a number of years."))
            )
        return errors

    def derive_fields(self) -> None:
        # "Expired" follows the date: a running agreement saved after its expiry is renewed
        # (automatic renewal) or expired here; the daily reminder command does the same for
        # those nobody saves (`services.follow_the_dates`).
        super().derive_fields()
        follow_the_date(self, timezone.localdate())


def follow_the_date(agreement: Agreement, today: date) -> bool:
    """Renew or expire `agreement` when its expiry has passed; whether it changed."""
    if agreement.status not in RUNNING or agreement.ends_on is None or agreement.ends_on >= today:
        return False
    if agreement.renewal == RenewalRule.AUTOMATIC and agreement.renewal_years:
        while agreement.ends_on < today:
            agreement.ends_on = add_years(agreement.ends_on, agreement.renewal_years)
        return True
    agreement.status = AgreementStatus.EXPIRED
    return True


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


class Signer(BaseModel):
    """Who signed an agreement, for which side."""

    scope = Scope(parent="agreement")
    label_related = ("agreement",)

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="signers"
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=255, blank=True)
    side = models.CharField(_("side"), max_length=10, choices=SignerSide.choices)
    party = models.CharField(
        _("on behalf of"), max_length=255, blank=True, help_text=_("The party they signed for.")
    )

    class Meta:
        verbose_name = _("signer")
        verbose_name_plural = _("signers")
        ordering = ["agreement", "side", "id"]

    def __str__(self):
        return f"{self.name} – {self.agreement}"

    def get_absolute_url(self):
        return reverse("agreements:signer", args=[self.pk])


def agreement_file_path(instance, filename) -> str:
    """A name of our own: the name the file came with is kept apart, never used as a path."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"agreements/files/{timezone.now():%Y/%m}/{uuid4().hex}{suffix}"


class AgreementFile(UploadedFile):
    """A file of an agreement: the signed copy in a language, or a draft or an annex."""

    scope = Scope(parent="agreement")
    label_related = ("agreement",)

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="files"
    )
    title, file, original_name, size, content_type = UploadedFile.columns(agreement_file_path)
    language = models.CharField(
        _("language"), max_length=5, choices=AgreementLanguage.choices, blank=True
    )
    is_signed = models.BooleanField(
        _("signed copy"), default=True, help_text=_("The text as signed, not a draft or a note.")
    )

    class Meta:
        verbose_name = _("agreement file")
        verbose_name_plural = _("agreement files")
        ordering = ["agreement", "id"]

    def __str__(self):
        return self.title or self.original_name or str(_("agreement file"))

    def get_absolute_url(self):
        return reverse("agreements:agreementfile", args=[self.pk])

    def clean(self):
        super().clean()
        from amity.reporting.rules import check_attachment

        if not self.file:
            raise ValidationError({"file": _("Attach a file.")})
        if self.is_new_upload:
            try:
                check_attachment(self.file)
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from error


class Review(BaseModel):
    """A date on which the parties review how an agreement is carried out."""

    scope = Scope(parent="agreement")
    label_related = ("agreement",)

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="reviews"
    )
    due_on = models.DateField(_("review date"))
    held_on = models.DateField(_("held on"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)

    class Meta:
        verbose_name = _("agreement review")
        verbose_name_plural = _("agreement reviews")
        ordering = ["agreement", "due_on", "id"]
        indexes = [models.Index(fields=["due_on", "held_on"], name="agreement_review_due_idx")]

    def __str__(self):
        return f"{self.agreement} – {self.due_on:%d/%m/%Y}" if self.due_on else str(self.agreement)

    def get_absolute_url(self):
        return reverse("agreements:review", args=[self.pk])

    def clean(self):
        super().clean()
        if self.held_on and self.held_on > timezone.localdate() + timedelta(days=0):
            raise ValidationError({"held_on": _("A review cannot be held in the future.")})
