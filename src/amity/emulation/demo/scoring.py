"""The demo's emulation scoring: two years of clusters of the provincial Unions by region (after
the 2025 merger) and a block of the central associations, a criteria table of 30 criteria under
each regulation version, every unit's sheet (last year's confirmed and published, this year's in
every state of the workflow, some criteria computed from the demo's records), and one thematic
campaign for the Union's congress.

Deterministic: `random.Random(SEED)`, the years from `core.demo_dates.demo_today()`. Written in
bulk (with history) so that it loads in well under the demo's time."""

import random
from datetime import date, datetime, time
from decimal import Decimal

from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from amity.accounts.models import User
from amity.core.demo_dates import demo_today
from amity.emulation import scoring_services as services
from amity.emulation.models import (
    Campaign,
    Cluster,
    CriteriaSection,
    CriteriaTable,
    Criterion,
    Regulation,
    Score,
    ScoreSheet,
)
from amity.emulation.models.scoring import ClusterKind, CriterionKind, Region, SheetState
from amity.organizations.choices import OrganizationKind, OrganizationStatus
from amity.organizations.models import Organization

SEED = 18
MARK = "[demo]"

#: (section title vi, en), then its criteria: (text vi, max points, kind, computed from, target)
CRITERIA = [
    (
        ("Công tác tổ chức, xây dựng Liên hiệp", "Organization and building the Union"),
        [
            ("Kiện toàn Ban Chấp hành, Ban Thường vụ đúng Điều lệ", 5, "", "", 0),
            ("Phát triển hội viên, tổ chức thành viên mới", 5, "", "", 0),
            ("Báo cáo định kỳ gửi đúng hạn", 10, "", "reports_on_time", 2),
            (
                "Tham gia đầy đủ các hội nghị, cuộc họp của Trung ương",
                5,
                "",
                "conferences_joined",
                3,
            ),
            ("Thực hiện chế độ thông tin, báo cáo đột xuất", 3, "", "", 0),
            ("Đào tạo, bồi dưỡng cán bộ làm công tác đối ngoại nhân dân", 4, "", "", 0),
            ("Kiểm tra, giám sát hoạt động các hội thành viên", 3, "", "", 0),
            ("Xây dựng quy chế làm việc, quy chế phối hợp", 3, "", "", 0),
        ],
    ),
    (
        ("Hoạt động đối ngoại nhân dân", "People-to-people diplomacy"),
        [
            ("Tổ chức sự kiện giao lưu hữu nghị", 8, "", "events_organised", 4),
            ("Đón tiếp đoàn vào, cử đoàn ra", 5, "", "", 0),
            ("Duy trì quan hệ với các đối tác nước ngoài", 8, "", "partners_engaged", 10),
            ("Tổ chức kỷ niệm ngày quốc khánh, ngày thiết lập quan hệ ngoại giao", 4, "", "", 0),
            ("Tuyên truyền về Việt Nam ra nước ngoài", 4, "", "", 0),
            ("Phối hợp với cơ quan đại diện nước ngoài", 3, "", "", 0),
            ("Hỗ trợ người Việt Nam ở nước ngoài về thăm quê hương", 3, "", "", 0),
            ("Đề xuất, kiến nghị với Trung ương", 4, "", "proposals_raised", 3),
        ],
    ),
    (
        ("Công tác viện trợ phi chính phủ nước ngoài", "Foreign non-governmental aid"),
        [
            ("Vận động viện trợ phi chính phủ nước ngoài", 10, "", "aid_committed_usd", 500000),
            ("Giải ngân viện trợ đúng tiến độ", 6, "", "aid_disbursed_usd", 300000),
            ("Quản lý, giám sát dự án theo quy định", 4, "", "", 0),
            ("Báo cáo tình hình viện trợ", 3, "", "", 0),
            ("Hỗ trợ tổ chức phi chính phủ nước ngoài đăng ký hoạt động", 3, "", "", 0),
        ],
    ),
    (
        ("Công tác thi đua, khen thưởng và phối hợp", "Emulation, awards and coordination"),
        [
            ("Ký kết và thực hiện giao ước thi đua của cụm", 3, "", "", 0),
            ("Tham gia hoạt động chung của cụm thi đua", 3, "", "", 0),
            ("Phát hiện, nhân rộng điển hình tiên tiến", 2, "", "", 0),
            ("Phối hợp với các sở, ngành của địa phương", 3, "", "", 0),
            ("Trả lời kiến nghị đúng hạn", 2, "", "proposals_answered", 2),
        ],
    ),
    (
        ("Điểm thưởng và điểm trừ", "Bonus and penalty points"),
        [
            ("Sáng kiến, mô hình mới được Trung ương ghi nhận", 3, CriterionKind.BONUS, "", 0),
            ("Được Chính phủ, bộ, ngành khen thưởng", 2, CriterionKind.BONUS, "", 0),
            ("Báo cáo chậm quá 15 ngày", 3, CriterionKind.PENALTY, "", 0),
            ("Không tham gia hoạt động của cụm không có lý do", 2, CriterionKind.PENALTY, "", 0),
        ],
    ),
]

CAMPAIGN_CRITERIA = [
    ("Tổ chức hội nghị, đại hội đúng kế hoạch", 10, "", 0),
    ("Góp ý dự thảo văn kiện Đại hội", 10, "proposals_raised", 2),
    ("Tổ chức sự kiện chào mừng Đại hội", 10, "events_organised", 2),
    ("Tuyên truyền về Đại hội", 5, "", 0),
]


def region_of(code: str) -> str:
    """The region of a current province by its GSO code (the 34 units since 1 July 2025)."""
    number = int(code)
    if number == 1 or 22 <= number <= 37:
        return Region.RED_RIVER_DELTA
    if number <= 20:
        return Region.NORTHERN_MOUNTAINS
    if number <= 46:
        return Region.NORTH_CENTRAL
    if number <= 68:
        return Region.SOUTH_CENTRAL
    if number <= 80:
        return Region.SOUTHEAST
    return Region.MEKONG_DELTA


CLUSTER_NAMES = {
    Region.NORTHERN_MOUNTAINS: "Cụm thi đua các tỉnh trung du và miền núi phía Bắc",
    Region.RED_RIVER_DELTA: "Cụm thi đua các tỉnh, thành phố đồng bằng sông Hồng",
    Region.NORTH_CENTRAL: "Cụm thi đua các tỉnh Bắc Trung Bộ",
    Region.SOUTH_CENTRAL: "Cụm thi đua các tỉnh, thành phố Nam Trung Bộ và Tây Nguyên",
    Region.SOUTHEAST: "Cụm thi đua các tỉnh, thành phố Đông Nam Bộ",
    Region.MEKONG_DELTA: "Cụm thi đua các tỉnh, thành phố đồng bằng sông Cửu Long",
}
BLOCK_NAME = "Khối thi đua các hội hữu nghị Trung ương"


class Loader:
    def __init__(self, stdout):
        self.stdout = stdout
        self.rng = random.Random(SEED)
        self.admin = User.objects.filter(username="admin").first()
        self.centre = Organization.objects.get(
            kind=OrganizationKind.CENTRAL_UNION,
            parent__isnull=True,
            external_ref__startswith="demo",
        )
        self.year = demo_today().year
        self.counts = {"criteria": 0, "clusters": 0, "score sheets": 0, "scores": 0}

    # --- criteria tables ------------------------------------------------------------------------

    def criteria_table(self, regulation: Regulation, year: int) -> CriteriaTable:
        table = CriteriaTable(
            organization=self.centre,
            regulation=regulation,
            code=f"BTC-{year}",
            title_vi=f"Bảng tiêu chí thi đua năm {year} của các Liên hiệp tỉnh, thành phố",
            title_en=f"Emulation criteria {year} of the provincial Unions",
            notes=MARK,
        )
        bulk_create_with_history([table], CriteriaTable, default_user=self.admin)
        sections = [
            CriteriaSection(table=table, number=n, title_vi=vi, title_en=en, notes=MARK)
            for n, ((vi, en), _rows) in enumerate(CRITERIA, start=1)
        ]
        bulk_create_with_history(sections, CriteriaSection, default_user=self.admin)
        criteria = []
        for section, (_title, rows) in zip(sections, CRITERIA, strict=True):
            for order, (text, points, kind, computed, target) in enumerate(rows, start=1):
                criteria.append(
                    Criterion(
                        section=section,
                        code=f"{section.number}.{order}",
                        order=order,
                        text_vi=text,
                        max_points=Decimal(points),
                        kind=kind or CriterionKind.NORMAL,
                        evidence_required=not computed and kind != CriterionKind.PENALTY,
                        evidence_how="" if computed else "Báo cáo, văn bản, hình ảnh kèm theo",
                        computed_from=computed,
                        computed_target=Decimal(target) if computed else None,
                        notes=MARK,
                    )
                )
        bulk_create_with_history(criteria, Criterion, default_user=self.admin)
        self.counts["criteria"] += len(criteria)
        return table

    # --- clusters -------------------------------------------------------------------------------

    def clusters(self, year: int, table: CriteriaTable) -> list[Cluster]:
        unions = Organization.objects.filter(
            kind=OrganizationKind.PROVINCIAL_UNION,
            status=OrganizationStatus.ACTIVE,
            external_ref__startswith="demo",
            province__isnull=False,
        ).select_related("province")
        by_region: dict[str, list[Organization]] = {}
        for union in sorted(unions, key=lambda org: org.province.code):
            by_region.setdefault(region_of(union.province.code), []).append(union)
        associations = list(
            Organization.objects.filter(
                kind=OrganizationKind.CENTRAL_MEMBER, external_ref__startswith="demo"
            ).order_by("name")
        )
        made = []
        groups = [
            (region, CLUSTER_NAMES[Region(region)], members)
            for region, members in by_region.items()
        ]
        if associations:
            groups.append(("", BLOCK_NAME, associations))
        for region, name, members in groups:
            head = self.rng.choice(members)
            others = [org for org in members if org != head]
            cluster = Cluster(
                organization=self.centre,
                year=year,
                name=name,
                kind=ClusterKind.PROVINCIAL if region else ClusterKind.CENTRAL,
                region=region,
                criteria_table=table,
                head=head,
                deputy=self.rng.choice(others) if others else None,
                pact_signed_on=date(year, 1, self.rng.randint(10, 25)),
                pact_commitments=self.pact(name),
                notes=MARK,
            )
            made.append((cluster, members))
        bulk_create_with_history([c for c, _m in made], Cluster, default_user=self.admin)
        through = Cluster.members.through
        through.objects.bulk_create(
            [
                through(cluster_id=cluster.pk, organization_id=org.pk)
                for cluster, members in made
                for org in members
            ]
        )
        self.counts["clusters"] += len(made)
        return [c for c, _m in made]

    @staticmethod
    def pact(name: str) -> str:
        return (
            f"Các thành viên {name[0].lower()}{name[1:]} cam kết: hoàn thành 100% báo cáo định kỳ "
            "đúng hạn; mỗi đơn vị tổ chức ít nhất 02 sự kiện giao lưu hữu nghị; chủ động vận động "
            "viện trợ phi chính phủ nước ngoài; tham gia đầy đủ hoạt động chung của cụm."
        )

    # --- sheets and scores ----------------------------------------------------------------------

    def sheets(self, clusters: list[Cluster], states: list[str]) -> list[ScoreSheet]:
        sheets = []
        for cluster in clusters:
            for member in cluster.members.order_by("name"):
                sheets.append(
                    ScoreSheet(
                        organization=member,
                        year=cluster.year,
                        cluster=cluster,
                        criteria_table=cluster.criteria_table,
                        notes=MARK,
                    )
                )
        bulk_create_with_history(sheets, ScoreSheet, default_user=self.admin)
        self.score(sheets, states)
        return sheets

    def score(self, sheets: list[ScoreSheet], states: list[str]) -> None:
        """Every sheet's rows, with the computed values and the points of the state each sheet
        is given, written at once."""
        rng = self.rng
        criteria: dict[int, list[Criterion]] = {}
        for criterion in Criterion.objects.filter(
            section__table__in={sheet.criteria_table_id for sheet in sheets}
        ).select_related("section"):
            criteria.setdefault(criterion.section.table_id, []).append(criterion)
        by_sheet = {
            sheet.pk: [
                Score(sheet=sheet, criterion=criterion, notes="")
                for criterion in criteria.get(sheet.criteria_table_id, [])
            ]
            for sheet in sheets
        }
        scores = [score for rows in by_sheet.values() for score in rows]
        services.fill_computed(scores)
        order = [SheetState.DRAFT, SheetState.SELF_SCORED, SheetState.CLUSTER_REVIEWED]
        order.append(SheetState.CONFIRMED)
        stamp = timezone.make_aware(datetime.combine(demo_today(), time(9)))
        for sheet in sheets:
            sheet.state = rng.choice(states)
            reached = order.index(sheet.state)
            for score in by_sheet.get(sheet.pk, []):
                self.self_score(score, sheet.state != SheetState.DRAFT or rng.random() < 0.6)
                if reached >= 2 and rng.random() < 0.12 and score.self_points:
                    score.cluster_points = max(Decimal(0), score.self_points - 1)
                    if score.criterion.kind == CriterionKind.PENALTY:
                        score.cluster_points = None
                    else:
                        score.cluster_reason = "Minh chứng chưa đầy đủ, trừ 1 điểm"
                if reached >= 3 and rng.random() < 0.04 and score.cluster_points is not None:
                    score.council_points = score.cluster_points + Decimal("0.5")
                    score.council_points = min(score.council_points, score.criterion.max_points)
                    score.council_reason = "Hội đồng thi đua bổ sung minh chứng"
            sheet.submitted_at = stamp if reached >= 1 else None
            sheet.reviewed_at = stamp if reached >= 2 else None
            sheet.confirmed_at = stamp if reached >= 3 else None
        bulk_create_with_history(scores, Score, batch_size=500, default_user=self.admin)
        bulk_update_with_history(
            sheets,
            ScoreSheet,
            ["state", "submitted_at", "reviewed_at", "confirmed_at"],
            default_user=self.admin,
        )
        self.counts["score sheets"] += len(sheets)
        self.counts["scores"] += len(scores)

    def self_score(self, score: Score, complete: bool) -> None:
        rng, criterion = self.rng, score.criterion
        if score.computed_points is not None:
            if rng.random() < 0.15:
                score.self_points = min(criterion.max_points, score.computed_points + 1)
                score.explanation = "Một số hoạt động chưa được cập nhật vào hệ thống"
            else:
                score.self_points = score.computed_points
            return
        if not complete and rng.random() < 0.5:
            score.self_points = None
            return
        if criterion.kind == CriterionKind.PENALTY:
            score.self_points = -Decimal(rng.choice([0, 0, 0, 0, 1, 2]))
            score.self_points = max(score.self_points, -criterion.max_points)
        elif criterion.kind == CriterionKind.BONUS:
            score.self_points = Decimal(rng.choice([0, 0, 1, 2]))
            score.self_points = min(score.self_points, criterion.max_points)
        else:
            share = Decimal(rng.randint(60, 100)) / 100
            score.self_points = (criterion.max_points * share).quantize(Decimal("0.5"))
        if criterion.evidence_required and score.self_points:
            score.self_evidence = f"Báo cáo số {rng.randint(5, 95)}/BC-LHHN"

    # --- the campaign ---------------------------------------------------------------------------

    def campaign(self, regulation: Regulation) -> Campaign:
        year = self.year
        table = CriteriaTable(
            organization=self.centre,
            regulation=regulation,
            code=f"BTC-DH-{year}",
            title_vi="Bảng tiêu chí thi đua chào mừng Đại hội đại biểu toàn quốc",
            title_en="Criteria of the emulation towards the national congress",
            notes=MARK,
        )
        bulk_create_with_history([table], CriteriaTable, default_user=self.admin)
        section = CriteriaSection(table=table, number=1, title_vi="Tiêu chí", notes=MARK)
        bulk_create_with_history([section], CriteriaSection, default_user=self.admin)
        criteria = [
            Criterion(
                section=section,
                code=f"1.{order}",
                order=order,
                text_vi=text,
                max_points=Decimal(points),
                evidence_required=not computed,
                computed_from=computed,
                computed_target=Decimal(target) if computed else None,
                notes=MARK,
            )
            for order, (text, points, computed, target) in enumerate(CAMPAIGN_CRITERIA, start=1)
        ]
        bulk_create_with_history(criteria, Criterion, default_user=self.admin)
        self.counts["criteria"] += len(criteria)
        campaign = Campaign(
            organization=self.centre,
            name_vi="Thi đua chào mừng Đại hội đại biểu toàn quốc Liên hiệp các tổ chức hữu nghị",
            name_en="Emulation towards the national congress of VUFO",
            starts_on=date(year, 3, 1),
            ends_on=date(year, 10, 31),
            criteria_table=table,
            notes=MARK,
        )
        bulk_create_with_history([campaign], Campaign, default_user=self.admin)
        participants = list(
            Organization.objects.filter(
                kind=OrganizationKind.PROVINCIAL_UNION,
                status=OrganizationStatus.ACTIVE,
                external_ref__startswith="demo",
            ).order_by("name")[:8]
        )
        campaign.participants.set(participants)
        sheets = [
            ScoreSheet(
                organization=org, year=year, campaign=campaign, criteria_table=table, notes=MARK
            )
            for org in participants
        ]
        bulk_create_with_history(sheets, ScoreSheet, default_user=self.admin)
        self.score(sheets, [SheetState.DRAFT, SheetState.SELF_SCORED])
        return campaign

    def load(self) -> dict[str, int]:
        regulations = list(
            Regulation.objects.filter(organization=self.centre).order_by("effective_from")
        )
        last_year, this_year = self.year - 1, self.year

        def in_force(year):
            day = date(year, 1, 1)
            fitting = [
                r
                for r in regulations
                if r.effective_from <= day and (r.effective_to is None or r.effective_to >= day)
            ]
            return (fitting or regulations)[-1]

        earlier = self.criteria_table(in_force(last_year), last_year)
        current = self.criteria_table(in_force(this_year), this_year)
        old = self.clusters(last_year, earlier)
        self.sheets(old, [SheetState.CONFIRMED])
        Cluster.objects.filter(pk__in=[c.pk for c in old]).update(ranking_published=True)
        new = services.copy_clusters_forward(last_year, by=self.admin)
        for cluster in new:  # this year's pact and table
            cluster.criteria_table = current
            cluster.pact_signed_on = date(this_year, 1, self.rng.randint(10, 25))
            cluster.pact_commitments = self.pact(cluster.name)
        bulk_update_with_history(
            new,
            Cluster,
            ["criteria_table", "pact_signed_on", "pact_commitments"],
            default_user=self.admin,
        )
        self.counts["clusters"] += len(new)
        states = [SheetState.DRAFT, SheetState.SELF_SCORED, SheetState.CLUSTER_REVIEWED]
        self.sheets(new, [*states, SheetState.CONFIRMED])
        self.campaign(in_force(this_year))
        self.stdout.write(
            f"  emulation scoring: {self.counts['clusters']} clusters over two years, "
            f"{self.counts['criteria']} criteria, {self.counts['score sheets']} score sheets, "
            f"{self.counts['scores']} scores, 1 campaign"
        )
        return {f"emulation {key}": value for key, value in self.counts.items()}


def load(stdout) -> dict[str, int]:
    return Loader(stdout).load()
