import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from amity.agreements import models
from amity.core.tables import BaseTable


class VietnameseAgencyTable(BaseTable):
    name_vi = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.VietnameseAgency
        fields = ("name_vi", "name_en", "acronym", "kind", "province")


class AgreementTable(BaseTable):
    title_vi = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Agreement
        fields = (
            "title_vi",
            "reference",
            "kind",
            "organization",
            "status",
            "signed_on",
            "ends_on",
            "renewal",
        )


class BoardTable(BaseTable):
    """The agreements expiring soon, the nearest first, with the days left."""

    title_vi = tables.Column(linkify=True)
    days_left = tables.Column(verbose_name=_("Days left"), orderable=False)

    class Meta(BaseTable.Meta):
        model = models.Agreement
        fields = ("title_vi", "kind", "organization", "ends_on", "days_left", "renewal", "status")
        order_by = ("ends_on",)


class SignerTable(BaseTable):
    name = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Signer
        fields = ("name", "position", "side", "party", "agreement")


class AgreementFileTable(BaseTable):
    title = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.AgreementFile
        fields = ("title", "original_name", "language", "is_signed", "agreement", "size")


class ReviewTable(BaseTable):
    due_on = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Review
        fields = ("due_on", "agreement", "held_on")


class CommitmentTable(BaseTable):
    description = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Commitment
        fields = ("description", "agreement", "organization", "person", "due_on", "status")
