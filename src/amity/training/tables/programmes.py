import django_tables2 as tables

from amity.core.tables import BaseTable
from amity.training import models


class ProgrammeTable(BaseTable):
    title_vi = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Programme
        fields = ("title_vi", "title_en", "target_group", "required_hours", "organization")


class ModuleTable(BaseTable):
    title_vi = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Module
        fields = ("programme", "order", "title_vi", "topic", "hours")
