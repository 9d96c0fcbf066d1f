from datetime import date, timedelta

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from amity.core.filtersets import BaseFilterSet
from amity.geo.choices import WorldRegion
from amity.geo.models import Country
from amity.organizations.models import Organization
from amity.partners import models, services
from amity.partners.choices import FollowUpState

#: an open follow-up action is "due" when its date is at most this many days away (or past)
FOLLOW_UP_DUE_DAYS = 14


def held_filter(user) -> Q:
    """Partners held by the user's organization or by an organization under it."""
    return models.Partner.objects.all().owned_within(getattr(user, "organization", None))


def due_filter(today: date | None = None) -> Q:
    """Open follow-up actions due within FOLLOW_UP_DUE_DAYS days, or overdue."""
    today = today or date.today()
    horizon = today + timedelta(days=FOLLOW_UP_DUE_DAYS)
    return Q(state=FollowUpState.OPEN, due_on__lte=horizon)


def overdue_filter(today: date | None = None) -> Q:
    """Open follow-up actions whose date has passed."""
    return Q(state=FollowUpState.OPEN, due_on__lt=today or date.today())


def _filter_by(queryset, condition: Q, value):
    """A yes/no filter: the rows meeting `condition`, those not meeting it, or all of them."""
    if value is None:
        return queryset
    return queryset.filter(condition) if value else queryset.exclude(condition)


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
    held = django_filters.BooleanFilter(method="filter_held", label=_("held by my organization"))
    tag = django_filters.CharFilter(field_name="tags", lookup_expr="icontains", label=_("tag"))

    class Meta:
        model = models.Partner
        fields = ["kind", "country", "region", "field", "status", "holder", "sensitivity"]

    def search(self, queryset, name, value):
        # Partners have their own search: diacritics, typos and relevance (services.search).
        return services.search(queryset, value)

    def filter_dormant(self, queryset, name, value):
        return _filter_by(queryset, services.dormant_filter(), value)

    def filter_held(self, queryset, name, value):
        return _filter_by(queryset, held_filter(getattr(self.request, "user", None)), value)


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
        return _filter_by(queryset, services.expiring_filter(), value)


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
    due = django_filters.BooleanFilter(method="filter_due", label=_("due soon or overdue"))
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("overdue"))

    class Meta:
        model = models.FollowUp
        fields = ["interaction", "owner", "state", "due_before", "due", "overdue"]

    def filter_due(self, queryset, name, value):
        return _filter_by(queryset, due_filter(), value)

    def filter_overdue(self, queryset, name, value):
        return _filter_by(queryset, overdue_filter(), value)
