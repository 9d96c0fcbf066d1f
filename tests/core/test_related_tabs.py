"""A detail page lists only the related records the user may see, as the API does (issue 14,
item 6): a partner's holders of another branch, a person's positions in another branch."""

from datetime import date

import pytest
from django.urls import reverse

from amity.organizations.models import Person, Position
from amity.partners.models import Partner, RelationshipHolder

pytestmark = pytest.mark.django_db


def test_the_holders_tab_shows_the_holders_the_api_shows(client, login, orgs, users):
    partner = Partner.objects.create(kind="ngo", name="Shared Friends", sensitivity="public")
    ours = RelationshipHolder.objects.create(partner=partner, organization=orgs.hanoi)
    theirs = RelationshipHolder.objects.create(
        partner=partner, organization=orgs.danang, role="support"
    )
    login(users.hanoi)
    page = client.get(reverse("partners:partner", args=[partner.pk]), {"tab": "holders"})
    assert [holder.pk for holder in page.context["holders"]] == [ours.pk]
    html = page.content.decode()
    assert ours.get_absolute_url() in html
    assert theirs.get_absolute_url() not in html
    assert client.get(theirs.get_absolute_url()).status_code == 404
    api = client.get("/api/partners/relationship-holders/", {"partner": partner.pk}).json()
    assert [row["id"] for row in api["results"]] == [ours.pk]
    login(users.central)  # the centre sees both
    page = client.get(reverse("partners:partner", args=[partner.pk]), {"tab": "holders"})
    assert {holder.pk for holder in page.context["holders"]} == {ours.pk, theirs.pk}


def test_a_persons_positions_elsewhere_are_not_listed(client, login, orgs, users):
    person = Person.objects.create(full_name="Trần Thị Bình", organization=orgs.hanoi)
    here = Position.objects.create(
        person=person, organization=orgs.hanoi, title="vice_president", started_on=date(2020, 1, 1)
    )
    there = Position.objects.create(
        person=person, organization=orgs.danang, title="president", started_on=date(2021, 1, 1)
    )
    login(users.hanoi)
    page = client.get(reverse("organizations:person", args=[person.pk]))
    assert [position.pk for position in page.context["positions"]] == [here.pk]
    assert there.get_absolute_url() not in page.content.decode()


def test_a_page_cut_from_a_list_is_cut_after_scoping(orgs, users):
    from amity.core.scoping import visible_related

    partner = Partner.objects.create(kind="ngo", name="Shared Friends", sensitivity="public")
    theirs = RelationshipHolder.objects.create(partner=partner, organization=orgs.danang)
    ours = RelationshipHolder.objects.create(partner=partner, organization=orgs.hanoi)
    scoped = visible_related(
        {
            "holders": partner.holders.order_by("organization__name")[:1],
            "partners": Partner.objects.all(),
        },
        users.hanoi,
    )
    assert list(scoped["holders"]) == [ours]
    assert theirs.organization_id != ours.organization_id
    assert list(scoped["partners"]) == [partner]  # shared records are left as they are
