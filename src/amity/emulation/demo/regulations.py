"""The regulations the demo federation works under: the 2020 version and the amended one the
Standing Agency drafted (the articles: "emulation and reward regulations (amended)")."""

from datetime import date

from simple_history.utils import bulk_create_with_history

from amity.accounts.models import User
from amity.emulation.models import Regulation
from amity.organizations.choices import OrganizationKind
from amity.organizations.models import Organization

MARK = "[demo]"


def centre() -> Organization:
    return Organization.objects.get(
        kind=OrganizationKind.CENTRAL_UNION, parent__isnull=True, external_ref__startswith="demo"
    )


def load(stdout) -> dict[str, int]:
    issuer = centre()
    versions = [
        Regulation(
            organization=issuer,
            code="QC-TDKT",
            version_number=1,
            title_vi="Quy chế thi đua, khen thưởng của Liên hiệp các tổ chức hữu nghị Việt Nam",
            title_en="Emulation and reward regulations of VUFO",
            decision_number="125/QĐ-LHHN",
            decided_on=date(2020, 3, 2),
            effective_from=date(2020, 3, 2),
            effective_to=date(2025, 12, 31),
            notes=MARK,
        ),
        Regulation(
            organization=issuer,
            code="QC-TDKT",
            version_number=2,
            title_vi="Quy chế thi đua, khen thưởng (sửa đổi) của Liên hiệp các tổ chức hữu nghị "
            "Việt Nam",
            title_en="Emulation and reward regulations of VUFO (amended)",
            decision_number="18/QĐ-LHHN",
            decided_on=date(2025, 12, 20),
            effective_from=date(2026, 1, 1),
            notes=MARK,
        ),
    ]
    admin = User.objects.filter(username="admin").first()
    bulk_create_with_history(versions, Regulation, default_user=admin)
    stdout.write(f"  {len(versions)} versions of the emulation and reward regulations")
    return {"regulations": len(versions)}
