"""Merging two records of one partner: what moves, what is kept, what is refused."""

from datetime import date

import pytest
from django.utils import translation

from amity.geo.models import Country
from amity.partners.choices import HolderRole
from amity.partners.merging import MergeRefused, _move_many_to_many, merge_partners
from amity.partners.models import (
    Contact,
    FieldOfWork,
    Interaction,
    NgoRegistration,
    Partner,
    RelationshipHolder,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Messages and reasons as written in the code (the default language is Vietnamese)."""
    with translation.override("en"):
        yield


def hold(partner, organization, role=HolderRole.LEAD, **extra):
    return RelationshipHolder.objects.create(
        partner=partner, organization=organization, role=role, **extra
    )


def meet(partner, organization, occurred_on):
    return Interaction.objects.create(
        partner=partner, organization=organization, occurred_on=occurred_on, kind="meeting"
    )


@pytest.fixture
def pair(orgs):
    """Two records of one partner: each with contacts, holders, interactions; the dropped one
    with a registration, a deleted contact and a holder row twin of the kept one's."""
    germany, france = Country.objects.get(code="DE"), Country.objects.get(code="FR")
    health, education = FieldOfWork.objects.order_by("code")[:2]
    keep = Partner.objects.create(kind="ngo", name="Mekong Water Fund", country=germany)
    keep.countries.add(germany)
    keep.fields.add(health)
    drop = Partner.objects.create(
        kind="ngo",
        name="Mekong Water Fnd",
        email="info@mekongwater.org",
        phone="+49 30 1234567",
        external_ref="MWF-7",
        country=france,
    )
    drop.countries.add(germany, france)
    drop.fields.add(education)
    Contact.objects.create(partner=keep, full_name="Anna Berg")
    Contact.objects.create(partner=drop, full_name="Lars Nyström")
    Contact.objects.create(partner=drop, full_name="Mai Trần")
    Contact.objects.create(partner=drop, full_name="Old Contact").soft_delete()
    hold(keep, orgs.hanoi, HolderRole.SUPPORTING, since=date(2020, 1, 1))
    hold(drop, orgs.hanoi, HolderRole.LEAD, since=date(2018, 6, 1))
    hold(drop, orgs.danang, HolderRole.SUPPORTING)
    meet(keep, orgs.hanoi, date(2024, 5, 1))
    meet(drop, orgs.danang, date(2025, 2, 3))
    meet(drop, orgs.hanoi, date(2023, 1, 1))
    NgoRegistration.objects.create(
        partner=drop,
        registration_type="operation",
        number="123/GĐK",
        issued_on=date(2022, 1, 1),
        expires_on=date(2027, 1, 1),
    )
    return keep, drop


def test_merge_moves_everything_to_the_kept_partner(pair, users, orgs):
    keep, drop = pair

    merged = merge_partners(
        keep, drop, by=users.central, choices={"email": "drop", "external_ref": "drop"}
    )

    assert merged.pk == keep.pk
    moved = Contact.all_objects.filter(partner=keep)
    assert {contact.full_name: contact.is_deleted for contact in moved} == {
        "Anna Berg": False,
        "Lars Nyström": False,
        "Mai Trần": False,
        "Old Contact": True,  # a deleted contact moves too
    }
    assert Contact.all_objects.filter(partner=drop).count() == 0
    assert Interaction.objects.filter(partner=keep).count() == 3
    assert Interaction.objects.filter(partner=drop).count() == 0
    assert NgoRegistration.objects.filter(partner=keep).count() == 1
    lars = Contact.objects.get(full_name="Lars Nyström").history.first()
    assert (lars.history_user, lars.history_change_reason) == (
        users.central,
        f"Moved from partner #{drop.pk} to #{keep.pk} (merge)",
    )


def test_merge_resolves_the_twin_holder(pair, users, orgs):
    keep, drop = pair

    merge_partners(keep, drop, by=users.central)

    holders = RelationshipHolder.objects.filter(partner=keep)
    assert {holder.organization: (holder.role, holder.since) for holder in holders} == {
        orgs.danang: (HolderRole.SUPPORTING, None),
        orgs.hanoi: (HolderRole.LEAD, date(2018, 6, 1)),  # the stronger role, the older date
    }
    twin = RelationshipHolder.all_objects.get(partner=drop)
    assert (twin.organization, twin.is_deleted) == (orgs.hanoi, True)


def test_merge_takes_the_chosen_values_and_unites_lists(pair, users):
    keep, drop = pair

    merge_partners(keep, drop, by=users.central, choices={"email": "drop", "external_ref": "drop"})

    keep.refresh_from_db()
    assert (keep.name, keep.email, keep.phone, keep.external_ref, keep.country.code) == (
        "Mekong Water Fund",
        "info@mekongwater.org",
        "",  # not chosen: the kept value stays
        "MWF-7",
        "DE",
    )
    assert sorted(keep.countries.values_list("code", flat=True)) == ["DE", "FR"]
    assert keep.fields.count() == 2
    assert keep.last_contact_on == date(2025, 2, 3)
    assert "lars nystrom" in keep.search_text
    assert "mai tran" in keep.search_text


def test_merge_is_in_both_histories(pair, users):
    keep, drop = pair

    merge_partners(keep, drop, by=users.central, choices={"external_ref": "drop"})

    snapshot = drop.history.first()
    assert (snapshot.name, snapshot.email, snapshot.external_ref, snapshot.country.code) == (
        "Mekong Water Fnd",
        "info@mekongwater.org",
        "MWF-7",
        "FR",
    )
    assert snapshot.deleted_at is not None
    assert snapshot.history_change_reason == f"Merged into partner #{keep.pk}"
    assert snapshot.history_user == users.central
    assert "lars nystrom" in snapshot.search_text  # its contacts, as they were
    merged = keep.history.first()
    assert merged.history_change_reason == f"Merged with partner #{drop.pk} (Mekong Water Fnd)"
    assert merged.history_user == users.central
    assert not Partner.objects.filter(pk=drop.pk).exists()
    assert Partner.all_objects.get(pk=drop.pk).external_ref == ""  # given to the kept one


def state():
    """Everything a refused merge must leave as it was."""
    return {
        "partners": list(Partner.all_objects.order_by("pk").values()),
        "contacts": list(Contact.all_objects.order_by("pk").values("partner", "deleted_at")),
        "holders": list(
            RelationshipHolder.all_objects.order_by("pk").values("partner", "role", "deleted_at")
        ),
        "interactions": list(Interaction.objects.order_by("pk").values("partner")),
        "registrations": list(NgoRegistration.objects.values("partner")),
        "history": Partner.history.count(),
        "countries": list(Partner.countries.through.objects.order_by("pk").values()),
    }


def test_merge_with_itself_is_refused(pair, users):
    keep, _drop = pair
    before = state()
    with pytest.raises(MergeRefused, match="cannot be merged with itself"):
        merge_partners(keep, keep, by=users.central)
    assert state() == before


def test_merge_of_a_deleted_partner_is_refused(pair, users):
    keep, drop = pair
    drop.soft_delete()
    before = state()
    with pytest.raises(MergeRefused, match="deleted partner"):
        merge_partners(keep, drop, by=users.central)
    with pytest.raises(MergeRefused, match="deleted partner"):
        merge_partners(drop, keep, by=users.central)
    assert state() == before


def test_merge_across_scopes_the_user_cannot_edit_is_refused(orgs, users):
    mine = Partner.objects.create(kind="ngo", name="Mekong Water Fund")
    hold(mine, orgs.hanoi)
    theirs = Partner.objects.create(kind="ngo", name="Mekong Water Fnd")
    hold(theirs, orgs.danang)
    Contact.objects.create(partner=theirs, full_name="Lars Nyström")
    before = state()
    with pytest.raises(MergeRefused, match="only partners you may edit"):
        merge_partners(mine, theirs, by=users.hanoi)
    with pytest.raises(MergeRefused, match="only partners you may edit"):
        merge_partners(theirs, mine, by=users.hanoi)
    with pytest.raises(MergeRefused, match="only partners you may edit"):
        merge_partners(mine, theirs, by=users.viewer)
    assert state() == before


def test_a_unit_officer_merges_partners_both_held_in_the_unit(orgs, users):
    keep = Partner.objects.create(kind="ngo", name="Mekong Water Fund")
    hold(keep, orgs.hanoi)
    drop = Partner.objects.create(kind="ngo", name="Mekong Water Fnd")
    hold(drop, orgs.hanoi_member)
    merge_partners(keep, drop, by=users.hanoi)
    assert list(Partner.objects.values_list("pk", flat=True)) == [keep.pk]


@pytest.mark.parametrize("choices", [{"search_text": "drop"}, {"id": "drop"}, {"name": "both"}])
def test_a_choice_of_no_editable_field_is_refused(pair, users, choices):
    keep, drop = pair
    before = state()
    with pytest.raises(MergeRefused, match="cannot be chosen"):
        merge_partners(keep, drop, by=users.central, choices=choices)
    assert state() == before


def test_links_of_another_models_many_to_many_move_without_doubles(pair, orgs):
    # No model has a many-to-many to partners yet: the same code runs here on one that points
    # at contacts (an interaction's contacts), as it will on an aid activity's partners.
    keep, drop = pair
    anna, lars = (
        Contact.objects.get(full_name="Anna Berg"),
        Contact.objects.get(full_name="Lars Nyström"),
    )
    both, only_lars = (
        meet(keep, orgs.hanoi, date(2025, 5, 5)),
        meet(keep, orgs.hanoi, date(2025, 6, 6)),
    )
    both.contacts.add(anna, lars)
    only_lars.contacts.add(lars)

    _move_many_to_many(Contact._meta.get_field("interactions"), anna, lars)

    assert sorted(both.contacts.values_list("full_name", flat=True)) == ["Anna Berg"]
    assert sorted(only_lars.contacts.values_list("full_name", flat=True)) == ["Anna Berg"]
    assert lars.interactions.count() == 0
