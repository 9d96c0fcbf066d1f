import django_filters
from django.utils.translation import gettext_lazy as _

from amity.core.filtersets import BaseFilterSet
from amity.geo.choices import WorldRegion
from amity.geo.models import Country
from amity.organizations.models import Organization
from amity.partners import models, services


class PartnerFilterSet(BaseFilterSet):
    country = django_filters.ModelChoiceFilter(queryset=Country.objects.all(), label=_("country"))
    region = django_filters.ChoiceFilter(
        field_name="country__region", choices=WorldRegion.choices, label=_("world region")
    )
    field = django_filters.ModelChoiceFilter(
        field_name="fields", queryset=models.FieldOfWork.objects.all(), label=_("field of work")
    )
    holder = django_filters.ModelChoiceFilter(
        field_name="holders__organization",
        queryset=Organization.objects.all(),
        label=_("held by"),
        distinct=True,
    )
    dormant = django_filters.BooleanFilter(method="filter_dormant", label=_("dormant"))
    tag = django_filters.CharFilter(field_name="tags", lookup_expr="icontains", label=_("tag"))

    class Meta:
        model = models.Partner
        fields = ["kind", "country", "region", "field", "status", "holder", "sensitivity"]

    def search(self, queryset, name, value):
        # Partners have their own search: diacritics, typos and relevance (services.search).
        return services.search(queryset, value)

    def filter_dormant(self, queryset, name, value):
        if value is None:
            return queryset
        condition = services.dormant_filter()
        return queryset.filter(condition) if value else queryset.exclude(condition)


class RelationshipHolderFilterSet(BaseFilterSet):
    search_fields = ("partner__name", "organization__name")

    class Meta:
        model = models.RelationshipHolder
        fields = ["partner", "organization", "role"]


class ContactFilterSet(BaseFilterSet):
    search_fields = ("full_name", "title", "email", "partner__name")

    class Meta:
        model = models.Contact
        fields = ["partner", "is_current"]


class NgoRegistrationFilterSet(BaseFilterSet):
    search_fields = ("number", "partner__name", "issuing_authority")
    expires_before = django_filters.DateFilter(
        field_name="expires_on", lookup_expr="lte", label=_("expires before")
    )
    expiring = django_filters.BooleanFilter(method="filter_expiring", label=_("expiring soon"))

    class Meta:
        model = models.NgoRegistration
        fields = ["partner", "registration_type", "expires_before", "expiring"]

    def filter_expiring(self, queryset, name, value):
        if value is None:
            return queryset
        condition = services.expiring_filter()
        return queryset.filter(condition) if value else queryset.exclude(condition)


class InteractionFilterSet(BaseFilterSet):
    search_fields = ("summary", "partner__name")
    occurred_after = django_filters.DateFilter(
        field_name="occurred_on", lookup_expr="gte", label=_("from")
    )
    occurred_before = django_filters.DateFilter(
        field_name="occurred_on", lookup_expr="lte", label=_("until")
    )

    class Meta:
        model = models.Interaction
        fields = ["partner", "organization", "kind", "occurred_after", "occurred_before"]


class FollowUpFilterSet(BaseFilterSet):
    search_fields = ("action", "interaction__partner__name")
    due_before = django_filters.DateFilter(field_name="due_on", lookup_expr="lte", label=_("due"))

    class Meta:
        model = models.FollowUp
        fields = ["interaction", "owner", "state", "due_before"]
