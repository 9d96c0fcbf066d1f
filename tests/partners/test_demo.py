"""`amity demo`: the partner database's demo set is varied, scoped and self-consistent."""

import json
from datetime import date, timedelta

import pytest
from django.db.models import Count, Max

from amity.accounts.models import User
from amity.core.demo_dates import WRITTEN_FOR
from amity.geo.choices import WorldRegion
from amity.partners.choices import PartnerKind, Sensitivity
from amity.partners.demo import DATA
from amity.partners.models import Contact, Interaction, NgoRegistration, Partner
from amity.partners.text import normalise

#: the size of the set, as it was when its data were Python literals in demo.py (every record of
#: every model compared equal then, field by field, before and after the move to data/demo/),
#: and the four recent interactions of Ha Noi's added since (`PartnerDemo.recent_for_hanoi`)
COUNTS = {"partners": 366, "contacts": 621, "interactions": 3551 + 4, "registrations": 73}
#: the partners the data files list by name (names.json), with the kind the demo gives them
LISTED_KINDS = {
    "INTERNATIONAL_ORGS": PartnerKind.INTERNATIONAL_ORG,
    "GOVERNMENTS": PartnerKind.GOVERNMENT,
    "PARLIAMENTS": PartnerKind.PARLIAMENT,
    "RESEARCH": PartnerKind.RESEARCH,
    "UNIVERSITIES": PartnerKind.UNIVERSITY,
    "ENTERPRISES": PartnerKind.ENTERPRISE,
    "RELIGIOUS": PartnerKind.RELIGIOUS,
    "MEDIA": PartnerKind.MEDIA,
    "OTHERS": PartnerKind.OTHER,
    "OVERSEAS_VIETNAMESE": PartnerKind.OVERSEAS_VIETNAMESE,
}


# on the day its dates were written for: the same day gives the same set (its dates move with
# the day it is loaded, and so does how many interactions fit before it)
pytestmark = pytest.mark.demo_on(WRITTEN_FOR)


def test_partner_demo_data_set(shared_demo):
    assert "amity.partners.demo:" in shared_demo

    # Many partners, of every kind, from every region, all marked as demo.
    partners = Partner.objects.all()
    assert partners.count() >= 300
    assert not partners.exclude(notes__contains="[demo]").exists()
    assert not partners.exclude(external_ref__startswith="demo-partner-").exists()
    # bulk-created, with the sort keys that a save derives: the lists sort by the name shown
    for partner in partners.order_by("pk")[:20]:
        keys = (partner.sort_name_vi, partner.sort_name_en)
        partner.derive_fields()
        assert keys == (partner.sort_name_vi, partner.sort_name_en) != ("", "")
    assert set(partners.values_list("kind", flat=True)) == set(PartnerKind.values)
    assert set(partners.values_list("country__region", flat=True)) == set(WorldRegion.values)
    holders = partners.annotate(n=Count("holders")).values_list("n", flat=True)
    assert set(holders) == {1, 2, 3}

    # What was loaded is what the data files hold: every partner they list by name, with its
    # kind and country, and the set's size as it was when the data were literals in demo.py.
    listed = json.loads((DATA / "names.json").read_text(encoding="utf-8"))
    expected = {(row[1], kind, row[0]) for key, kind in LISTED_KINDS.items() for row in listed[key]}
    assert expected <= set(partners.values_list("name", "kind", "country__code"))
    embassies = partners.filter(kind=PartnerKind.EMBASSY).values_list("country__code", flat=True)
    assert sorted(embassies) == sorted(listed["EMBASSY_COUNTRIES"])
    assert COUNTS == {
        "partners": partners.count(),
        "contacts": Contact.objects.count(),
        "interactions": Interaction.objects.count(),
        "registrations": NgoRegistration.objects.count(),
    }

    # The unit officers' Unions hold enough partners, restricted ones among them, for scoping
    # to show; a restricted partner is seen by the Union holding it and hidden from the other.
    hanoi = User.objects.get(username="hanoi")
    danang = User.objects.get(username="danang")
    restricted = partners.filter(sensitivity=Sensitivity.RESTRICTED)
    for user in (hanoi, danang):
        held = partners.filter(holders__organization=user.organization).distinct()
        assert held.count() >= 15, user
        assert held.filter(sensitivity=Sensitivity.RESTRICTED).count() >= 2, user
    held_by_hanoi = partners.filter(
        holders__organization__tree_path__startswith=hanoi.organization.tree_path
    ).values("pk")
    hidden = restricted.exclude(pk__in=held_by_hanoi)
    own = restricted.filter(pk__in=held_by_hanoi)
    assert hidden.exists() and own.count() >= 2
    visible = Partner.objects.visible_to(hanoi)
    assert not visible.filter(pk__in=hidden.values("pk")).exists()
    assert visible.filter(pk__in=own.values("pk")).count() == own.count()
    assert visible.count() == partners.count() - hidden.count()
    assert 0.03 <= restricted.count() / partners.count() <= 0.07

    # Interactions, with the derived "last contact" right for every partner.
    assert Interaction.objects.filter(partner__in=partners).count() >= 2500
    rows = partners.annotate(latest=Max("interactions__occurred_on")).values_list(
        "name", "last_contact_on", "latest"
    )
    assert [row for row in rows if row[1] != row[2]] == []
    quiet = partners.exclude(last_contact_on__gte=date(2023, 1, 1)).count()
    assert 0.05 <= quiet / partners.count() <= 0.15  # the dormant flag has something to show

    # The search text holds the contacts' names, as Partner.save() would have written it.
    assert Contact.objects.count() > partners.count()
    for partner in partners.prefetch_related("contacts"):
        for contact in partner.contacts.all():
            assert normalise(contact.full_name) in partner.search_text, partner

    # NGO registrations: some expire within 90 days, some have expired.
    today = date.today()
    registrations = NgoRegistration.objects.all()
    assert registrations.filter(expires_on__range=(today, today + timedelta(days=90))).exists()
    assert registrations.filter(expires_on__lt=today).exists()

    # Seeded near-duplicates: the same name with and without diacritics.
    names = [normalise(name) for name in partners.values_list("name", flat=True)]
    assert len(names) - len(set(names)) >= 2
