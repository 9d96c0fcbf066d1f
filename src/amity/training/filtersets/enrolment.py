from amity.core.filtersets import BaseFilterSet
from amity.training import models


class NominationFilterSet(BaseFilterSet):
    search_fields = ("person__full_name", "note")

    class Meta:
        model = models.Nomination
        fields = {
            "course": ["exact"],
            "person": ["exact"],
            "organization": ["exact"],
            "state": ["exact"],
        }


class AttendanceFilterSet(BaseFilterSet):
    search_fields = ("nomination__person__full_name",)

    class Meta:
        model = models.Attendance
        fields = {"session": ["exact"], "nomination": ["exact"], "present": ["exact"]}


class ResultFilterSet(BaseFilterSet):
    search_fields = ("certificate_number", "nomination__person__full_name")

    class Meta:
        model = models.Result
        fields = {
            "nomination": ["exact"],
            "completed": ["exact"],
            "passed": ["exact"],
            "issued_on": ["gte", "lte"],
        }


class FeedbackFilterSet(BaseFilterSet):
    search_fields = ("comments",)

    class Meta:
        model = models.Feedback
        fields = {"course": ["exact"], "nomination": ["exact"]}
