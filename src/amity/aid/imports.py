"""Import and export resources: the export's columns are the import's, plus read-only names.

An activity's provinces and sectors are two columns of its row ("01:60; old-30:40",
"12220:100"), so that their percentages are checked together; an activity's transactions,
budgets and participants have lists of their own.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields as resource_fields
from import_export.widgets import ForeignKeyWidget

from amity.aid import forms, models, services
from amity.core.imports import ScopedResource
from amity.organizations.imports import display_of


class ActivityResource(ScopedResource):
    reporting_org_name = display_of("reporting_org__name", "reporting_org_name")
    organization_name = display_of("organization__name", "organization_name")
    provinces = resource_fields.Field(column_name="provinces")
    sectors = resource_fields.Field(column_name="sectors")

    class Meta(ScopedResource.Meta):
        model = models.Activity
        fields = (
            "id",
            "iati_identifier",
            "reporting_org",
            "reporting_org_name",
            "reporting_org_ref",
            "title_vi",
            "title_en",
            "description_vi",
            "description_en",
            "kind",
            "status",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            "organization",
            "organization_name",
            "local_counterparts",
            "default_currency",
            "provinces",
            "sectors",
            "external_ref",
            "notes",
        )
        import_id_fields = ["id"]

    def dehydrate_provinces(self, activity):
        return services.format_shares(activity.province_shares.all())

    def dehydrate_sectors(self, activity):
        return services.format_shares(activity.sector_shares.all())

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        if field.column_name in services.SHARE_MODELS:
            return  # read with the whole row in import_instance
        super().import_field(field, instance, row, is_m2m, **kwargs)

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        instance._import_shares = {}
        for name in services.SHARE_MODELS:
            if name not in row:
                continue
            field = forms.SharesField(kind=name.rstrip("s"), label=name)
            try:
                instance._import_shares[name] = field.clean(row[name])
            except ValidationError as error:
                errors[name] = error.messages
        if errors:
            raise ValidationError(errors)

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        for name, rows in getattr(instance, "_import_shares", {}).items():
            services.set_shares(instance, services.SHARE_MODELS[name], rows, self.user)


class ActivityChildResource(ScopedResource):
    activity_identifier = display_of("activity__iati_identifier", "activity_identifier")


class ActivityProvinceResource(ActivityChildResource):
    class Meta(ScopedResource.Meta):
        model = models.ActivityProvince
        fields = ("id", "activity", "activity_identifier", "province", "percentage", "notes")


class ActivitySectorResource(ActivityChildResource):
    class Meta(ScopedResource.Meta):
        model = models.ActivitySector
        fields = ("id", "activity", "activity_identifier", "sector", "percentage", "notes")


class ParticipatingOrgResource(ActivityChildResource):
    partner_name = display_of("partner__name", "partner_name")

    class Meta(ScopedResource.Meta):
        model = models.ParticipatingOrg
        fields = (
            "id",
            "activity",
            "activity_identifier",
            "partner",
            "partner_name",
            "role",
            "ref",
            "notes",
        )


class BudgetResource(ActivityChildResource):
    class Meta(ScopedResource.Meta):
        model = models.Budget
        fields = (
            "id",
            "activity",
            "activity_identifier",
            "budget_type",
            "status",
            "period_start",
            "period_end",
            "value",
            "currency",
            "value_date",
            "notes",
        )


class ActivityDocumentResource(ActivityChildResource):
    class Meta(ScopedResource.Meta):
        model = models.ActivityDocument
        fields = (
            "id",
            "activity",
            "activity_identifier",
            "title",
            "url",
            "category",
            "language",
            "document_date",
            "notes",
        )


class ActivityIdentifierWidget(ForeignKeyWidget):
    """An activity named by its IATI identifier, among those the import's user may edit (read
    for the whole file up front by `TransactionResource.before_import`)."""

    def __init__(self, resource):
        super().__init__(models.Activity, field="iati_identifier")
        self.resource = resource

    def clean(self, value, row=None, **kwargs):
        identifier = str(value or "").strip()
        if not identifier:
            raise ValueError(_("Give the activity's IATI identifier."))
        activity = self.resource.activities.get(identifier)
        if activity is not None:
            return activity
        if identifier in self.resource.visible_only:
            raise ValueError(
                _("The activity %(identifier)s is kept by an organization you may not edit.")
                % {"identifier": identifier}
            )
        raise ValueError(
            _("There is no activity with the IATI identifier %(identifier)s.")
            % {"identifier": identifier}
        )

    def render(self, value, obj=None, **kwargs):
        return value.iati_identifier if value is not None else ""


#: what a transaction row sets: a row that changes none of them is skipped, not saved again
TRANSACTION_FIELDS = (
    "activity_id",
    "ref",
    "transaction_type",
    "date",
    "value",
    "currency",
    "value_date",
    "description",
    "provider_org_id",
    "receiver_name",
    "notes",
)


class TransactionResource(ScopedResource):
    """Transactions keyed by their activity's IATI identifier (`iati-identifier`), as donors'
    spreadsheets name them. A row with a transaction reference (`ref`) updates the activity's
    transaction of that reference when there is one, so that importing a file again changes
    nothing; a row without one adds a transaction each time (unless it gives the `id`)."""

    iati_identifier = resource_fields.Field(
        attribute="activity",
        column_name="iati-identifier",
        widget=ForeignKeyWidget(models.Activity, field="iati_identifier"),
    )
    activity_title = display_of("activity__title_vi", "activity_title")
    value_usd = display_of("value_usd", "value_usd")
    value_vnd = display_of("value_vnd", "value_vnd")

    class Meta(ScopedResource.Meta):
        model = models.Transaction
        fields = (
            "id",
            "iati_identifier",
            "activity_title",
            "ref",
            "transaction_type",
            "date",
            "value",
            "currency",
            "value_date",
            "value_usd",
            "value_vnd",
            "description",
            "provider_org",
            "receiver_name",
            "notes",
        )
        use_bulk = True

    def __init__(self, user=None, **kwargs):
        super().__init__(user=user, **kwargs)
        self.fields["iati_identifier"].widget = ActivityIdentifierWidget(self)
        #: IATI identifier → activity the user may edit, for the identifiers of the file
        self.activities: dict[str, models.Activity] = {}
        #: identifiers of activities the user may see but not edit
        self.visible_only: set[str] = set()
        self._by_reference: dict[tuple[int, str], models.Transaction] = {}
        self._deleted_references: set[tuple[int, str]] = set()
        self._reference_lines: dict[tuple[int, str], int] = {}
        self._before: dict[int, tuple] = {}
        self._rates = None
        self._chains: dict[int, list[int]] = {}

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        identifiers = sorted(set(_values(dataset, "iati-identifier")))
        for chunk in _chunks(identifiers):
            editable = models.Activity.objects.editable_by(self.user).filter(
                iati_identifier__in=chunk
            )
            self.activities.update(
                (item.iati_identifier, item) for item in editable.select_related("organization")
            )
        unseen = [identifier for identifier in identifiers if identifier not in self.activities]
        for chunk in _chunks(unseen):
            self.visible_only.update(
                models.Activity.objects.visible_to(self.user)
                .filter(iati_identifier__in=chunk)
                .values_list("iati_identifier", flat=True)
            )
        references = set(_values(dataset, "ref"))
        keys = [item.pk for item in self.activities.values()]
        for chunk in _chunks(keys):
            if not references:
                break
            known = models.Transaction.all_objects.filter(activity_id__in=chunk, ref__in=references)
            for item in known:
                key = (item.activity_id, item.ref)
                if item.deleted_at is None:
                    self._by_reference[key] = item
                else:
                    self._deleted_references.add(key)
        for item in self._by_reference.values():
            self._before[item.pk] = _fields_of(item)
        # The check's warnings convert each row with one rate table and one chain of keepers per
        # organization for the whole file.
        currencies = {value.upper() for value in _values(dataset, "currency")} | {"USD"}
        self._rates = services.RateTable(models.Rate.objects.filter(currency__in=currencies))
        for activity in self.activities.values():
            self._chains.setdefault(
                activity.organization_id, services.keeper_chain(activity.organization)
            )

    def get_instance(self, instance_loader, row):
        reference = str(row.get("ref") or "").strip()
        if str(row.get("id") or "").strip() or not reference:
            return super().get_instance(instance_loader, row)
        activity = self.activities.get(str(row.get("iati-identifier") or "").strip())
        if activity is None:
            return None  # the identifier's own error names the row
        key = (activity.pk, reference)
        line = self._reference_lines.setdefault(key, self._current_line)
        if line != self._current_line:
            raise ValidationError(
                {
                    "ref": _("This transaction reference is already on line %(line)s of the file.")
                    % {"line": line}
                }
            )
        if key in self._deleted_references:
            raise ValidationError(
                {
                    "ref": _(
                        "The transaction with this reference was deleted; restore it from the "
                        "trash first."
                    )
                }
            )
        return self._by_reference.get(key)

    def import_instance(self, instance, row, **kwargs):
        found = instance.pk  # a row found by its reference may leave its `id` column empty
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict({})
            if "activity" in errors:  # named by the column the person typed it in
                errors["iati-identifier"] = errors.pop("activity")
            raise ValidationError(errors) from error
        finally:
            if found is not None:
                instance.pk = found

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """A row found by its reference that would leave its transaction as it is: skipped, no
        new version (a donor's file imported again). A row naming its `id` is an edit of that
        record, saved as any edit is."""
        if import_validation_errors or str(row.get("id") or "").strip():
            return False
        if instance.pk is None or instance.pk not in self._before:
            return False
        return _fields_of(instance) == self._before[instance.pk]

    def row_warnings(self, instance, row):
        # The values in USD and VND, as writing the row will set them.
        instance.derive_fields()
        chain = self._chains.get(instance.activity.organization_id)
        services.convert_transaction(instance, self._rates, chain)
        if instance.value_usd is None or instance.value_vnd is None:
            return [
                _("No exchange rate converts %(currency)s on %(date)s yet.")
                % {"currency": instance.currency, "date": instance.value_date.strftime("%d/%m/%Y")}
            ]
        return []


def _fields_of(transaction_) -> tuple:
    values = {name: getattr(transaction_, name) for name in TRANSACTION_FIELDS}
    values["value_date"] = values["value_date"] or values["date"]  # empty: the date's rate
    return tuple(values.values())


def _values(dataset, header: str) -> list[str]:
    if header not in (dataset.headers or []):
        return []
    return [str(value).strip() for value in dataset[header] if str(value or "").strip()]


def _chunks(values: list, size: int = 500):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


class RateResource(ScopedResource):
    organization_name = display_of("organization__name", "organization_name")

    class Meta(ScopedResource.Meta):
        model = models.Rate
        fields = (
            "id",
            "organization",
            "organization_name",
            "currency",
            "date",
            "usd_per_unit",
            "vnd_per_unit",
            "source",
            "notes",
        )


class UnplacedLocationResource(ActivityChildResource):
    class Meta(ScopedResource.Meta):
        model = models.UnplacedLocation
        fields = (
            "id",
            "activity",
            "activity_identifier",
            "publisher_ref",
            "place_text",
            "reason",
            "province",
            "notes",
        )
