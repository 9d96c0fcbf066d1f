"""Agreements in and out of XLSX: the parties are written by their names and read back by
name (or by id), whatever the case and the marks; a row naming an unknown or ambiguous party
is refused with its reason, and the file is written whole or not at all."""

import re

from django.utils.translation import gettext as _
from import_export import fields, widgets

from amity.agreements import models
from amity.agreements.forms.agreements import (
    AGENCY_FIELDS,
    AGREEMENT_FIELDS,
    COMMITMENT_FIELDS,
    FILE_FIELDS,
    REVIEW_FIELDS,
    SIGNER_FIELDS,
)
from amity.core.collation import fold
from amity.core.imports import ScopedForeignKeyWidget, ScopedResource
from amity.organizations.models import Organization
from amity.partners.models import Partner

#: the names a record is known by in a file, by model
NAMES = {
    Organization: ("name", "name_en", "short_name", "short_name_en", "external_ref"),
    Partner: ("name", "name_vi", "name_en", "acronym", "external_ref"),
    models.VietnameseAgency: ("name_vi", "name_en", "acronym"),
}


class NameIndex:
    """The records of a model that a user may name, by each of their folded names: read once
    per import. `find` answers a record, or raises ValueError saying why not."""

    def __init__(self, model, records):
        self.model = model
        self.by_pk = {}
        self.names: dict[str, list] = {}
        for record in records:
            self.by_pk[record.pk] = record
            keys = {getattr(record, name, "") or "" for name in NAMES[model]}
            for key in {fold(k.strip()) for k in keys if k.strip()}:
                self.names.setdefault(key, []).append(record)

    def find(self, token: str):
        if token.isascii() and token.isdigit() and int(token) in self.by_pk:
            return self.by_pk[int(token)]
        matches = self.names.get(fold(token), [])
        label = self.model._meta.verbose_name
        if not matches:
            raise ValueError(_("No %(kind)s named “%(name)s”.") % {"kind": label, "name": token})
        if len(matches) > 1:
            raise ValueError(
                _("Several records of %(kind)s are named “%(name)s”: give the id.")
                % {"kind": label, "name": token}
            )
        return matches[0]


def shown_name(record) -> str:
    return getattr(record, "name", None) or getattr(record, "name_vi", "") or str(record.pk)


class NamedListWidget(widgets.ManyToManyWidget):
    """Several records in one cell, by name or id, separated by semicolons or lines (names
    hold commas: "Bộ Văn hóa, Thể thao và Du lịch")."""

    SEPARATORS = re.compile(r"[;\n]")

    def __init__(self, model, choices):
        super().__init__(model, field="pk", separator=";")
        self.choices = choices  # (user) -> the records the user may name
        self.user = None
        self._index: NameIndex | None = None

    def clean(self, value, row=None, **kwargs):
        if self._index is None:
            self._index = NameIndex(self.model, self.choices(self.user))
        tokens = [t.strip()[:300] for t in self.SEPARATORS.split(str(value or "")) if t.strip()]
        return list(dict.fromkeys(self._index.find(token) for token in tokens))

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return "; ".join(shown_name(record) for record in value.all())


class NamedForeignKeyWidget(ScopedForeignKeyWidget):
    """One record by name or id, among those the relation may name."""

    def _look_up(self, value, row, **kwargs):
        text = str(value or "").strip()[:300]
        if not text:
            return None
        if not hasattr(self, "_index"):
            self._index = NameIndex(self.model, self.get_queryset(value, row))
        return self._index.find(text)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else shown_name(value)


class VietnameseAgencyResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.VietnameseAgency
        fields = ("id", *AGENCY_FIELDS)


#: the many-to-many columns written by name, and who may be named in them
NAMED_LISTS = {
    "other_organizations": (Organization, lambda user: Organization.objects.visible_to(user)),
    "partners": (Partner, lambda user: Partner.objects.visible_to(user)),
    "agencies": (
        models.VietnameseAgency,
        lambda user: models.VietnameseAgency.objects.visible_to(user),
    ),
}


class AgreementResource(ScopedResource):
    other_organizations = fields.Field(
        attribute="other_organizations",
        column_name="other_organizations",
        widget=NamedListWidget(Organization, NAMED_LISTS["other_organizations"][1]),
    )
    partners = fields.Field(
        attribute="partners",
        column_name="partners",
        widget=NamedListWidget(Partner, NAMED_LISTS["partners"][1]),
    )
    agencies = fields.Field(
        attribute="agencies",
        column_name="agencies",
        widget=NamedListWidget(models.VietnameseAgency, NAMED_LISTS["agencies"][1]),
    )

    class Meta(ScopedResource.Meta):
        model = models.Agreement
        fields = ("id", *AGREEMENT_FIELDS, "external_ref")
        import_id_fields = ["id"]

    def __init__(self, user=None, **kwargs):
        super().__init__(user=user, **kwargs)
        for name in NAMED_LISTS:
            self.fields[name].widget.user = user
        # the lead party by its name (the column keeps its place among the fields)
        self.fields["organization"] = fields.Field(
            attribute="organization",
            column_name="organization",
            widget=NamedForeignKeyWidget(
                Organization, user=user, choices=Organization.objects.editable_by(user)
            ),
        )


class SignerResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Signer
        fields = ("id", *SIGNER_FIELDS)


class AgreementFileResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.AgreementFile
        fields = ("id", *FILE_FIELDS, "original_name", "size")
        readonly_fields = ("original_name", "size")


class ReviewResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Review
        fields = ("id", *REVIEW_FIELDS)


class CommitmentResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Commitment
        fields = ("id", *COMMITMENT_FIELDS)
