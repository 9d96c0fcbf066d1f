import django_tables2 as tables

from amity.core.tables import BaseTable
from amity.emulation import models


class ReviewTable(BaseTable):
    organization = tables.Column(linkify=lambda record: record.get_absolute_url())

    class Meta(BaseTable.Meta):
        model = models.Review
        fields = ("organization", "year", "assessment", "proposal", "state", "decided_on")
