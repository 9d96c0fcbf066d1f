"""The document register (sổ công văn đi/đến), its numbering counters, the files of its
entries, and the glossary of the system's standard terms.

An entry is its register's: the organization that keeps it (for an outgoing document, the
issuer), seen by the organizations above it. An outgoing document is numbered per issuer and
year, an incoming one gets the register's arrival number per year; the numbers come from one
counter row per (organization, year, direction), taken under a lock in the issuing transaction
(`amity.documents.numbering`), and a number once given, even to an entry deleted since, is
never given again (the unique constraints read deleted entries too).
"""

from pathlib import PurePath
from uuid import uuid4

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from amity.core.collation import fold
from amity.core.models import BaseModel, UploadedFile
from amity.core.scoping import Scope

#: the largest number a register gives in a year (a typed number above it is a typing error)
MAX_NUMBER = 999_999


class Direction(models.TextChoices):
    OUTGOING = "outgoing", _("Outgoing")
    INCOMING = "incoming", _("Incoming")


class DocumentType(models.TextChoices):
    """The kinds of official document (Decree 30/2020/NĐ-CP); their names as shown are the
    glossary's terms "document_type.<code>" (`amity.documents.glossary`)."""

    DECISION = "decision", _("Decision")
    OFFICIAL_LETTER = "official_letter", _("Official letter")
    REPORT = "report", _("Report")
    PLAN = "plan", _("Plan")
    NOTICE = "notice", _("Notice")
    INVITATION = "invitation", _("Invitation")
    CERTIFICATE = "certificate", _("Certificate")
    OTHER = "other", _("Other")


class PdfStatus(models.TextChoices):
    NONE = "", _("Not asked")
    PENDING = "pending", _("Being converted")
    READY = "ready", _("Ready")
    UNAVAILABLE = "unavailable", _("No converter installed")
    FAILED = "failed", _("Conversion failed")


class RegisterEntry(BaseModel):
    """A document in an organization's register, outgoing or incoming."""

    scope = Scope("organization", above=True)
    open_choices = ("sender_organization",)  # any of our organizations may send a document
    label_related = ("organization",)

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("register of"),
        on_delete=models.PROTECT,
        related_name="register_entries",
        help_text=_(
            "The organization whose register this is; for an outgoing document, its issuer."
        ),
    )
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.OUTGOING
    )
    document_type = models.CharField(
        _("type of document"),
        max_length=20,
        choices=DocumentType.choices,
        default=DocumentType.OFFICIAL_LETTER,
    )
    number = models.PositiveIntegerField(
        _("number"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_NUMBER)],
        help_text=_("Outgoing: left empty, the register gives the next number of the year."),
    )
    symbol = models.CharField(
        _("symbol"),
        max_length=60,
        blank=True,
        help_text=_("“QĐ-LHHN”; left empty on an outgoing document, written from its type."),
    )
    issued_on = models.DateField(_("date of the document"))
    year = models.PositiveSmallIntegerField(_("year"), blank=True, editable=False, db_index=True)
    arrival_number = models.PositiveIntegerField(
        _("arrival number"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_NUMBER)],
        help_text=_("Incoming: left empty, the register gives the next arrival number."),
    )
    received_on = models.DateField(_("date received"), null=True, blank=True)
    sender_organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("sent by (our organization)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="register_entries_sent",
    )
    sender_name = models.CharField(_("sent by"), max_length=255, blank=True)
    recipients = models.TextField(_("recipients"), blank=True, help_text=_("One a line."))
    subject = models.TextField(_("subject"), max_length=2000)
    signer = models.CharField(_("signed by"), max_length=255, blank=True)
    signer_position = models.CharField(_("signer's position"), max_length=255, blank=True)
    source_type = models.ForeignKey(
        ContentType,
        verbose_name=_("drafted from (kind)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    source_id = models.PositiveBigIntegerField(
        _("drafted from (record)"), null=True, blank=True, editable=False
    )
    source = GenericForeignKey("source_type", "source_id")
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = _("register entry")
        verbose_name_plural = _("register entries")
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year", "number"],
                condition=Q(direction="outgoing"),
                name="documents_register_unique_outgoing_number",
                violation_error_message=_("This number is already taken in this register."),
            ),
            models.UniqueConstraint(
                fields=["organization", "year", "arrival_number"],
                condition=Q(direction="incoming"),
                name="documents_register_unique_arrival_number",
                violation_error_message=_("This arrival number is already taken."),
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "-issued_on"], name="documents_register_org_date"),
            # the centre's register in its own order: a deep page reads its rows along the
            # index instead of sorting every entry, and the count reads the index alone (it
            # holds `deleted_at`, the one column the count asks, for SQLite to see that)
            models.Index(
                fields=["-issued_on", "-id", "deleted_at"],
                condition=Q(deleted_at__isnull=True),
                name="documents_register_live_date",
            ),
            models.Index(fields=["source_type", "source_id"], name="documents_register_source"),
        ]

    def __str__(self):
        return f"{self.reference} · {self.subject[:80]}" if self.reference else self.subject[:80]

    def get_absolute_url(self):
        return reverse("documents:registerentry", args=[self.pk])

    @property
    def reference(self) -> str:
        """The number and symbol as written on the document: "15/QĐ-LHHN"."""
        if self.number and self.symbol:
            return f"{self.number}/{self.symbol}"
        return str(self.number or self.symbol or "")

    def get_document_type_display(self) -> str:
        """The type's name in the glossary (`amity.documents.glossary`), where an edit shows."""
        code = self.document_type
        return term_name(f"{TermCategory.DOCUMENT_TYPE}.{code}", DocumentType(code).label)

    def derive_fields(self) -> None:
        super().derive_fields()
        if self.issued_on:
            self.year = self.issued_on.year
        # folded as search compares it ("hoi nghi" finds "Hội nghị"): the register's search
        # then matches the stored text as it is, along no function called on each row
        self.search_text = fold(
            " ".join(filter(None, [self.reference, self.subject, self.sender_name, self.signer]))
        )

    def clean(self):
        super().clean()
        errors: dict[str, str] = {}
        if self.direction == Direction.INCOMING:
            if not (self.sender_name.strip() or self.sender_organization_id):
                errors["sender_name"] = _("An incoming document needs its sender.")
            if self.received_on and self.issued_on and self.received_on < self.issued_on:
                errors["received_on"] = _("A document cannot arrive before its date.")
        elif self.arrival_number:
            errors["arrival_number"] = _("Only an incoming document has an arrival number.")
        errors.update(self.taken_number_errors())
        if errors:
            raise ValidationError(errors)

    def taken_number_errors(self) -> dict[str, str]:
        """A number typed by hand that the register gave already, to an entry deleted since
        too (the database's unique constraint sees those; the default manager does not)."""
        if not (self.organization_id and self.issued_on):
            return {}
        field = "number" if self.direction == Direction.OUTGOING else "arrival_number"
        value = getattr(self, field)
        if not value:
            return {}
        taken = RegisterEntry.all_objects.filter(
            organization_id=self.organization_id,
            direction=self.direction,
            year=self.issued_on.year,
            **{field: value},
        ).exclude(pk=self.pk)
        if not taken.exists():
            return {}
        return {
            field: _("Number %(number)s of %(year)s is already taken in this register.")
            % {"number": value, "year": self.issued_on.year}
        }


class RegisterCounter(models.Model):
    """The last number a register gave in a year, for one direction: the row locked while the
    next number is taken, so that two documents issued at once never get the same one. Never
    lowered: a deleted entry's number is not given again. Bookkeeping of the numbering, not a
    record users manage (the entries carry the history)."""

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    last_number = models.PositiveIntegerField(_("last number given"), default=0)

    class Meta:
        verbose_name = _("register counter")
        verbose_name_plural = _("register counters")
        ordering = ["organization", "year", "direction"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year", "direction"], name="documents_counter_unique"
            )
        ]

    def __str__(self):
        return f"{self.organization_id} · {self.year} · {self.direction}: {self.last_number}"


def register_file_path(instance, filename) -> str:
    """A name of our own: the name the file came with is kept apart, never used as a path."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"documents/register/{timezone.now():%Y/%m}/{uuid4().hex}{suffix}"


class RegisterFile(UploadedFile):
    """A file of a register entry (the signed scan, the Word document it was issued as), and
    the PDF converted from it when it is a Word document."""

    scope = Scope(parent="entry")
    editable_relations = ("entry",)
    label_related = ("entry",)

    entry = models.ForeignKey(
        RegisterEntry,
        verbose_name=_("register entry"),
        on_delete=models.CASCADE,
        related_name="files",
    )
    title, file, original_name, size, content_type = UploadedFile.columns(register_file_path)
    pdf = models.FileField(
        _("PDF"), upload_to=register_file_path, max_length=255, blank=True, editable=False
    )
    pdf_status = models.CharField(
        _("PDF"), max_length=12, choices=PdfStatus.choices, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("register file")
        verbose_name_plural = _("register files")
        ordering = ["entry", "id"]

    def __str__(self):
        return self.title or self.original_name or str(_("register file"))

    def get_absolute_url(self):
        return reverse("documents:registerfile", args=[self.pk])

    @property
    def is_word(self) -> bool:
        return PurePath(self.original_name or "").suffix.lower() == ".docx"

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


class TermCategory(models.TextChoices):
    ORGANIZATION_KIND = "organization_kind", _("Kind of organization")
    POSITION_TITLE = "position_title", _("Position")
    DOCUMENT_TYPE = "document_type", _("Type of document")
    OTHER = "other", _("Other term")


class Term(BaseModel):
    """A standard term of the system in Vietnamese and English ("Liên hiệp các tổ chức hữu
    nghị tỉnh, thành phố" / "Provincial or city Union"): the names of the codes in the code
    (`organization_kind.provincial_union`) and others the centre adds. The system's own have no
    organization and everyone reads them; one the centre adds is seen under it."""

    scope = Scope("organization", above=True, shared=Q(organization__isnull=True))

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("managed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="glossary_terms",
        help_text=_("Empty for the system's own terms."),
    )
    key = models.CharField(
        _("key"),
        max_length=100,
        help_text=_("“document_type.decision”: the category and the code the system uses."),
    )
    category = models.CharField(
        _("category"), max_length=30, choices=TermCategory.choices, default=TermCategory.OTHER
    )
    vi = models.CharField(_("Vietnamese"), max_length=255)
    en = models.CharField(_("English"), max_length=255, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["category", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"],
                name="documents_term_unique_key",
                violation_error_message=_("Another term already has this key."),
            )
        ]

    def __str__(self):
        from amity.organizations.models import in_language

        return in_language(self.vi, self.en)

    def get_absolute_url(self):
        return reverse("documents:term", args=[self.pk])

    def clean(self):
        super().clean()
        # a deleted term keeps its key (the trash may restore it): the constraint sees it
        if Term.all_objects.filter(key=self.key).exclude(pk=self.pk).exists():
            raise ValidationError({"key": _("Another term already has this key.")})


def term_name(key: str, fallback: str) -> str:
    """The name of the glossary's term `key` in the language of the request, or `fallback`
    (the code's own label) when the glossary lacks it: one query."""
    from amity.organizations.models import in_language

    found = Term.objects.filter(key=key).values_list("vi", "en").first()
    return in_language(*found) if found else str(fallback)
