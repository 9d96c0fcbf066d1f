"""The register of the demo federation: about 300 documents over this year and the last, in
the registers of the central Union and of the first provincial Unions, numbered in order per
register, year and direction as the register would have numbered them, and the glossary."""

import random
from datetime import date, timedelta

from simple_history.utils import bulk_create_with_history

from amity.accounts.models import User
from amity.core.demo_dates import demo_today
from amity.core.letterhead import abbreviation_of
from amity.documents.glossary import seed_terms
from amity.documents.library import SYMBOLS
from amity.documents.models import RegisterCounter, RegisterEntry
from amity.organizations.choices import OrganizationKind
from amity.organizations.models import Organization

MARK = "[demo]"
#: how many documents each register holds in a year (outgoing, incoming)
PER_YEAR = (9, 6)

SUBJECTS = {
    "decision": "V/v thành lập Ban tổ chức {event}",
    "official_letter": "V/v phối hợp tổ chức {event}",
    "report": "Báo cáo kết quả {event}",
    "plan": "Kế hoạch tổ chức {event}",
    "notice": "Thông báo kết luận về {event}",
    "invitation": "Giấy mời dự {event}",
}
EVENTS = [
    "Ngày hội hữu nghị quốc tế",
    "Hội nghị tổng kết công tác đối ngoại nhân dân",
    "đoàn đại biểu Hội hữu nghị Việt – Lào",
    "Hội thảo vận động viện trợ phi chính phủ nước ngoài",
    "kỷ niệm Ngày thành lập Liên hiệp các tổ chức hữu nghị Việt Nam",
    "lớp bồi dưỡng cán bộ làm công tác đối ngoại nhân dân",
]
SENDERS = [
    "Ủy ban nhân dân thành phố",
    "Sở Ngoại vụ",
    "Đại sứ quán Cộng hòa Dân chủ Nhân dân Lào",
    "Tổ chức Plan International tại Việt Nam",
    "Ban Đối ngoại Trung ương",
]
SIGNERS = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Quốc Dũng"]


def registers() -> list[Organization]:
    """The demo organizations that keep a register: the centre and ten provincial Unions."""
    centre = Organization.objects.filter(
        kind=OrganizationKind.CENTRAL_UNION, external_ref__startswith="demo"
    )
    unions = Organization.objects.filter(
        kind=OrganizationKind.PROVINCIAL_UNION, external_ref__startswith="demo"
    ).order_by("pk")[:9]
    return [*centre, *unions]


def _entries(organization, year: int, until: date, chance: random.Random):
    """The documents of one register in one year, numbered in date order."""
    start = date(year, 1, 1)
    span = max(1, min((until - start).days, 364))
    abbreviation = abbreviation_of(organization.name, organization.short_name)
    made = []
    for direction, count in zip(("outgoing", "incoming"), PER_YEAR, strict=True):
        days = sorted(start + timedelta(days=chance.randrange(span)) for _ in range(count))
        for number, day in enumerate(days, start=1):
            kind = chance.choice(list(SUBJECTS))
            entry = RegisterEntry(
                organization=organization,
                direction=direction,
                document_type=kind,
                issued_on=day,
                subject=SUBJECTS[kind].format(event=chance.choice(EVENTS)),
                signer=chance.choice(SIGNERS),
                notes=MARK,
            )
            if direction == "outgoing":
                entry.number, entry.symbol = number, f"{SYMBOLS[kind]}-{abbreviation}"
                entry.recipients = "Như trên\nLưu: VT"
            else:
                entry.number, entry.symbol = chance.randrange(1, 900), "UBND-VX"
                entry.arrival_number = number
                entry.received_on = day + timedelta(days=chance.randrange(1, 5))
                entry.sender_name = chance.choice(SENDERS)
            entry.derive_fields()
            made.append(entry)
    return made


def load(stdout) -> dict[str, int]:
    terms = seed_terms()
    today = demo_today()
    chance = random.Random(20)  # the same register at every load
    admin = User.objects.filter(username="admin").first()
    entries, counters = [], []
    for organization in registers():
        for year in (today.year - 1, today.year):
            made = _entries(organization, year, min(today, date(year, 12, 31)), chance)
            entries += made
            for direction in ("outgoing", "incoming"):
                given = sum(1 for entry in made if entry.direction == direction)
                counters.append(
                    RegisterCounter(
                        organization=organization,
                        year=year,
                        direction=direction,
                        last_number=given,
                    )
                )
    bulk_create_with_history(entries, RegisterEntry, default_user=admin)
    RegisterCounter.objects.bulk_create(counters)
    stdout.write(f"Register: {len(entries)} documents; glossary: {terms} terms added.")
    return {"register entries": len(entries), "glossary terms": terms}
