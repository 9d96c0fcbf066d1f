"""Each filter of the training lists narrows the list as it says, on the page and in the API
(`tests.filtersets`)."""

from datetime import date

from amity.training.models import Course
from tests.events.factories import event
from tests.filtersets import Case, FilterSetTestCase
from tests.training import builders as build
from tests.training import test_models_generic as generic


def year_case(self, orgs, a, b):
    """A course is of the year it starts in."""
    Course.all_objects.filter(pk=a.pk).update(starts_on=date(2031, 3, 1))
    Course.all_objects.filter(pk=b.pk).update(starts_on=date(2032, 3, 1))
    return Case({"year": "2031"}, [a])


class TestProgrammeFilters(FilterSetTestCase):
    model_case = generic.TestProgramme


class TestModuleFilters(FilterSetTestCase):
    model_case = generic.TestModule


class TestCourseFilters(FilterSetTestCase):
    model_case = generic.TestCourse
    cases = {"year": year_case}
    links = {"event": lambda course: event(course.organization, is_online=True)}


class TestSessionFilters(FilterSetTestCase):
    model_case = generic.TestSession
    links = {
        "module": lambda session: build.module(session.course.programme),
        "lecturer": lambda session: build.person(session.course.organization, 77),
    }


class TestQuotaFilters(FilterSetTestCase):
    model_case = generic.TestQuota


class TestMaterialFilters(FilterSetTestCase):
    model_case = generic.TestMaterial


class TestNominationFilters(FilterSetTestCase):
    model_case = generic.TestNomination


class TestAttendanceFilters(FilterSetTestCase):
    model_case = generic.TestAttendance


class TestResultFilters(FilterSetTestCase):
    model_case = generic.TestResult


class TestFeedbackFilters(FilterSetTestCase):
    model_case = generic.TestFeedback
    links = {
        "nomination": lambda feedback: build.nomination(
            feedback.course.organization, 78, course_=feedback.course
        )
    }
