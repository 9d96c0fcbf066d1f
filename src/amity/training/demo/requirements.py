"""The training requirements of the demo federation: the presidents and vice presidents of
provincial Unions must have completed the local leaders' programme, and the officers of
provincial Unions (who are in charge of people-to-people diplomacy) the diplomacy officials'
programme, within five years."""

from simple_history.utils import bulk_create_with_history

from amity.accounts.models import User
from amity.organizations.choices import OrganizationKind, PositionTitle
from amity.training.demo.courses import MARK, PROGRAMMES, centre
from amity.training.models import Programme, Requirement

#: (position title, organization kind, programme key, within years)
REQUIREMENTS = [
    (PositionTitle.PRESIDENT, OrganizationKind.PROVINCIAL_UNION, "leaders", None),
    (PositionTitle.VICE_PRESIDENT, OrganizationKind.PROVINCIAL_UNION, "leaders", None),
    (PositionTitle.OFFICER, OrganizationKind.PROVINCIAL_UNION, "officials", 5),
]


def load(stdout) -> dict[str, int]:
    owner = centre()
    titles = {key: title_vi for key, title_vi, *_rest in PROGRAMMES}
    programmes = {
        programme.title_vi: programme
        for programme in Programme.objects.filter(organization=owner, title_vi__in=titles.values())
    }
    rows = [
        Requirement(
            organization=owner,
            position_title=title,
            organization_kind=kind,
            programme=programmes[titles[key]],
            within_years=years,
            notes=MARK,
        )
        for title, kind, key, years in REQUIREMENTS
    ]
    admin = User.objects.filter(username="admin").first()
    bulk_create_with_history(rows, Requirement, default_user=admin)
    stdout.write(f"  {len(rows)} training requirements")
    return {"training requirements": len(rows)}
