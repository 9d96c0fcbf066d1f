"""Writes the agreements demo (see the package's text)."""

from datetime import date, timedelta
from itertools import cycle

from django.core.files.base import ContentFile

from amity.accounts.models import User
from amity.agreements.choices import AgreementStatus, CommitmentStatus, RenewalRule
from amity.agreements.models import (
    Agreement,
    AgreementFile,
    Commitment,
    Review,
    Signer,
    VietnameseAgency,
)
from amity.aid.models import Activity
from amity.core.demo_dates import demo_today
from amity.events.models import Event
from amity.geo.models import Province
from amity.organizations.choices import OrganizationKind
from amity.organizations.models import Organization
from amity.partners.models import Interaction, Partner, RelationshipHolder

MARK = "[demo]"
PDF = b"%PDF-1.4\n% Amity demo: a signed copy\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"

#: (Vietnamese name, English name, acronym, kind, province code or "", recorded by: "centre",
#: "hanoi" or "danang")
AGENCIES = [
    ("Bộ Ngoại giao", "Ministry of Foreign Affairs", "BNG", "ministry", "", "centre"),
    ("Bộ Y tế", "Ministry of Health", "BYT", "ministry", "", "centre"),
    (
        "Bộ Giáo dục và Đào tạo",
        "Ministry of Education and Training",
        "BGDĐT",
        "ministry",
        "",
        "centre",
    ),
    (
        "Bộ Văn hóa, Thể thao và Du lịch",
        "Ministry of Culture, Sports and Tourism",
        "BVHTTDL",
        "ministry",
        "",
        "centre",
    ),
    ("Bộ Nội vụ", "Ministry of Home Affairs", "BNV", "ministry", "", "centre"),
    (
        "Ủy ban Nhà nước về người Việt Nam ở nước ngoài",
        "State Committee for Overseas Vietnamese",
        "UBNV",
        "government_agency",
        "",
        "centre",
    ),
    (
        "Trung ương Hội Liên hiệp Phụ nữ Việt Nam",
        "Central Committee of the Viet Nam Women's Union",
        "",
        "mass_organization",
        "",
        "centre",
    ),
    ("Sở Ngoại vụ Hà Nội", "Ha Noi Department of Foreign Affairs", "", "department", "01", "hanoi"),
    (
        "Ủy ban nhân dân thành phố Hà Nội",
        "Ha Noi People's Committee",
        "",
        "peoples_committee",
        "01",
        "hanoi",
    ),
    (
        "Sở Ngoại vụ thành phố Đà Nẵng",
        "Da Nang Department of Foreign Affairs",
        "",
        "department",
        "48",
        "danang",
    ),
]

#: the scenarios the agreements take in turn: (status, days from today to the expiry or None,
#: renewal, years of an automatic renewal)
SCENARIOS = [
    (AgreementStatus.IN_FORCE, 6, RenewalRule.MUTUAL, None),
    (AgreementStatus.IN_FORCE, 29, RenewalRule.NONE, None),
    (AgreementStatus.IN_FORCE, 75, RenewalRule.MUTUAL, None),
    (AgreementStatus.IN_FORCE, 700, RenewalRule.MUTUAL, None),
    (AgreementStatus.EXPIRED, -40, RenewalRule.NONE, None),
    (AgreementStatus.NEGOTIATING, None, RenewalRule.MUTUAL, None),
    (AgreementStatus.SIGNED, 1800, RenewalRule.NONE, None),
    (AgreementStatus.IN_FORCE, 88, RenewalRule.AUTOMATIC, 2),
    (AgreementStatus.TERMINATED, 300, RenewalRule.NONE, None),
    (AgreementStatus.IN_FORCE, 400, RenewalRule.MUTUAL, None),
]

COMMITMENTS = [
    ("Trao đổi đoàn cán bộ, thanh niên mỗi năm một lần", 1),
    ("Tổ chức hội thảo chung về hợp tác nhân dân", 2),
    ("Vận động tài trợ cho dự án an sinh xã hội tại địa phương", 3),
    ("Báo cáo kết quả thực hiện thỏa thuận hằng năm", 4),
]
COMMITMENT_STATES = cycle(
    [
        CommitmentStatus.DONE,
        CommitmentStatus.IN_PROGRESS,
        CommitmentStatus.PLANNED,
        CommitmentStatus.CANCELLED,
        CommitmentStatus.PLANNED,
    ]
)


class AgreementsDemo:
    def __init__(self, prefix: str):
        self.prefix = prefix
        self.today = demo_today()
        self.admin = User.objects.get(username="admin")
        self.centre = Organization.objects.get(
            kind=OrganizationKind.CENTRAL_UNION,
            parent__isnull=True,
            external_ref__startswith="demo",
        )
        self.hanoi = User.objects.get(username="hanoi").organization
        self.danang = User.objects.get(username="danang").organization
        self.number = 0
        self.scenarios = cycle(SCENARIOS)

    def run(self) -> None:
        agencies = self.write_agencies()
        for partner, lead in self.partners():
            self.agreement(
                lead, partners=[partner], kind="cooperation" if self.number % 3 else "mou"
            )
        for lead, foreign in (
            (self.hanoi, "Thành phố Viêng Chăn (Lào)"),
            (self.danang, "Tỉnh Gyeonggi (Hàn Quốc)"),
        ):
            self.agreement(lead, kind="twinning", other_parties=foreign)
        for agency in agencies:
            lead = {"hanoi": self.hanoi, "danang": self.danang}.get(agency.recorded, self.centre)
            self.agreement(lead, agencies=[agency], kind="coordination")

    # --- the agencies ---------------------------------------------------------------------------

    def write_agencies(self) -> list[VietnameseAgency]:
        owners = {"centre": self.centre, "hanoi": self.hanoi, "danang": self.danang}
        provinces = {p.code: p for p in Province.objects.filter(is_current=True)}
        agencies = []
        for name_vi, name_en, acronym, kind, code, owner in AGENCIES:
            agency = VietnameseAgency(
                name_vi=name_vi,
                name_en=name_en,
                acronym=acronym,
                kind=kind,
                province=provinces.get(code),
                organization=owners[owner],
                notes=MARK,
            )
            agency._history_user = self.admin
            agency.save()
            agency.recorded = owner
            agencies.append(agency)
        return agencies

    # --- the partners ---------------------------------------------------------------------------

    def partners(self) -> list[tuple[Partner, Organization]]:
        """About twenty demo partners with the organization leading each: the demo Unions'
        own first (so that their officers see agreements), then the others in order."""
        holders = RelationshipHolder.objects.filter(
            partner__external_ref__startswith="demo-partner-",
            partner__sensitivity__in=["public", "internal"],
            role="lead",
        ).select_related("partner", "organization")
        chosen: dict[int, tuple[Partner, Organization]] = {}
        for holder in holders.order_by("partner__external_ref"):
            mine = holder.organization_id in (self.hanoi.pk, self.danang.pk)
            if mine and sum(1 for _p, o in chosen.values() if o.pk == holder.organization_id) < 4:
                chosen.setdefault(holder.partner_id, (holder.partner, holder.organization))
        for holder in holders.order_by("partner__external_ref"):
            if len(chosen) >= 20:
                break
            chosen.setdefault(holder.partner_id, (holder.partner, holder.organization))
        return list(chosen.values())

    # --- one agreement --------------------------------------------------------------------------

    def agreement(self, lead, *, kind, partners=(), agencies=(), other_parties="") -> Agreement:
        self.number += 1
        status, days, renewal, years = next(self.scenarios)
        counterpart = partners[0] if partners else (agencies[0] if agencies else None)
        title = self.title(kind, lead, counterpart, other_parties)
        ends_on = self.today + timedelta(days=days) if days is not None else None
        signed = status != AgreementStatus.NEGOTIATING
        signed_on = self.signed_on(ends_on) if signed else None
        agreement = Agreement(
            kind=kind,
            title_vi=title[0],
            title_en=title[1],
            reference=f"{self.number:02d}/TTHT-{self.today.year - 3 + self.number % 3}"
            if signed
            else "",
            organization=lead,
            other_parties=other_parties,
            signed_on=signed_on,
            signed_at="Hà Nội" if lead == self.centre else str(lead.short_name or lead),
            starts_on=signed_on,
            ends_on=ends_on,
            renewal=renewal,
            renewal_years=years,
            status=status,
            languages="vi, en" if partners or other_parties else "vi",
            summary=f"{title[0]}. {MARK}",
            external_ref=f"{self.prefix}{self.number:02d}",
            notes=MARK,
        )
        agreement._history_user = self.admin
        agreement.save()
        agreement.partners.set(partners)
        agreement.agencies.set(agencies)
        if lead != self.centre and self.number % 4 == 0:
            agreement.other_organizations.add(self.centre)
        if signed:
            self.write_details(agreement, partners)
        return agreement

    def title(self, kind, lead, counterpart, other_parties) -> tuple[str, str]:
        # the names in each language, whatever language the command runs in
        if isinstance(counterpart, Partner):
            other_vi, other_en = counterpart.name_in("vi"), counterpart.name_in("en")
        elif counterpart is not None:
            other_vi, other_en = counterpart.name_vi, counterpart.name_en or counterpart.name_vi
        else:
            other_vi = other_en = other_parties
        lead_en = lead.name_en or lead.name
        if kind == "mou":
            return (
                f"Biên bản ghi nhớ giữa {lead.name} và {other_vi}",
                f"Memorandum of understanding between {lead_en} and {other_en}",
            )
        if kind == "coordination":
            return (
                f"Quy chế phối hợp công tác giữa {lead.name} và {other_vi}",
                f"Working-coordination agreement between {lead_en} and {other_en}",
            )
        if kind == "twinning":
            return (
                f"Thỏa thuận hữu nghị giữa {lead.name} và {other_vi}",
                f"Friendship agreement between {lead_en} and {other_en}",
            )
        return (
            f"Thỏa thuận hợp tác giữa {lead.name} và {other_vi}",
            f"Cooperation agreement between {lead_en} and {other_en}",
        )

    def signed_on(self, ends_on: date | None) -> date:
        if ends_on is None:
            return self.today - timedelta(days=400)
        # a term of three to five years, never signed in the future
        return min(
            ends_on - timedelta(days=365 * (3 + self.number % 3)), self.today - timedelta(days=20)
        )

    # --- what comes with a signed agreement -----------------------------------------------------

    def write_details(self, agreement: Agreement, partners) -> None:
        admin = self.admin
        records = [
            AgreementFile(
                agreement=agreement,
                title="Bản ký tiếng Việt",
                file=ContentFile(PDF, name=f"thoa-thuan-{self.number:02d}.pdf"),
                language="vi",
                is_signed=True,
                notes=MARK,
            ),
            Signer(
                agreement=agreement,
                name=f"Chủ tịch {agreement.organization.display_short_name}",
                position="Chủ tịch",
                side="ours",
                party=str(agreement.organization),
                notes=MARK,
            ),
        ]
        if partners:
            records.append(
                Signer(
                    agreement=agreement,
                    name=f"Representative of {partners[0].name}"[:200],
                    position="Director",
                    side="partner",
                    party=partners[0].name[:255],
                    notes=MARK,
                )
            )
        elif agreement.agencies.exists():
            agency = agreement.agencies.first()
            records.append(
                Signer(
                    agreement=agreement,
                    name=f"Lãnh đạo {agency}"[:200],
                    position="Thứ trưởng" if agency.kind == "ministry" else "Giám đốc",
                    side="agency",
                    party=str(agency),
                    notes=MARK,
                )
            )
        if agreement.status == AgreementStatus.IN_FORCE:
            held = self.number % 2 == 0
            records.append(
                Review(
                    agreement=agreement,
                    due_on=self.today - timedelta(days=30)
                    if held
                    else self.today + timedelta(days=5 + self.number),
                    held_on=self.today - timedelta(days=28) if held else None,
                    outcome="Hai bên đánh giá tốt kết quả hợp tác." if held else "",
                    notes=MARK,
                )
            )
        records += self.commitments(agreement)
        for record in records:
            record._history_user = admin
            record.save()
        self.link_done_under(agreement, partners)

    def commitments(self, agreement: Agreement) -> list[Commitment]:
        rows = []
        for text, years in COMMITMENTS[: 2 + self.number % 3]:
            status = next(COMMITMENT_STATES)
            start = agreement.signed_on or self.today
            due = start + timedelta(days=180 * years)
            if due < self.today - timedelta(days=365) and status != CommitmentStatus.CANCELLED:
                # a commitment over a year past its date was kept: the demo's inbox shows the
                # year's late ones, not a history of them
                status = CommitmentStatus.DONE
            done = (
                min(due, self.today - timedelta(days=3))
                if status == CommitmentStatus.DONE
                else None
            )
            rows.append(
                Commitment(
                    agreement=agreement,
                    description=text,
                    organization=agreement.organization,
                    due_on=due,
                    status=status,
                    done_on=done,
                    notes=MARK,
                )
            )
        return rows

    def link_done_under(self, agreement: Agreement, partners) -> None:
        """The demo interactions with its partner, the events its lead organization hosted with
        the partner or in the term, and the aid activities its partner funds."""
        start = agreement.signed_on or self.today
        interactions = Interaction.objects.filter(partner__in=partners).order_by("-occurred_on")
        recent = interactions.filter(occurred_on__gte=start)
        agreement.interactions.set(list((recent if recent.exists() else interactions)[:3]))
        if partners:
            events = Event.objects.filter(partners__in=partners)
        else:
            events = Event.objects.filter(organization=agreement.organization, start__gte=start)
        agreement.events.set(list(events.distinct().order_by("-start")[:2]))
        activities = Activity.objects.filter(reporting_org__in=partners)
        agreement.activities.set(list(activities.order_by("-id")[:2]))
