"""The choice of a year and an organization, for the page and the annual review."""

from django import forms
from django.utils.translation import gettext_lazy as _

from amity.overview.figures import FIRST_YEAR, LAST_YEAR


class OverviewForm(forms.Form):
    """`organization` empty: the whole network, offered only to whoever sees it all; a unit's
    officer has only their own organization to choose."""

    year = forms.IntegerField(
        label=_("Year"),
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        required=False,
        error_messages={"invalid": _("Enter a year, such as 2025.")},
        widget=forms.NumberInput(attrs={"class": "form-control form-control-sm"}),
    )
    organization = forms.ModelChoiceField(
        label=_("Organization"),
        queryset=None,
        required=False,
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )
    since = forms.IntegerField(
        label=_("Term from"),
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        required=False,
        help_text=_("The first year of the term the review sums up."),
        widget=forms.NumberInput(attrs={"class": "form-control form-control-sm"}),
    )

    def __init__(self, data, *, choices, whole_network: bool):
        super().__init__(data)
        field = self.fields["organization"]
        field.queryset = choices
        field.required = not whole_network
        field.empty_label = _("The whole network") if whole_network else None

    def clean(self):
        cleaned = super().clean()
        year, since = cleaned.get("year"), cleaned.get("since")
        if year and since and since > year:
            self.add_error("since", _("The term cannot begin after the year."))
        return cleaned
