"""Each filter of the organization registry's lists narrows them as it says."""

from datetime import date

from amity.organizations import models
from amity.organizations.choices import Language
from tests.filtersets import Case, FilterSetTestCase
from tests.organizations import test_models_generic as generic


def province_case(self, orgs, a, b):
    from amity.geo.models import Province

    ha_noi = Province.objects.get(code="01", is_current=True)
    models.Organization.objects.filter(pk=a.pk).update(province=ha_noi)
    return Case({"province": ha_noi.pk}, [a])


def within_case(self, orgs, a, b):
    # a is under Ha Noi, with the Ha Noi union and its member association
    return Case({"within": orgs.hanoi.pk}, [orgs.hanoi, orgs.hanoi_member, a])


def parent_case(self, orgs, a, b):
    return Case({"parent": orgs.hanoi.pk}, [orgs.hanoi_member, a])


class TestOrganizationFilters(FilterSetTestCase):
    model_case = generic.TestOrganization
    cases = {"province": province_case, "within": within_case, "parent": parent_case}
    not_filtered = {
        "founded_on": "a date of history, read on the record, not a list's criterion",
    }


class TestLineageEventFilters(FilterSetTestCase):
    model_case = generic.TestLineageEvent
    not_filtered = {"successor": "the successor's own page lists the events that name it"}


def language_case(self, orgs, a, b):
    models.PersonLanguage.objects.create(person=a, language=Language.FRENCH)
    models.PersonLanguage.objects.create(person=a, language=Language.ENGLISH)  # once, not twice
    models.PersonLanguage.objects.create(person=b, language=Language.RUSSIAN)
    return Case({"language": Language.FRENCH}, [a])


class TestPersonFilters(FilterSetTestCase):
    model_case = generic.TestPerson
    cases = {"language": language_case}
    not_filtered = {}


class TestPersonLanguageFilters(FilterSetTestCase):
    model_case = generic.TestPersonLanguage


def current_position_case(self, orgs, a, b):
    models.Position.objects.filter(pk=b.pk).update(ended_on=date(2023, 1, 1))
    return Case({"current": "true"}, [a])


class TestPositionFilters(FilterSetTestCase):
    model_case = generic.TestPosition
    cases = {"current": current_position_case}
    not_filtered = {"started_on": "a term's dates are read on the record; `current` filters"}


class TestCongressFilters(FilterSetTestCase):
    model_case = generic.TestCongress
    not_filtered = {"held_on": "a union holds a congress every five years: its number says which"}


class TestCommitteeFilters(FilterSetTestCase):
    model_case = generic.TestCommittee
    not_filtered = {
        "congress": "a committee is found by its organization; the congress is on its page",
        "started_on": "a term's dates are read on the record; `current` filters",
    }


class TestCommitteeMemberFilters(FilterSetTestCase):
    model_case = generic.TestCommitteeMember
    not_filtered = {
        "joined_on": "a member's dates are read on the record",
        "left_on": "a member's dates are read on the record",
    }


class TestCommitteeMeetingFilters(FilterSetTestCase):
    model_case = generic.TestCommitteeMeeting
    not_filtered = {"held_on": "a committee meets a few times a year: its list is short"}


class TestMeetingAttendanceFilters(FilterSetTestCase):
    model_case = generic.TestMeetingAttendance


class TestStaffingRecordFilters(FilterSetTestCase):
    model_case = generic.TestStaffingRecord
