"""Dates are bounded where others are computed from them, and no stored date breaks a page.

Issue 14, item 1: as `hanoi`, a congress held on 9999-12-31 with a term of 5 years answered 500
and was saved anyway; from then on the congresses' list, page and API answered 500 to everyone
who could see it. Every date a user, an import or the API gives is now between 1900 and 2200
(`amity.core.dates`), and what is computed from a stored date answers None rather than fail.

The same is asked of every model with a date, through its generic test class's data: a date out
of bounds is refused by the form, the API and the import with nothing written, and a record that
holds one (written around the checks) leaves every page and API answer working.
"""

from datetime import UTC, date, datetime, time

import pytest
from django.db import IntegrityError, models, transaction
from django.urls import resolve, reverse
from django.utils import translation
from django_filters import DateFilter, DateTimeFilter
from rest_framework.routers import DefaultRouter

from amity.core.dates import (
    FIRST_DATE,
    LAST_DATE,
    add_days,
    add_years,
    in_bounds,
    validate_date_in_bounds,
)
from amity.core.models import Job
from amity.core.views import ModelViews
from amity.core.writes import change_refusal
from amity.events.models import Event
from amity.organizations.models import Congress
from amity.reporting.models import Period
from tests.generic import csv_upload
from tests.test_permission_matrix import generic_cases

pytestmark = pytest.mark.django_db

API = "/api/organizations/congresses/"
MESSAGE = "Enter a date between 01/01/1900 and 31/12/2200."
EXTREMES = ("9999-12-31", "0001-01-01")
JUST_OUTSIDE = ("1899-12-31", "2201-01-01")


# --- the shared piece --------------------------------------------------------------------------


def test_the_bounds_are_1900_to_2200():
    assert (FIRST_DATE, LAST_DATE) == (date(1900, 1, 1), date(2200, 12, 31))
    days = (date(1899, 12, 31), FIRST_DATE, LAST_DATE, date(2201, 1, 1), None)
    assert [in_bounds(day) for day in days] == [False, True, True, False, True]
    # A moment is read by the date it was written with: no zone conversion to overflow.
    assert in_bounds(datetime(1, 1, 1, tzinfo=UTC)) is False
    assert in_bounds(datetime(2200, 12, 31, 23, 59, tzinfo=UTC)) is True


def test_the_message_names_the_bounds_in_both_languages():
    with pytest.raises(Exception) as refused:
        validate_date_in_bounds(date(9999, 12, 31))
    assert refused.value.code == "date_out_of_bounds"
    with translation.override("en"):
        assert refused.value.messages == [MESSAGE]
    with translation.override("vi"):
        assert refused.value.messages == ["Hãy nhập ngày trong khoảng 01/01/1900 đến 31/12/2200."]
    assert validate_date_in_bounds(LAST_DATE) is None


def test_adding_years_and_days_never_raises():
    assert add_years(date(2024, 2, 29), 5) == date(2029, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert add_years(date(2021, 6, 1), -3) == date(2018, 6, 1)
    assert add_years(date(9999, 12, 31), 5) is None
    assert add_years(date(1, 1, 1), -1) is None
    assert add_years(None, 5) is None
    assert add_days(date(2026, 7, 20), 3) == date(2026, 7, 23)
    assert add_days(date(9999, 12, 31), 1) is None
    assert add_days(date(1, 1, 1), -1) is None
    assert add_days(None, 1) is None
    moment = datetime(9999, 12, 31, 12, tzinfo=UTC)
    assert add_days(moment, 1) is None


# --- the probe: a congress held on 9999-12-31 --------------------------------------------------


def congress_data(orgs, held_on):
    return {"organization": orgs.hanoi.pk, "number": 7, "held_on": held_on, "term_years": 5}


@pytest.mark.parametrize("held_on", [*EXTREMES, *JUST_OUTSIDE])
def test_api_refuses_a_congress_out_of_bounds_and_saves_nothing(
    client, orgs, users, login, english, held_on
):
    login(users.hanoi)
    response = client.post(API, congress_data(orgs, held_on), content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"held_on": [MESSAGE]}
    assert Congress.all_objects.count() == 0
    assert Congress.history.count() == 0


@pytest.mark.parametrize(
    ("held_on", "ends"),
    [("1900-01-01", "1905-01-01"), ("2200-12-31", "2205-12-31"), ("2024-02-29", "2029-02-28")],
)
def test_api_takes_a_congress_at_the_bounds(client, orgs, users, login, held_on, ends):
    login(users.hanoi)
    response = client.post(API, congress_data(orgs, held_on), content_type="application/json")
    assert response.status_code == 201, response.json()
    assert (response.json()["held_on"], response.json()["term_ends_on"]) == (held_on, ends)
    assert Congress.objects.get().held_on == date.fromisoformat(held_on)


def test_form_shows_the_congress_again_with_the_message(client, orgs, users, login, english):
    login(users.hanoi)
    url = reverse("organizations:congress_add")
    for held_on in ("31/12/9999", "01/01/0001", "2201-01-01"):
        response = client.post(url, congress_data(orgs, held_on))
        assert response.status_code == 200
        assert response.context["form"].errors == {"held_on": [MESSAGE]}
    assert Congress.all_objects.count() == 0


def test_import_refuses_the_congress_row_and_writes_nothing(client, orgs, users, login, english):
    login(users.hanoi)
    row = {"organization": orgs.hanoi.pk, "number": 7, "held_on": "9999-12-31", "term_years": 5}
    response = client.post(reverse("organizations:congress_import"), {"file": csv_upload([row])})
    job = response.context["job"]
    assert job.status == Job.Status.INVALID
    assert job.summary["errors"] == [{"line": 2, "errors": [f"held_on: {MESSAGE}"]}]
    assert [problem["line"] for problem in job.summary["errors"]] == [2]
    assert Congress.all_objects.count() == 0


@pytest.fixture
def stored_at_the_end(orgs):
    """A congress held on 9999-12-31, written around every check (as by an older version)."""
    congress = Congress.objects.create(organization=orgs.hanoi, number=3, held_on=date(2021, 6, 1))
    Congress.all_objects.filter(pk=congress.pk).update(held_on=date(9999, 12, 31))
    return congress


def test_a_stored_congress_at_the_end_of_the_calendar_breaks_no_page(
    client, orgs, users, login, stored_at_the_end
):
    congress = stored_at_the_end
    for user in (users.hanoi, users.central, users.viewer):
        login(user)
        listed = client.get(API)
        assert listed.status_code == 200
        [item] = listed.json()["results"]
        assert (item["held_on"], item["term_ends_on"]) == ("9999-12-31", None)
        assert client.get(f"{API}{congress.pk}/").json()["term_ends_on"] is None
        for url in (
            reverse("organizations:congress_list"),
            reverse("organizations:congress", args=[congress.pk]),
            reverse("organizations:congress_history", args=[congress.pk]),
            reverse("organizations:congress_schedule"),
            reverse("organizations:organization", args=[orgs.hanoi.pk]),
            reverse("organizations:congress_list") + "?export=csv",
            reverse("organizations:congress_list") + "?export=xlsx",
        ):
            assert client.get(url).status_code == 200, url
    schedule = client.get(reverse("organizations:congress_schedule")).context["schedule"]
    due = next(due for due in schedule if due.organization == orgs.hanoi)
    assert (due.last_congress, due.due_on, due.overdue) == (congress, None, False)


def test_a_stored_congress_at_the_end_of_the_calendar_can_be_edited(
    client, orgs, users, login, english, stored_at_the_end
):
    congress = stored_at_the_end
    login(users.hanoi)
    edit = reverse("organizations:congress_edit", args=[congress.pk])
    assert client.get(edit).status_code == 200
    # The form keeps refusing the stored date until it is corrected...
    kept = {**congress_data(orgs, "9999-12-31"), "number": 3, "version": 1}
    again = client.post(edit, kept)
    assert again.status_code == 200
    assert again.context["form"].errors == {"held_on": [MESSAGE]}
    assert Congress.objects.get(pk=congress.pk).version == 1
    # ... and the API takes a change that leaves the date alone, or corrects it.
    patch = client.patch(
        f"{API}{congress.pk}/", {"term_years": 4, "version": 1}, content_type="application/json"
    )
    assert patch.status_code == 200, patch.json()
    assert patch.json()["term_ends_on"] is None
    fixed = {**kept, "held_on": "2021-06-01", "version": 2}
    assert client.post(edit, fixed).status_code == 302
    congress.refresh_from_db()
    assert (congress.held_on, congress.term_years, congress.term_ends_on, congress.version) == (
        date(2021, 6, 1),
        5,
        date(2026, 6, 1),
        3,
    )


# --- the other dates computed from a stored one ------------------------------------------------


def test_a_period_with_a_deadline_at_the_end_of_the_calendar_closes_never():
    period = Period(deadline=date(9999, 12, 31), grace_days=3)
    assert period.closes_on == date.max
    assert Period(deadline=date(2026, 7, 20), grace_days=3).closes_on == date(2026, 7, 23)


def test_a_period_year_out_of_bounds_is_refused(client, orgs, users, login, english):
    from tests.reporting.factories import Designs

    designs = Designs()
    data = {
        "form": designs.of(orgs.hanoi).form.pk,
        "kind": "year",
        "year": 2500,
        "number": 1,
        "opens_on": "2026-07-01",
        "deadline": "2026-07-20",
        "grace_days": 0,
    }
    login(users.hanoi)
    count = Period.all_objects.count()
    response = client.post("/api/reporting/periods/", data, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"year": ["Enter a year between 1900 and 2200."]}
    assert Period.all_objects.count() == count


def test_the_calendar_feed_of_an_event_ending_on_the_last_day_leaves_its_end_out(
    client, orgs, users, login
):
    from amity.events.services import ical_feed

    event = Event.objects.create(
        organization=orgs.hanoi, kind="other", title_vi="Hội thảo", start=date(2026, 5, 1)
    )
    Event.all_objects.filter(pk=event.pk).update(start=date(9999, 12, 31), end=date(9999, 12, 31))
    event.refresh_from_db()
    feed = ical_feed([event], "Amity", "https://amity.example").decode()
    assert "DTSTART;VALUE=DATE:99991231" in feed
    assert "DTEND" not in feed
    login(users.hanoi)
    assert client.get("/events/calendar.ics").status_code == 200
    assert client.get(reverse("events:event_list")).status_code == 200
    assert client.get(reverse("events:event", args=[event.pk])).status_code == 200


# --- every model with a date, through its generic test class's data ----------------------------


def date_fields(model, *, editable=True) -> list[str]:
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.DateField)
        and (field.editable or not editable)
        and field.name not in ("created_at", "updated_at", "deleted_at")
    ]


#: the models whose only dates are stamped by their workflow, never sent by a user
WORKFLOW_DATED = {"emulation.ScoreSheet"}
CASES = {model: type(case) for model, case in generic_cases().items() if date_fields(model)}


def cases():
    return [pytest.param(case, id=model._meta.label) for model, case in CASES.items()]


def test_the_dated_models_are_all_here():
    """A model with a date and a generic test class is checked below without being listed."""
    labels = {model._meta.label for model in CASES}
    assert {
        "organizations.Congress",
        "reporting.Period",
        "reporting.Reopening",
        "partners.NgoRegistration",
        "partners.FollowUp",
        "events.Event",
        "proposals.Proposal",
        "aid.Activity",
    } <= labels


@pytest.mark.parametrize("case_class", cases())
def test_a_date_out_of_bounds_is_refused_by_form_api_and_import(
    case_class, client, orgs, users, login, english
):
    case = case_class()
    model = case.model
    record = case.make(orgs, orgs.hanoi)
    before = case.snapshot(record)
    login(users.hanoi)
    # A field the form withholds from a unit (a proposal's due date, which the centre sets) is
    # ignored by the API and the import too: nothing to refuse there.
    offered = set(case.views.form(user=users.hanoi).fields)
    withheld = set(case.views.form.base_fields) - offered
    form_fields = [name for name in date_fields(model) if name in offered]
    api_fields = [
        name
        for name in date_fields(model)
        if (name in case.api_data(orgs) or name in case.form_data(orgs)) and name not in withheld
    ]
    if not (form_fields or api_fields):
        # Every date of the model is stamped by its workflow (a score sheet's return), none is
        # sent by a user: the form offers none of them, so there is nothing to refuse here.
        assert not set(date_fields(model)) & set(case.views.form.base_fields), model
        assert model._meta.label in WORKFLOW_DATED, model
        return
    exported = case._export_row(client, record)
    for value in EXTREMES:
        count = model.all_objects.count()
        for name in form_fields:
            response = client.post(case.url("add"), {**case.form_data(orgs), name: value})
            assert response.status_code == 200, (name, value)
            assert MESSAGE in response.context["form"].errors.get(name, []), (name, value)
        for name in api_fields:
            data = {**case.api_data(orgs), name: value}
            response = client.post(case.api_url, data, content_type="application/json")
            assert response.status_code == 400, (name, value, response.content[:300])
            assert response.json().get(name) == [MESSAGE], (name, value, response.json())
            patch = client.patch(
                f"{case.api_url}{record.pk}/",
                {name: value, "version": record.version},
                content_type="application/json",
            )
            assert patch.status_code == 400, (name, value, patch.content[:300])
            assert patch.json() == {name: [MESSAGE]}
        assert model.all_objects.count() == count
        assert case.snapshot(record) == before
    # An import is refused by the same check as the form: one row, one date, is enough to see it.
    name = next(name for name in date_fields(model) if name in exported and name not in withheld)
    far = "9999-12-31"
    if isinstance(model._meta.get_field(name), models.DateTimeField):
        far += " 23:00:00"  # a moment as the export writes it
    response = client.post(case.url("import"), {"file": csv_upload([{**exported, name: far}])})
    job = response.context["job"]
    assert job.status == Job.Status.INVALID, (name, job.summary)
    assert [problem["line"] for problem in job.summary["errors"]] == [2]
    assert MESSAGE in " ".join(job.summary["errors"][0]["errors"]), job.summary
    assert case.snapshot(record) == before


def store_dates(model, pk, day) -> None:
    """Every date of the record set to `day` at once (so that `end >= start` still holds),
    around every check of the application."""
    values = {}
    for name in date_fields(model, editable=False):
        moment = isinstance(model._meta.get_field(name), models.DateTimeField)
        # A moment at noon in UTC: the same day in Ha Noi, at either end of the calendar.
        values[name] = datetime.combine(day, time(12), tzinfo=UTC) if moment else day
    with transaction.atomic():
        model.all_objects.filter(pk=pk).update(**values)


@pytest.mark.parametrize("day", [date(9999, 12, 31), date(1, 1, 1)], ids=["9999", "0001"])
@pytest.mark.parametrize("case_class", cases())
def test_a_stored_date_at_either_end_of_the_calendar_breaks_no_page(
    case_class, day, client, orgs, users, login
):
    case = case_class()
    model = case.model
    record = case.make(orgs, orgs.hanoi)
    try:
        store_dates(model, record.pk, day)
    except IntegrityError:
        pytest.skip("the database itself refuses the date")
    login(users.hanoi)
    urls = [
        case.url("list"),
        case.url("", record.pk),
        case.url("history", record.pk),
        case.url("edit", record.pk),
        case.url("list") + "?export=csv",
        case.api_url,
        f"{case.api_url}{record.pk}/",
        "/",
    ]
    # A record whose stored moment closes it (a decision revoked on that day) refuses its edit
    # page as any closed record does: a 403 with the reason, not a 500.
    locked = change_refusal(case.reread(record), users.hanoi) is not None
    for url in urls:
        response = client.get(url)
        expected = 403 if locked and url == case.url("edit", record.pk) else 200
        assert response.status_code == expected, (url, response.content[:500])
    if locked:
        return
    # Correcting the dates through the form works: the valid post's dates, or none.
    valid = case.form_data(orgs)
    dates = {
        name: valid.get(name, "")
        for name in date_fields(model)
        if name in case.views.form.base_fields
    }
    response = client.post(
        case.url("edit", record.pk), {**case.edit_post(case.reread(record), orgs), **dates}
    )
    assert response.status_code == 302, response.context["form"].errors


# --- every date filter of the API and of the lists ---------------------------------------------


def date_filters():
    """(list URL, API URL, filter names) of every model whose filter set takes a date."""
    found = []
    for views in ModelViews.registry().values():
        names = [
            name
            for name, filter_ in views.filterset.base_filters.items()
            if isinstance(filter_, DateFilter | DateTimeFilter)
        ]
        if names:
            found.append(pytest.param(views, names, id=views.model._meta.label))
    return found


@pytest.mark.parametrize(("views", "names"), date_filters())
def test_date_filters_take_any_date_without_a_server_error(
    views, names, client, orgs, users, login
):
    login(users.hanoi)
    list_url = reverse(views.url_name("list"))
    api_urls = [url for url in api_list_urls() if api_model(url) is views.model]
    for name in names:
        for value in (*EXTREMES, "1899-12-31", "2201-01-01"):
            for url in (list_url, *api_urls):
                response = client.get(url, {name: value})
                assert response.status_code == 200, (url, name, value)


def api_list_urls() -> list[str]:
    """The list address of every API collection, from the routers the API includes."""
    from amity.api import urls

    return [
        f"/api/{name.removesuffix('_router')}/{prefix}/"
        for name, router in vars(urls).items()
        if isinstance(router, DefaultRouter)
        for prefix, _viewset, _basename in router.registry
    ]


def api_model(url: str):
    view = resolve(url).func
    return getattr(getattr(view, "cls", None), "model", None)
