"""The shared widgets and formats: searchable selects, dd/mm/yyyy dates, figures in the active
language, required fields said in the code (core.widgets, core.forms, core.numbers)."""

import datetime
import re
from decimal import Decimal

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from amity.core.forms import style_widgets
from amity.core.numbers import local_number, read_local_number
from amity.events.forms import EventForm
from amity.partners.forms import PartnerForm
from amity.partners.models import Partner, RelationshipHolder


def partner_held_by(organization, name, **extra):
    partner = Partner.objects.create(kind="ngo", name=name, **extra)
    RelationshipHolder.objects.create(partner=partner, organization=organization)
    return partner


def select_html(bound_field) -> str:
    return str(bound_field)


def option_values(html: str) -> list[str]:
    return re.findall(r'<option value="([^"]*)"', html)


@pytest.mark.django_db
def test_a_relation_the_user_may_see_loads_its_options_from_the_api_and_keeps_the_chosen_ones(
    users, orgs
):
    chosen = partner_held_by(orgs.hanoi, "Friends of Viet Nam Chosen")
    partner_held_by(orgs.hanoi, "Friends of Viet Nam Other")
    form = EventForm(data={"partners": [str(chosen.pk)]}, user=users.hanoi)
    html = select_html(form["partners"])
    assert 'data-searchable="remote"' in html
    assert 'data-options-url="/api/partners/partners/"' in html
    assert "multiple" in html
    # only the chosen option is written into the page; the others come as the user types
    assert option_values(html) == [str(chosen.pk)]
    assert f'value="{chosen.pk}" selected' in html


@pytest.mark.django_db
def test_the_api_offers_exactly_the_partners_the_form_accepts(client, users, orgs, login):
    mine = partner_held_by(orgs.hanoi, "Hội hữu nghị Thử")
    shared = partner_held_by(orgs.danang, "Hội chia sẻ Thử", sensitivity="internal")
    hidden = partner_held_by(orgs.danang, "Hội kín Thử", sensitivity="restricted")
    login(users.hanoi)
    response = client.get("/api/partners/partners/", {"q": "Thử", "limit": 100})
    offered = {row["id"]: row["label"] for row in response.json()["results"]}
    assert offered == {mine.pk: "Hội hữu nghị Thử", shared.pk: "Hội chia sẻ Thử"}
    accepted = EventForm(user=users.hanoi).fields["partners"].queryset
    assert set(accepted.filter(name__contains="Thử").values_list("pk", flat=True)) == set(offered)
    # a partner outside the form's queryset is refused with the field's own message
    form = EventForm(data={"partners": [str(hidden.pk)]}, user=users.hanoi)
    assert not form.is_valid()
    assert form.errors["partners"] == [
        f"Hãy chọn một lựa chọn hợp lệ. {hidden.pk} không phải là một trong các lựa chọn khả thi."
    ]


@pytest.mark.django_db
def test_reference_lists_stay_on_the_page_and_short_enums_stay_native(users):
    form = PartnerForm(user=users.hanoi)
    country = select_html(form["country"])
    assert 'data-searchable="local"' in country
    assert "data-options-url" not in country
    assert len(option_values(country)) == 250  # the empty choice and the 249 countries
    sensitivity = select_html(form["sensitivity"])
    assert "data-searchable" not in sensitivity
    assert 'class="form-select"' in sensitivity


@pytest.mark.django_db
def test_the_owner_field_keeps_its_editable_choices_on_the_page(users, orgs):
    html = select_html(EventForm(user=users.hanoi)["organization"])
    assert 'data-searchable="local"' in html
    assert sorted(map(int, filter(None, option_values(html)))) == sorted(
        [orgs.hanoi.pk, orgs.hanoi_member.pk]
    )


@pytest.mark.django_db
def test_a_filter_form_gets_the_same_searchable_selects(users, orgs):
    from types import SimpleNamespace

    from amity.partners.filtersets import PartnerFilterSet

    filterset = PartnerFilterSet(
        {"holder": str(orgs.hanoi.pk)},
        queryset=Partner.objects.none(),
        request=SimpleNamespace(user=users.hanoi),
    )
    html = select_html(filterset.form["holder"])
    assert 'data-searchable="remote"' in html
    assert 'data-options-url="/api/organizations/organizations/"' in html
    assert option_values(html) == ["", str(orgs.hanoi.pk)]


class Dates(forms.Form):
    day = forms.DateField()
    moment = forms.DateTimeField()
    hour = forms.TimeField(widget=forms.TimeInput(attrs={"type": "time"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_dates_show_and_read_dd_mm_yyyy_and_24_hour_times_in_both_languages(language):
    with translation.override(language):
        form = Dates(data={"day": "05/03/2026", "moment": "05/03/2026 14:30", "hour": "14:30"})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["day"] == datetime.date(2026, 3, 5)
        assert form.cleaned_data["moment"].strftime("%Y-%m-%d %H:%M") == "2026-03-05 14:30"
        assert form.cleaned_data["hour"] == datetime.time(14, 30)
        shown = Dates(
            initial={
                "day": datetime.date(2026, 3, 5),
                "moment": datetime.datetime(2026, 3, 5, 14, 30),
                "hour": datetime.time(14, 30),
            }
        )
        day, moment, hour = str(shown["day"]), str(shown["moment"]), str(shown["hour"])
    assert 'value="05/03/2026"' in day and 'data-datepicker="date"' in day
    assert 'value="05/03/2026 14:30"' in moment and 'data-datepicker="datetime"' in moment
    assert 'value="14:30"' in hour and 'type="text"' in hour and 'type="time"' not in hour


@pytest.mark.parametrize("typed", ["31/02/2026", "2026-13-01", "01/01/99999", "hôm qua"])
def test_a_malformed_date_is_a_field_error(typed):
    with translation.override("en"):
        form = Dates(data={"day": typed, "moment": "05/03/2026 14:30", "hour": "14:30"})
        assert not form.is_valid()
        assert form.errors == {"day": ["Enter a valid date."]}


def test_figures_are_grouped_in_the_active_language():
    with translation.override("vi"):
        assert local_number(1525971) == "1.525.971"
        assert local_number(Decimal("1525971.50")) == "1.525.971,50"
        assert local_number(Decimal("1525971.00")) == "1.525.971"
        assert local_number("1525971.5") == "1.525.971,5"  # a figure a report stored as text
        assert local_number("12 đoàn") == "12 đoàn"
        template = Template("{% load amity_format %}{{ amount|number }} USD|{{ share|number:1 }}")
        assert template.render(Context({"amount": 1525971, "share": 42.25})) == "1.525.971 USD|42,2"
    with translation.override("en"):
        assert local_number(1525971) == "1,525,971"
        assert local_number(Decimal("1525971.5")) == "1,525,971.5"
        assert template.render(Context({"amount": 1525971, "share": 42.25})) == "1,525,971 USD|42.2"


@pytest.mark.parametrize(
    ("language", "typed", "read"),
    [
        ("vi", "1.525.971", "1525971"),
        ("vi", "1525971", "1525971"),
        ("vi", "1.525.971,5", "1525971.5"),
        ("vi", "12,5", "12.5"),
        ("vi", "1525971.5", "1525971.5"),
        ("en", "1,525,971.5", "1525971.5"),
        ("en", "1.525.971", "1.525.971"),  # not English: left as typed, for the field's error
        ("vi", "1.5.5", "1.5.5"),
    ],
)
def test_number_boxes_read_what_people_type(language, typed, read):
    with translation.override(language):
        assert read_local_number(typed) == read


class Amount(forms.Form):
    value = forms.DecimalField(max_digits=18, decimal_places=2, help_text="USD")
    count = forms.IntegerField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)


def test_a_number_form_field_takes_grouped_figures_or_says_why_not():
    with translation.override("vi"):
        form = Amount(data={"value": "1.525.971,5", "count": "2.000"})
        assert form.is_valid(), form.errors
        assert form.cleaned_data == {"value": Decimal("1525971.5"), "count": 2000}
        shown = str(Amount(initial={"value": Decimal("1525971.50")})["value"])
        assert 'value="1525971,50"' in shown and 'inputmode="decimal"' in shown
        assert 'type="text"' in shown
    with translation.override("en"):
        form = Amount(data={"value": "1.525.971", "count": "2,5"})
        assert form.errors == {
            "value": ["Enter a number."],
            "count": ["Enter a whole number."],
        }


def test_required_fields_and_errors_are_said_in_the_code():
    html = Template("{% include 'core/form_fields.html' %}").render(
        Context({"form": Amount(data={"value": "", "count": ""})})
    )
    value = re.search(r"<input[^>]*name=\"value\"[^>]*>", html).group(0)
    assert 'required aria-required="true"' in value or (
        "required" in value and 'aria-required="true"' in value
    )
    assert 'aria-invalid="true"' in value
    assert 'aria-describedby="id_value_helptext id_value_error"' in value
    # every id the field names exists in the page
    assert 'id="id_value_helptext"' in html and 'id="id_value_error"' in html
    count = re.search(r"<input[^>]*name=\"count\"[^>]*>", html).group(0)
    assert "required" not in count and "aria-describedby" not in count


@pytest.mark.django_db
def test_a_detail_page_puts_the_record_keeping_after_what_the_record_is_about(
    client, users, orgs, login
):
    partner = partner_held_by(orgs.hanoi, "Hội Bạn bè Thử", external_ref="crm-42")
    login(users.hanoi)
    html = client.get(f"/partners/partners/{partner.pk}/").content.decode()
    aside = html[html.index('id="record-keeping"') :]
    main = html[: html.index('id="record-keeping"')]
    assert "crm-42" in aside and "crm-42" not in main
    assert f"<dd>{partner.pk}</dd>" in aside


@pytest.mark.django_db
def test_the_duplicate_warning_holds_its_confirmation(client, users, orgs, login):
    partner_held_by(orgs.hanoi, "Vietnam Friendship Society of Testland", acronym="VFST")
    login(users.hanoi)
    response = client.post(
        "/partners/partners/add/",
        {
            "kind": "ngo",
            "name": "Vietnam Friendship Society of Testland",
            "acronym": "VFST",
            "status": "active",
            "strength": "",
            "sensitivity": "internal",
        },
    )
    html = response.content.decode()
    start = html.index('id="possible-duplicates"')
    warning = html[start : html.index("</div></div>", start)]
    assert 'name="not_a_duplicate"' in warning
    assert html.count('name="not_a_duplicate"') == 1


def test_a_form_styled_twice_keeps_one_class_and_one_reading():
    form = Amount()
    style_widgets(form)
    assert form.fields["value"].widget.attrs["class"] == "form-control"
    with translation.override("vi"):
        assert form.fields["value"].clean("1.525.971") == Decimal("1525971")
