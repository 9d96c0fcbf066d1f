"""A unit's scope is the ids of its branch, compared with `__any_of`: the same records as the
tree path says, read through the column's index."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from amity.organizations.choices import OrganizationKind
from amity.organizations.models import Person
from tests.conftest import make_org


def test_a_unit_sees_the_records_of_its_branch_and_of_nothing_else(orgs, users):
    closed = make_org("Hội đã giải thể", OrganizationKind.LOCAL_MEMBER, orgs.hanoi)
    people = {
        name: Person.objects.create(full_name=name, organization=organization)
        for name, organization in (
            ("at home", orgs.hanoi),
            ("below", orgs.hanoi_member),
            ("in a closed member", closed),
            ("elsewhere", orgs.danang),
            ("at the centre", orgs.central),
        )
    }
    closed.deleted_at = timezone.now()  # a soft-deleted organization still owns its records
    closed.save()
    with CaptureQueriesContext(connection) as context:
        seen = set(Person.objects.visible_to(users.hanoi).values_list("full_name", flat=True))
    assert seen == {"at home", "below", "in a closed member"}
    assert set(Person.objects.visible_to(users.central).values_list("full_name", flat=True)) == (
        set(people)
    )
    (query,) = [q["sql"] for q in context.captured_queries]
    if connection.vendor == "postgresql":  # the branch read once, before the plan runs
        assert '"organization_id" = ANY(ARRAY(SELECT' in query
    else:
        assert '"organization_id" IN (SELECT' in query
    assert "JOIN" not in query
