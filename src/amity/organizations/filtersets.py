import django_filters
from django.utils.translation import gettext_lazy as _

from amity.core.filtersets import BaseFilterSet
from amity.geo.models import Province
from amity.organizations import models


def organization_filter(label, **kwargs):
    return django_filters.ModelChoiceFilter(
        queryset=models.Organization.objects.all(), label=label, **kwargs
    )


class OrganizationFilterSet(BaseFilterSet):
    search_fields = ("name", "name_en", "short_name", "short_name_en", "external_ref")
    parent = organization_filter(_("parent organization"))
    province = django_filters.ModelChoiceFilter(
        queryset=Province.objects.all(), label=_("province")
    )
    within = organization_filter(_("within"), method="filter_within")

    class Meta:
        model = models.Organization
        fields = ["kind", "status", "parent", "province"]

    def filter_within(self, queryset, name, value):
        return queryset.filter(pk__in=value.branch_ids()) if value else queryset


class LineageEventFilterSet(BaseFilterSet):
    search_fields = ("decision", "previous_name", "organization__name", "successor__name")
    organization = organization_filter(_("organization"))
    occurred_after = django_filters.DateFilter(
        field_name="occurred_on", lookup_expr="gte", label=_("from")
    )
    occurred_before = django_filters.DateFilter(
        field_name="occurred_on", lookup_expr="lte", label=_("until")
    )

    class Meta:
        model = models.LineageEvent
        fields = ["kind", "organization"]


class PersonFilterSet(BaseFilterSet):
    search_fields = ("full_name", "email", "expertise", "external_ref")
    organization = organization_filter(_("home organization"))
    language = django_filters.ChoiceFilter(
        field_name="languages__language",
        choices=models.Language.choices,
        label=_("language"),
        distinct=True,
    )

    class Meta:
        model = models.Person
        fields = ["organization", "gender", "is_full_time", "language"]


class PersonLanguageFilterSet(BaseFilterSet):
    search_fields = ("person__full_name",)

    class Meta:
        model = models.PersonLanguage
        fields = ["language", "level", "person"]


class PositionFilterSet(BaseFilterSet):
    search_fields = ("person__full_name", "title_detail", "organization__name")
    organization = organization_filter(_("organization"))
    current = django_filters.BooleanFilter(
        field_name="ended_on", lookup_expr="isnull", label=_("current")
    )

    class Meta:
        model = models.Position
        fields = ["organization", "title", "person", "current"]


class CongressFilterSet(BaseFilterSet):
    search_fields = ("organization__name", "organization__name_en")
    organization = organization_filter(_("organization"))

    class Meta:
        model = models.Congress
        fields = ["organization", "number"]


class CommitteeFilterSet(BaseFilterSet):
    search_fields = ("organization__name", "organization__name_en")
    organization = organization_filter(_("organization"))
    current = django_filters.BooleanFilter(
        field_name="ended_on", lookup_expr="isnull", label=_("current")
    )

    class Meta:
        model = models.Committee
        fields = ["organization", "kind", "current"]


class CommitteeMemberFilterSet(BaseFilterSet):
    search_fields = ("person__full_name",)

    class Meta:
        model = models.CommitteeMember
        fields = ["committee", "person", "role"]


class CommitteeMeetingFilterSet(BaseFilterSet):
    search_fields = ("location", "summary")

    class Meta:
        model = models.CommitteeMeeting
        fields = ["committee"]


class MeetingAttendanceFilterSet(BaseFilterSet):
    search_fields = ("member__person__full_name",)

    class Meta:
        model = models.MeetingAttendance
        fields = ["meeting", "member", "status"]


class StaffingRecordFilterSet(BaseFilterSet):
    search_fields = ("organization__name", "organization__name_en")
    organization = organization_filter(_("organization"))

    class Meta:
        model = models.StaffingRecord
        fields = ["organization", "year"]
