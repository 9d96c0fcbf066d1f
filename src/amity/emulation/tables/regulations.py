import django_tables2 as tables

from amity.core.tables import BaseTable
from amity.emulation import models


class RegulationTable(BaseTable):
    title_vi = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Regulation
        fields = ("code", "version_number", "title_vi", "effective_from", "effective_to")
