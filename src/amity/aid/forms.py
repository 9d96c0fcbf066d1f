from decimal import Decimal, InvalidOperation
from itertools import zip_longest

from django import forms
from django.utils.translation import gettext_lazy as _

from amity.aid import codelists, models, services
from amity.core.forms import ImportForm, ScopedModelForm
from amity.geo.models import Province


class SharesWidget(forms.Widget):
    """Rows of (choice, percentage): the provinces or sectors of an activity, with a few blank
    rows to add more. A plain text value ("01:60; 48:40") is read too."""

    template_name = "aid/widgets/shares.html"
    blank_rows = 3

    def __init__(self, choices=(), attrs=None):
        super().__init__(attrs)
        self.choices = choices

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        rows = [
            {"key": str(key), "percentage": percentage}
            for key, percentage in self.format_value(value)
        ]
        rows += [{"key": "", "percentage": ""}] * self.blank_rows
        groups, loose = [], []
        for value, label in self.choices:
            if isinstance(label, list | tuple):
                groups.append((value, label))
            else:
                loose.append((value, label))
        context["widget"].update(rows=rows, groups=[(None, loose), *groups])
        return context

    def format_value(self, value):
        if isinstance(value, str):
            return services.parse_shares(value)
        return [tuple(row) for row in value or [] if len(row) == 2]

    def value_from_datadict(self, data, files, name):
        keys, percentages = data.getlist(f"{name}_key"), data.getlist(f"{name}_percentage")
        if keys or percentages:
            return [
                (key.strip(), percentage.strip())
                for key, percentage in zip_longest(keys, percentages, fillvalue="")
                if key.strip() or percentage.strip()
            ]
        return data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return False


class SharesField(forms.Field):
    """An activity's provinces or sectors with percentages that sum to 100 (or none at all)."""

    widget = SharesWidget

    def __init__(self, *, kind, **kwargs):
        self.kind = kind
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = services.parse_shares(value)
        rows = []
        for key, percentage in value or []:
            try:
                number = Decimal(str(percentage).replace(",", "."))
            except InvalidOperation:
                number = None
            if number is None or not number.is_finite() or not 0 < number <= 100:
                raise forms.ValidationError(
                    _("“%(value)s” is not a percentage above 0 and at most 100.")
                    % {"value": percentage}
                )
            if number != number.quantize(Decimal("0.01")):
                raise forms.ValidationError(_("A percentage has at most two decimals."))
            rows.append((self.resolve(str(key)), number))
        return rows

    def resolve(self, key: str):
        if self.kind == "sector":
            if key not in codelists.sectors():
                raise forms.ValidationError(_("Unknown DAC sector code: %(code)s") % {"code": key})
            return key
        province = services.resolve_province_tokens([key]).get(key)
        if province is None:
            raise forms.ValidationError(_("Unknown province: %(code)s") % {"code": key})
        return province.pk

    def validate(self, value):
        super().validate(value)
        errors = services.check_shares(value)
        if errors:
            raise forms.ValidationError(errors)


def province_choices():
    token = services.province_token
    current = [(token(p), p.display_name) for p in Province.objects.current().order_by("name")]
    former = [(token(p), str(p)) for p in Province.objects.former().order_by("name")]
    return [("", "—"), (_("Since 1 July 2025"), current), (_("Before 1 July 2025"), former)]


def sector_choices():
    return [("", "—"), *codelists.sector_choices()]


class ActivityForm(ScopedModelForm):
    """An activity with its provinces and sectors, whose percentages are changed together."""

    provinces = SharesField(
        kind="province",
        label=_("provinces"),
        help_text=_("The share of each province; the shares sum to 100."),
    )
    sectors = SharesField(
        kind="sector",
        label=_("DAC sectors"),
        help_text=_("The share of each DAC 5-digit sector; the shares sum to 100."),
    )

    class Meta(ScopedModelForm.Meta):
        model = models.Activity
        fields = [
            "iati_identifier",
            "reporting_org",
            "reporting_org_ref",
            "title_vi",
            "title_en",
            "description_vi",
            "description_en",
            "kind",
            "status",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            "organization",
            "other_counterparts",
            "local_counterparts",
            "default_currency",
            "external_ref",
            "notes",
        ]
        widgets = {"other_counterparts": forms.SelectMultiple(attrs={"size": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provinces"].widget.choices = province_choices()
        self.fields["sectors"].widget.choices = sector_choices()
        if self.instance.pk:
            shares = services.shares_of(self.instance)
            self.initial["provinces"] = [
                (services.province_token(s.province), s.percentage) for s in shares["provinces"]
            ]
            self.initial["sectors"] = [(s.sector, s.percentage) for s in shares["sectors"]]

    def save(self, commit=True):
        activity = super().save(commit)
        for name, model in services.SHARE_MODELS.items():
            services.set_shares(activity, model, self.cleaned_data.get(name) or [], self.user)
        return activity


class ShareForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("activity",)


class ActivityProvinceForm(ShareForm):
    class Meta(ScopedModelForm.Meta):
        model = models.ActivityProvince
        fields = ["activity", "province", "percentage", "notes"]


class ActivitySectorForm(ShareForm):
    class Meta(ScopedModelForm.Meta):
        model = models.ActivitySector
        fields = ["activity", "sector", "percentage", "notes"]


class ParticipatingOrgForm(ShareForm):
    class Meta(ScopedModelForm.Meta):
        model = models.ParticipatingOrg
        fields = ["activity", "partner", "role", "ref", "notes"]


class BudgetForm(ShareForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Budget
        fields = [
            "activity",
            "budget_type",
            "status",
            "period_start",
            "period_end",
            "value",
            "currency",
            "value_date",
            "notes",
        ]


class ActivityDocumentForm(ShareForm):
    class Meta(ScopedModelForm.Meta):
        model = models.ActivityDocument
        fields = ["activity", "title", "url", "category", "language", "document_date", "notes"]


class TransactionForm(ShareForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Transaction
        fields = [
            "activity",
            "transaction_type",
            "date",
            "value",
            "currency",
            "value_date",
            "ref",
            "description",
            "provider_org",
            "receiver_name",
            "notes",
        ]


class RateForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Rate
        fields = [
            "organization",
            "currency",
            "date",
            "usd_per_unit",
            "vnd_per_unit",
            "source",
            "notes",
        ]


class IatiImportForm(ImportForm):
    """The file of an IATI import: its checks are the import's own (`iati.parse`)."""

    file = forms.FileField(
        label=_("IATI 2.03 XML file"),
        help_text=_("One or many activities, from any publisher."),
    )
    dry_run = forms.BooleanField(
        label=_("Check only (dry run): report what would be done, write nothing"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".xml"

    def clean_file(self):
        return self.cleaned_data["file"]


class StatisticsExportForm(forms.Form):
    """`?export=xlsx` beside the statistics page's filters: the same tables as a workbook."""

    export = forms.ChoiceField(choices=[("xlsx", "XLSX")], required=False)

    def wants_workbook(self) -> bool:
        return self.is_valid() and self.cleaned_data["export"] == "xlsx"


class UnplacedLocationForm(ShareForm):
    """A place not placed; choosing its province places the activity there (the writer)."""

    class Meta(ScopedModelForm.Meta):
        model = models.UnplacedLocation
        fields = ["activity", "place_text", "reason", "publisher_ref", "province", "notes"]
