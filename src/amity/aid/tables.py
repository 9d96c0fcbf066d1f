import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from amity.aid import models
from amity.core.tables import BaseTable, NumberColumn


class ActivityTable(BaseTable):
    link_column = "title"  # the activity's name; its identifier is a code beside it
    iati_identifier = tables.Column(linkify=True)
    title = tables.Column(accessor="title", verbose_name=_("title"), order_by=("title_vi",))
    reporting_org = tables.Column(linkify=True)
    organization = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Activity
        fields = (
            "iati_identifier",
            "title",
            "reporting_org",
            "organization",
            "kind",
            "status",
            "planned_start",
            "planned_end",
        )


class ActivityChildTable(BaseTable):
    activity = tables.Column(
        accessor="activity__iati_identifier",
        verbose_name=_("aid activity"),
        linkify=lambda record: record.activity.get_absolute_url(),
    )


class ActivityProvinceTable(ActivityChildTable):
    province = tables.Column(linkify=True)
    percentage = NumberColumn(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.ActivityProvince
        fields = ("activity", "province", "percentage")


class ActivitySectorTable(ActivityChildTable):
    sector = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.ActivitySector
        fields = ("activity", "sector", "percentage")


class ParticipatingOrgTable(ActivityChildTable):
    partner = tables.Column(linkify=True)
    role = tables.Column(linkify=lambda record: record.get_absolute_url())

    class Meta(BaseTable.Meta):
        model = models.ParticipatingOrg
        fields = ("activity", "partner", "role")


class BudgetTable(ActivityChildTable):
    period_start = tables.DateColumn(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Budget
        fields = (
            "activity",
            "period_start",
            "period_end",
            "budget_type",
            "status",
            "value",
            "currency",
        )


class ActivityDocumentTable(ActivityChildTable):
    title = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.ActivityDocument
        fields = ("activity", "title", "category", "language", "document_date")


class TransactionTable(ActivityChildTable):
    date = tables.DateColumn(linkify=True)
    value_usd = NumberColumn(default="⚠")
    value_vnd = NumberColumn(default="⚠")

    class Meta(BaseTable.Meta):
        model = models.Transaction
        fields = (
            "activity",
            "date",
            "transaction_type",
            "value",
            "currency",
            "value_usd",
            "value_vnd",
        )


class RateTable(BaseTable):
    currency = tables.Column(linkify=True)
    organization = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Rate
        fields = ("currency", "date", "usd_per_unit", "vnd_per_unit", "organization", "source")


class UnplacedLocationTable(ActivityChildTable):
    place_text = tables.Column()
    donor = tables.Column(accessor="activity__reporting_org", verbose_name=_("donor"))
    choose = tables.Column(empty_values=(), verbose_name="", orderable=False)

    # The place links to its record; a phone shows what to decide on and the button.
    link_column = "place_text"
    key_columns = ("place_text", "reason", "choose")

    class Meta(BaseTable.Meta):
        model = models.UnplacedLocation
        fields = ("activity", "donor", "place_text", "reason", "province", "choose")

    def render_choose(self, record):
        return format_html(
            '<a class="btn btn-sm btn-outline-primary" href="{}">{}</a>',
            reverse("aid:unplacedlocation_edit", args=[record.pk]),
            gettext("Choose the province"),
        )
