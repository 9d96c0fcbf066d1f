import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from amity.core.tables import BaseTable
from amity.training import models


class CourseTable(BaseTable):
    title_vi = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Course
        fields = (
            "title_vi",
            "starts_on",
            "ends_on",
            "place",
            "is_online",
            "organization",
            "nomination_deadline",
            "status",
        )


class SessionTable(BaseTable):
    starts_at = tables.Column(linkify=True)
    lecturer_name = tables.Column(verbose_name=_("lecturer"), orderable=False)

    class Meta(BaseTable.Meta):
        model = models.Session
        fields = ("course", "starts_at", "ends_at", "module", "lecturer_name")


class QuotaTable(BaseTable):
    places = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Quota
        fields = ("course", "organization", "places")


class MaterialTable(BaseTable):
    title = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Material
        fields = ("title", "original_name", "course", "size")
