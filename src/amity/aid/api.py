"""The aid domain's API: scoped and filtered like its pages, with the statistics' figures."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from amity.aid import filtersets, forms, models, services, statistics
from amity.core.api import BASE_FIELDS, ScopedModelSerializer, ScopedModelViewSet
from amity.geo.models import Province

SHARES_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "province": {"type": "integer"},
            "sector": {"type": "string"},
            "code": {"type": "string", "readOnly": True},
            "percentage": {"type": "string"},
        },
    },
}


@extend_schema_field(SHARES_SCHEMA)
class SharesSerializerField(serializers.Field):
    """An activity's provinces or sectors: [{"province": id, "percentage": "60.00"}, …] or
    [{"sector": "12220", "percentage": "100"}]; the percentages sum to 100 (or the list is
    empty)."""

    def __init__(self, kind, **kwargs):
        self.kind = kind
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_representation(self, shares):
        rows = []
        for share in shares.all():
            row = {self.kind: share.province_id if self.kind == "province" else share.sector}
            if self.kind == "province":
                row["code"] = services.province_token(share.province)
            row["percentage"] = f"{share.percentage:.2f}"
            rows.append(row)
        return rows

    def to_internal_value(self, data):
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise serializers.ValidationError(_("A list of objects with a percentage."))
        rows = [(str(item.get(self.kind, "")), str(item.get("percentage", ""))) for item in data]
        if self.kind == "province":  # the API names a province by its id, as everywhere
            ids = [int(key) for key, _ in rows if key.isdigit() and len(key) < 10]
            tokens = {
                str(p.pk): services.province_token(p) for p in Province.objects.filter(pk__in=ids)
            }
            rows = [(tokens.get(key, f"#{key}"), percentage) for key, percentage in rows]
        field = forms.SharesField(kind=self.kind, label=self.field_name)
        try:
            return field.clean(rows)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from error


class ActivitySerializer(ScopedModelSerializer):
    provinces = SharesSerializerField("province", source="province_shares")
    sectors = SharesSerializerField("sector", source="sector_shares")
    title = serializers.CharField(read_only=True)

    class Meta:
        model = models.Activity
        fields = (
            *BASE_FIELDS,
            "iati_identifier",
            "reporting_org",
            "reporting_org_ref",
            "title",
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
            "other_counterparts",
            "local_counterparts",
            "default_currency",
            "provinces",
            "sectors",
            "external_ref",
            "notes",
        )

    def validate(self, attrs):
        shares = {
            name: attrs.pop(name) for name in ("province_shares", "sector_shares") if name in attrs
        }
        attrs = super().validate(attrs)
        attrs.update(shares)
        return attrs

    def _save_shares(self, activity, shares):
        user = self.context["request"].user
        for name, model in (
            ("province_shares", models.ActivityProvince),
            ("sector_shares", models.ActivitySector),
        ):
            if name in shares:
                services.set_shares(activity, model, shares[name], user)

    def create(self, validated_data):
        shares = {
            name: validated_data.pop(name)
            for name in ("province_shares", "sector_shares")
            if name in validated_data
        }
        activity = super().create(validated_data)
        self._save_shares(activity, shares)
        return activity

    def update(self, instance, validated_data):
        shares = {
            name: validated_data.pop(name)
            for name in ("province_shares", "sector_shares")
            if name in validated_data
        }
        activity = super().update(instance, validated_data)
        self._save_shares(activity, shares)
        return activity


class ChildSerializer(ScopedModelSerializer):
    owner_field = None


class ActivityProvinceSerializer(ChildSerializer):
    class Meta:
        model = models.ActivityProvince
        fields = (*BASE_FIELDS, "activity", "province", "percentage", "notes")


class ActivitySectorSerializer(ChildSerializer):
    class Meta:
        model = models.ActivitySector
        fields = (*BASE_FIELDS, "activity", "sector", "percentage", "notes")


class ParticipatingOrgSerializer(ChildSerializer):
    class Meta:
        model = models.ParticipatingOrg
        fields = (*BASE_FIELDS, "activity", "partner", "role", "ref", "notes")


class BudgetSerializer(ChildSerializer):
    class Meta:
        model = models.Budget
        fields = (
            *BASE_FIELDS,
            "activity",
            "budget_type",
            "status",
            "period_start",
            "period_end",
            "value",
            "currency",
            "value_date",
            "notes",
        )


class ActivityDocumentSerializer(ChildSerializer):
    class Meta:
        model = models.ActivityDocument
        fields = (
            *BASE_FIELDS,
            "activity",
            "title",
            "url",
            "category",
            "language",
            "document_date",
            "notes",
        )


class TransactionSerializer(ChildSerializer):
    problem = serializers.SerializerMethodField(
        help_text="Why the value has no USD or VND equivalent, when it has none."
    )

    class Meta:
        model = models.Transaction
        fields = (
            *BASE_FIELDS,
            "activity",
            "transaction_type",
            "date",
            "value",
            "currency",
            "value_date",
            "value_usd",
            "value_vnd",
            "problem",
            "ref",
            "description",
            "provider_org",
            "receiver_name",
            "notes",
        )
        read_only_fields = ("value_usd", "value_vnd")

    def get_problem(self, transaction_) -> str | None:
        if transaction_.value_usd is not None and transaction_.value_vnd is not None:
            return None
        return _("No exchange rate converts %(currency)s on %(date)s.") % {
            "currency": transaction_.currency,
            "date": transaction_.value_date.strftime("%d/%m/%Y") if transaction_.value_date else "",
        }


class RateSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Rate
        fields = (
            *BASE_FIELDS,
            "organization",
            "currency",
            "date",
            "usd_per_unit",
            "vnd_per_unit",
            "source",
            "notes",
        )


class ActivityViewSet(ScopedModelViewSet):
    model = models.Activity
    serializer_class = ActivitySerializer
    filterset_class = filtersets.ActivityFilterSet

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related("province_shares__province", "sector_shares", "other_counterparts")
        )

    @extend_schema(responses={200: dict}, filters=True)
    @action(detail=False, methods=["get"])
    def statistics(self, request):
        """The statistics page's figures for the same filters: totals (with the transactions no
        rate converts, listed as problems), and by province, sector, region, donor and year."""
        filterset = filtersets.ActivityFilterSet.for_user(request.user, request.query_params)
        return Response(statistics.statistics(filterset.selection()))


class ChildViewSet(ScopedModelViewSet):
    select_related = ("activity",)


class ActivityProvinceViewSet(ChildViewSet):
    model = models.ActivityProvince
    serializer_class = ActivityProvinceSerializer
    filterset_class = filtersets.ActivityProvinceFilterSet


class ActivitySectorViewSet(ChildViewSet):
    model = models.ActivitySector
    serializer_class = ActivitySectorSerializer
    filterset_class = filtersets.ActivitySectorFilterSet


class ParticipatingOrgViewSet(ChildViewSet):
    model = models.ParticipatingOrg
    serializer_class = ParticipatingOrgSerializer
    filterset_class = filtersets.ParticipatingOrgFilterSet


class BudgetViewSet(ChildViewSet):
    model = models.Budget
    serializer_class = BudgetSerializer
    filterset_class = filtersets.BudgetFilterSet


class ActivityDocumentViewSet(ChildViewSet):
    model = models.ActivityDocument
    serializer_class = ActivityDocumentSerializer
    filterset_class = filtersets.ActivityDocumentFilterSet


class TransactionViewSet(ChildViewSet):
    model = models.Transaction
    serializer_class = TransactionSerializer
    filterset_class = filtersets.TransactionFilterSet


class RateViewSet(ScopedModelViewSet):
    model = models.Rate
    serializer_class = RateSerializer
    filterset_class = filtersets.RateFilterSet


class UnplacedLocationSerializer(ChildSerializer):
    class Meta:
        model = models.UnplacedLocation
        fields = (
            *BASE_FIELDS,
            "activity",
            "publisher_ref",
            "place_text",
            "reason",
            "province",
            "notes",
        )


class UnplacedLocationViewSet(ChildViewSet):
    model = models.UnplacedLocation
    serializer_class = UnplacedLocationSerializer
    filterset_class = filtersets.UnplacedLocationFilterSet
