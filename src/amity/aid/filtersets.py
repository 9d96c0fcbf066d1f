from datetime import date
from types import SimpleNamespace

import django_filters
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from amity.aid import codelists, models, services, statistics
from amity.aid.choices import Lineage
from amity.core.dates import MAX_YEAR, MIN_YEAR
from amity.core.filtersets import BaseFilterSet
from amity.geo.choices import WorldRegion
from amity.geo.models import Province
from amity.organizations.models import Organization
from amity.partners.models import FieldOfWork, Partner


def sector_group_choices():
    return [(group.code, str(group)) for group in FieldOfWork.objects.filter(kind="dac")]


class ActivityFilterSet(BaseFilterSet):
    """The activity list's filters, which the statistics page and the IATI export share."""

    search_fields = (
        "iati_identifier",
        "title_vi",
        "title_en",
        "reporting_org__name",
        "reporting_org__acronym",
        "external_ref",
    )
    year_from = django_filters.NumberFilter(method="filter_period", label=_("from year"))
    year_until = django_filters.NumberFilter(method="filter_period", label=_("until year"))
    province = django_filters.ModelChoiceFilter(
        queryset=Province.objects.all(), method="filter_province", label=_("province")
    )
    lineage = django_filters.ChoiceFilter(
        choices=Lineage.choices,
        method="keep",
        label=_("provinces merged in 2025"),
        empty_label=None,
    )
    sector_group = django_filters.ChoiceFilter(
        choices=sector_group_choices, method="filter_sector_group", label=_("sector group")
    )
    sector = django_filters.ChoiceFilter(
        choices=codelists.sector_choices, method="filter_sector", label=_("DAC sector")
    )
    region = django_filters.ChoiceFilter(
        field_name="reporting_org__country__region",
        choices=WorldRegion.choices,
        label=_("donor's world region"),
    )
    # Only donors of some activity and organizations keeping some: a choice list of the whole
    # partner database or registry would weigh on every page that shows these filters.
    reporting_org = django_filters.ModelChoiceFilter(
        queryset=Partner.objects.filter(pk__in=models.Activity.objects.values("reporting_org_id")),
        label=_("donor"),
    )
    organization = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.filter(
            Q(kind="central_union") | Q(pk__in=models.Activity.objects.values("organization_id"))
        ),
        method="filter_organization",
        label=_("counterpart"),
    )

    class Meta:
        model = models.Activity
        fields = [
            "status",
            "kind",
            "reporting_org",
            "region",
            "organization",
            "province",
            "lineage",
            "sector_group",
            "sector",
            "year_from",
            "year_until",
        ]

    #: what a donor's label reads (`Partner.__str__`: its names, and its sensitivity for whether
    #: the viewer may read them): the scoping of choice lists loads whole partners with their
    #: country, hundreds of them on every statistics page
    DONOR_LABEL_FIELDS = ("pk", "name", "name_vi", "name_en", "sensitivity")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        donors = self.filters["reporting_org"]
        donors.queryset = donors.queryset.select_related(None).only(*self.DONOR_LABEL_FIELDS)
        # Hundreds of donors: the page holds the chosen one, the others come as one types
        # (`views.donor_options`), as the API's lists answer other searchable selects.
        donors.options_url = reverse("aid:donor_options")

    def donors(self):
        """The donors the donor filter accepts: those the user may see."""
        return self.filters["reporting_org"].queryset

    @classmethod
    def for_user(cls, user, data):
        """The filters `data` (a query string) over the activities `user` may see."""
        visible = models.Activity.objects.visible_to(user)
        return cls(data, queryset=visible, request=SimpleNamespace(user=user))

    def activities(self):
        """The filtered activities; none when a filter is invalid."""
        return self.qs if self.is_valid() else self.queryset.none()

    def selection(self) -> statistics.Selection:
        """What the statistics count: the filtered activities, with the period applied to
        activities and transactions alike, split by the province and group chosen."""
        data = self.form.cleaned_data if self.is_valid() else {}
        start, end = self.period()
        return statistics.Selection(
            self.activities(),
            start,
            end,
            province=data.get("province"),
            lineage=self.lineage_mode,
            sector_group=data.get("sector_group") or "",
        )

    def keep(self, queryset, name, value):
        return queryset  # read by the province filter and the statistics

    @property
    def lineage_mode(self) -> str:
        value = self.form.cleaned_data.get("lineage") if self.form.is_valid() else ""
        return value or Lineage.CURRENT

    def period(self):
        """(start, end) of the years chosen, or None for an open end."""
        data = self.form.cleaned_data if self.form.is_valid() else {}
        first, last = data.get("year_from"), data.get("year_until")
        start = date(int(first), 1, 1) if first and MIN_YEAR <= first <= MAX_YEAR else None
        end = date(int(last), 12, 31) if last and MIN_YEAR <= last <= MAX_YEAR else None
        return start, end

    def filter_period(self, queryset, name, value):
        # Both ends are applied once: with `year_from` when it is given, else with `year_until`
        # (django-filter calls a filter's method only for a value, so an end year alone must
        # apply itself).
        if value is None or (name == "year_until" and self.form.cleaned_data.get("year_from")):
            return queryset
        start, end = self.period()
        return statistics.active_in(queryset, start, end) if (start or end) else queryset

    def filter_province(self, queryset, name, value):
        provinces = [value.pk]
        if self.lineage_mode == Lineage.CURRENT and value.is_current:
            provinces += list(value.predecessors.values_list("pk", flat=True))
        shares = models.ActivityProvince.objects.filter(province__in=provinces)
        return queryset.filter(pk__in=shares.values("activity_id"))

    def filter_sector_group(self, queryset, name, value):
        groups = {code for code, _label in sector_group_choices()}
        codes = statistics.sectors_in_group(value, groups)
        shares = models.ActivitySector.objects.filter(sector__in=codes)
        return queryset.filter(pk__in=shares.values("activity_id"))

    def filter_sector(self, queryset, name, value):
        shares = models.ActivitySector.objects.filter(sector=value)
        return queryset.filter(pk__in=shares.values("activity_id"))

    def filter_organization(self, queryset, name, value):
        """Activities an organization answers for: its own and those of the organizations under
        it or merged into it."""
        return queryset.filter(pk__in=services.activities_of(value).values("pk"))


class ActivityChildFilterSet(BaseFilterSet):
    search_fields = ("activity__iati_identifier", "activity__title_vi", "activity__title_en")


class ActivityProvinceFilterSet(ActivityChildFilterSet):
    class Meta:
        model = models.ActivityProvince
        fields = ["activity", "province"]


class ActivitySectorFilterSet(ActivityChildFilterSet):
    class Meta:
        model = models.ActivitySector
        fields = ["activity", "sector"]


class ParticipatingOrgFilterSet(ActivityChildFilterSet):
    search_fields = (*ActivityChildFilterSet.search_fields, "partner__name")

    class Meta:
        model = models.ParticipatingOrg
        fields = ["activity", "partner", "role"]


class BudgetFilterSet(ActivityChildFilterSet):
    class Meta:
        model = models.Budget
        fields = ["activity", "budget_type", "status", "currency"]


class ActivityDocumentFilterSet(ActivityChildFilterSet):
    search_fields = (*ActivityChildFilterSet.search_fields, "title")

    class Meta:
        model = models.ActivityDocument
        fields = ["activity", "category"]


class TransactionFilterSet(ActivityChildFilterSet):
    search_fields = (*ActivityChildFilterSet.search_fields, "description", "receiver_name")
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte", label=_("from"))
    date_until = django_filters.DateFilter(field_name="date", lookup_expr="lte", label=_("until"))
    unconverted = django_filters.BooleanFilter(
        method="filter_unconverted", label=_("without exchange rate")
    )

    class Meta:
        model = models.Transaction
        fields = [
            "activity",
            "transaction_type",
            "currency",
            "date_from",
            "date_until",
            "unconverted",
        ]

    def filter_unconverted(self, queryset, name, value):
        if value is None:
            return queryset
        missing = Q(value_usd__isnull=True) | Q(value_vnd__isnull=True)
        return queryset.filter(missing) if value else queryset.exclude(missing)


class RateFilterSet(BaseFilterSet):
    search_fields = ("currency", "source")
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte", label=_("from"))
    date_until = django_filters.DateFilter(field_name="date", lookup_expr="lte", label=_("until"))

    class Meta:
        model = models.Rate
        fields = ["currency", "organization", "date_from", "date_until"]


class UnplacedLocationFilterSet(ActivityChildFilterSet):
    search_fields = (*ActivityChildFilterSet.search_fields, "place_text", "publisher_ref")
    placed = django_filters.BooleanFilter(
        field_name="province", lookup_expr="isnull", exclude=True, label=_("province chosen")
    )
    donor = django_filters.ModelChoiceFilter(
        field_name="activity__reporting_org",
        # Only donors of some activity with a place not placed.
        queryset=Partner.objects.filter(
            pk__in=models.UnplacedLocation.objects.values("activity__reporting_org_id")
        ),
        label=_("donor"),
    )

    class Meta:
        model = models.UnplacedLocation
        fields = ["reason", "placed", "donor", "province", "activity"]
