from datetime import timedelta

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from amity.agreements import models
from amity.agreements.choices import RUNNING, AgreementKind
from amity.core.filtersets import BaseFilterSet
from amity.geo.models import Country
from amity.organizations.models import Organization
from amity.partners.models import Partner

#: the board's horizon and the largest the lists accept: far enough for a term of years
BOARD_DAYS = 90
MAX_DAYS = 3660


class VietnameseAgencyFilterSet(BaseFilterSet):
    search_fields = ("name_vi", "name_en", "acronym")

    class Meta:
        model = models.VietnameseAgency
        fields = {"kind": ["exact"], "province": ["exact"], "organization": ["exact"]}


def expiring_within(queryset, days: int):
    """The running agreements expiring from today to `days` days ahead."""
    today = timezone.localdate()
    return queryset.filter(
        status__in=RUNNING, ends_on__gte=today, ends_on__lte=today + timedelta(days=days)
    )


class PartyFilterSet(BaseFilterSet):
    """The filters the list and the board share: an organization of ours as a party (the lead
    one or another), read as a subquery of each relation so that no agreement is repeated."""

    party = django_filters.ModelChoiceFilter(
        label=_("party organization"),
        queryset=Organization.objects.all(),
        method="filter_party",
    )

    def filter_party(self, queryset, name, value):
        others = models.Agreement.other_organizations.through.objects.filter(organization=value)
        return queryset.filter(Q(organization=value) | Q(pk__in=others.values("agreement_id")))


class AgreementFilterSet(PartyFilterSet):
    search_fields = ("title_vi", "title_en", "reference", "other_parties")
    partner = django_filters.ModelChoiceFilter(
        label=_("partner"), queryset=Partner.objects.all(), method="filter_partner"
    )
    agency = django_filters.ModelChoiceFilter(
        label=_("Vietnamese agency"),
        queryset=models.VietnameseAgency.objects.all(),
        method="filter_agency",
    )
    country = django_filters.ModelChoiceFilter(
        label=_("partner's country"), queryset=Country.objects.all(), method="filter_country"
    )
    expiring_within = django_filters.NumberFilter(
        label=_("expiring within (days)"),
        method="filter_expiring",
        min_value=0,
        max_value=MAX_DAYS,
    )
    signed_year = django_filters.NumberFilter(
        label=_("year signed"),
        field_name="signed_on",
        lookup_expr="year",
        min_value=1900,
        max_value=2200,
    )

    class Meta:
        model = models.Agreement
        fields = {
            "kind": ["exact"],
            "status": ["exact"],
            "renewal": ["exact"],
            "organization": ["exact"],
            "signed_on": ["gte", "lte"],
            "ends_on": ["gte", "lte"],
        }

    def _through(self, relation: str, **lookup):
        links = getattr(models.Agreement, relation).through.objects.filter(**lookup)
        return links.values("agreement_id")

    def filter_partner(self, queryset, name, value):
        return queryset.filter(pk__in=self._through("partners", partner=value))

    def filter_agency(self, queryset, name, value):
        return queryset.filter(pk__in=self._through("agencies", vietnameseagency=value))

    def filter_country(self, queryset, name, value):
        return queryset.filter(pk__in=self._through("partners", partner__country=value))

    def filter_expiring(self, queryset, name, value):
        return expiring_within(queryset, int(value))


class BoardFilterSet(PartyFilterSet):
    """The board of agreements expiring soon: by kind and party organization, within a
    number of days (90 unless said)."""

    search_fields = ("title_vi", "title_en", "reference")
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=AgreementKind.choices)
    days = django_filters.NumberFilter(
        label=_("within (days)"), method="filter_days", min_value=1, max_value=MAX_DAYS
    )

    class Meta:
        model = models.Agreement
        fields: list[str] = []

    def filter_days(self, queryset, name, value):
        return queryset  # applied in `qs`, whether given or not

    @property
    def qs(self):
        days = self.form.cleaned_data.get("days") if self.is_bound and self.is_valid() else None
        return expiring_within(super().qs, int(days or BOARD_DAYS)).order_by("ends_on", "id")


class SignerFilterSet(BaseFilterSet):
    search_fields = ("name", "position", "party")

    class Meta:
        model = models.Signer
        fields = {"agreement": ["exact"], "side": ["exact"]}


class AgreementFileFilterSet(BaseFilterSet):
    search_fields = ("title", "original_name")

    class Meta:
        model = models.AgreementFile
        fields = {"agreement": ["exact"], "language": ["exact"], "is_signed": ["exact"]}


class ReviewFilterSet(BaseFilterSet):
    search_fields = ("outcome", "agreement__title_vi")

    class Meta:
        model = models.Review
        fields = {"agreement": ["exact"], "due_on": ["gte", "lte"]}


class CommitmentFilterSet(BaseFilterSet):
    search_fields = ("description", "agreement__title_vi")

    class Meta:
        model = models.Commitment
        fields = {
            "agreement": ["exact"],
            "organization": ["exact"],
            "person": ["exact"],
            "status": ["exact"],
            "due_on": ["gte", "lte"],
        }
