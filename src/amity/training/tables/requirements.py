import django_tables2 as tables

from amity.core.tables import BaseTable
from amity.training import models


class RequirementTable(BaseTable):
    position_title = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Requirement
        fields = ("position_title", "programme", "organization_kind", "within_years")
