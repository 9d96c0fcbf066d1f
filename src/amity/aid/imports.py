"""Import and export resources: the export's columns are the import's, plus read-only names.

An activity's provinces and sectors are two columns of its row ("01:60; old-30:40",
"12220:100"), so that their percentages are checked together; an activity's transactions,
budgets and participants have lists of their own.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields as resource_fields

from amity.aid import forms, models, services
from amity.core.imports import ScopedResource, importable
from amity.organizations.imports import display_of


@importable("activities")
class ActivityResource(ScopedResource):
    reporting_org_name = display_of("reporting_org__name", "reporting_org_name")
    organization_name = display_of("organization__name", "organization_name")
    provinces = resource_fields.Field(column_name="provinces")
    sectors = resource_fields.Field(column_name="sectors")

    class Meta(ScopedResource.Meta):
        model = models.Activity
        fields = (
            "id", "iati_identifier", "reporting_org", "reporting_org_name", "reporting_org_ref",
            "title_vi",
            "title_en", "description_vi", "description_en", "kind", "status", "planned_start",
            "planned_end", "actual_start", "actual_end", "organization", "organization_name",
            "local_counterparts", "default_currency", "provinces", "sectors", "external_ref",
            "notes",
        )  # fmt: skip
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


@importable("activity-provinces")
class ActivityProvinceResource(ActivityChildResource):
    class Meta(ScopedResource.Meta):
        model = models.ActivityProvince
        fields = ("id", "activity", "activity_identifier", "province", "percentage", "notes")


@importable("activity-sectors")
class ActivitySectorResource(ActivityChildResource):
    class Meta(ScopedResource.Meta):
        model = models.ActivitySector
        fields = ("id", "activity", "activity_identifier", "sector", "percentage", "notes")


@importable("participating-organizations")
class ParticipatingOrgResource(ActivityChildResource):
    partner_name = display_of("partner__name", "partner_name")

    class Meta(ScopedResource.Meta):
        model = models.ParticipatingOrg
        fields = ("id", "activity", "activity_identifier", "partner", "partner_name", "role",
                  "ref", "notes")  # fmt: skip


@importable("budgets")
class BudgetResource(ActivityChildResource):
    class Meta(ScopedResource.Meta):
        model = models.Budget
        fields = ("id", "activity", "activity_identifier", "budget_type", "status",
                  "period_start", "period_end", "value", "currency", "value_date",
                  "notes")  # fmt: skip


@importable("activity-documents")
class ActivityDocumentResource(ActivityChildResource):
    class Meta(ScopedResource.Meta):
        model = models.ActivityDocument
        fields = ("id", "activity", "activity_identifier", "title", "url", "category",
                  "language", "document_date", "notes")  # fmt: skip


@importable("transactions")
class TransactionResource(ActivityChildResource):
    value_usd = display_of("value_usd", "value_usd")
    value_vnd = display_of("value_vnd", "value_vnd")

    class Meta(ScopedResource.Meta):
        model = models.Transaction
        fields = ("id", "activity", "activity_identifier", "transaction_type", "date", "value",
                  "currency", "value_date", "value_usd", "value_vnd", "description",
                  "provider_org", "receiver_name", "notes")  # fmt: skip

    def row_warnings(self, instance, row):
        instance.derive_fields()  # the values in USD and VND, as saving will set them
        if instance.value_usd is None or instance.value_vnd is None:
            return [_("No exchange rate converts %(currency)s on %(date)s yet.")
                    % {"currency": instance.currency,
                       "date": instance.value_date.strftime("%d/%m/%Y")}]  # fmt: skip
        return []


@importable("rates")
class RateResource(ScopedResource):
    organization_name = display_of("organization__name", "organization_name")

    class Meta(ScopedResource.Meta):
        model = models.Rate
        fields = ("id", "organization", "organization_name", "currency", "date",
                  "usd_per_unit", "vnd_per_unit", "source", "notes")  # fmt: skip
