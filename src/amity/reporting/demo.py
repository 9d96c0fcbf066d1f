"""The reporting domain's demo data: the "Half-year report of a provincial Union" form of about
40 indicators, half-year periods from 2023 to 2026, and most Unions' submissions in various
states — the Unions merged on 1 July 2025 report until then, their successors after, so that
the merger shows in the consolidated time series.
"""

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.management.base import CommandError
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from amity.accounts.models import User
from amity.core.demo_dates import demo_today
from amity.organizations.choices import OrganizationKind
from amity.organizations.demo import MARK, MERGER_DATE
from amity.organizations.models import Organization
from amity.reporting import models
from amity.reporting.choices import (
    Aggregation,
    Operator,
    RuleKind,
    SectionKind,
    Severity,
    SubmissionState,
    VersionStatus,
)

SEED = 2025
CODE = "demo-half-year"
INT, DEC, M, P, B, L = "integer", "decimal", "money", "percentage", "boolean", "long_text"

#: (section title vi, title en, kind, [(code, name vi, name en, type, unit, extra)])
SECTIONS = [
    (
        "Công tác đối tác",
        "Partner work",
        SectionKind.INDICATORS,
        [
            (
                "DT01",
                "Số đối tác nước ngoài đang quan hệ",
                "Foreign partners held",
                INT,
                "đối tác",
                {"prefill": "partners.held"},
            ),
            (
                "DT02",
                "Số lần làm việc, tiếp xúc với đối tác",
                "Interactions with partners",
                INT,
                "lần",
                {"prefill": "partners.interactions"},
            ),
            ("DT03", "Số đối tác mới thiết lập quan hệ", "New partners", INT, "đối tác", {}),
            (
                "DT04",
                "Số thỏa thuận hợp tác được ký",
                "Cooperation agreements signed",
                INT,
                "văn bản",
                {},
            ),
            (
                "DT05",
                "Số cơ quan đại diện nước ngoài đã làm việc",
                "Foreign missions met",
                INT,
                "cơ quan",
                {},
            ),
            ("DT06", "Có kế hoạch công tác đối tác năm", "Annual partner work plan", B, "", {}),
        ],
    ),
    (
        "Hoạt động đối ngoại nhân dân",
        "People-to-people diplomacy",
        SectionKind.INDICATORS,
        [
            (
                "HD01",
                "Số đoàn nước ngoài đón tiếp",
                "Foreign delegations received",
                INT,
                "đoàn",
                {},
            ),
            ("HD02", "Số đoàn đi nước ngoài", "Delegations sent abroad", INT, "đoàn", {}),
            (
                "HD03",
                "Tổng số đoàn ra, đoàn vào",
                "Delegations in and out",
                INT,
                "đoàn",
                {"total_of": "HD01,HD02"},
            ),
            (
                "HD04",
                "Số hội nghị, hội thảo tổ chức",
                "Conferences and seminars held",
                INT,
                "cuộc",
                {},
            ),
            ("HD05", "Số lễ kỷ niệm, mít tinh hữu nghị", "Friendship ceremonies", INT, "cuộc", {}),
            (
                "HD06",
                "Số người tham gia các hoạt động",
                "Participants in activities",
                INT,
                "người",
                {},
            ),
            (
                "HD07",
                "Số chương trình giao lưu văn hóa",
                "Cultural exchanges",
                INT,
                "chương trình",
                {},
            ),
            ("HD08", "Số bài viết, tin trên báo chí", "Press articles", INT, "bài", {}),
        ],
    ),
    (
        "Viện trợ phi chính phủ nước ngoài",
        "Foreign NGO aid",
        SectionKind.INDICATORS,
        [
            (
                "VT01",
                "Giá trị viện trợ cam kết",
                "Aid committed",
                M,
                "USD",
                {"currency": "USD", "prefill": "aid.committed_usd"},
            ),
            (
                "VT02",
                "Giá trị viện trợ giải ngân",
                "Aid disbursed",
                M,
                "USD",
                {"currency": "USD", "prefill": "aid.disbursed_usd"},
            ),
            (
                "VT03",
                "Số dự án, chương trình viện trợ",
                "Aid projects and programmes",
                INT,
                "dự án",
                {"prefill": "aid.activities"},
            ),
            (
                "VT04",
                "Số tổ chức phi chính phủ tài trợ",
                "NGO donors",
                INT,
                "tổ chức",
                {"prefill": "aid.ngos"},
            ),
            ("VT05", "Số đợt giám sát dự án", "Project monitoring visits", INT, "đợt", {}),
            (
                "VT06",
                "Tỷ lệ dự án đúng tiến độ",
                "Projects on schedule",
                P,
                "%",
                {"aggregation": Aggregation.AVERAGE},
            ),
            ("VT07", "Số hội nghị xúc tiến viện trợ", "Aid promotion meetings", INT, "cuộc", {}),
        ],
    ),
    (
        "Tổ chức và cán bộ",
        "Organization and staff",
        SectionKind.INDICATORS,
        [
            ("TC01", "Số hội thành viên", "Member associations", INT, "hội", {}),
            ("TC02", "Số hội viên", "Individual members", INT, "người", {}),
            ("TC03", "Số cán bộ chuyên trách", "Full-time staff", INT, "người", {}),
            ("TC04", "Số cán bộ kiêm nhiệm", "Part-time staff", INT, "người", {}),
            ("TC05", "Số cán bộ được đào tạo, bồi dưỡng", "Staff trained", INT, "người", {}),
            (
                "TC06",
                "Kinh phí hoạt động được cấp",
                "Operating budget",
                M,
                "triệu đồng",
                {"currency": "VND"},
            ),
            ("TC07", "Số hội thành viên thành lập mới", "New member associations", INT, "hội", {}),
        ],
    ),
    (
        "Thi đua, khen thưởng",
        "Emulation and rewards",
        SectionKind.INDICATORS,
        [
            ("KT01", "Số tập thể được khen thưởng", "Collectives rewarded", INT, "tập thể", {}),
            ("KT02", "Số cá nhân được khen thưởng", "Individuals rewarded", INT, "người", {}),
            (
                "KT03",
                "Số người nước ngoài được tặng kỷ niệm chương",
                "Foreign friends honoured",
                INT,
                "người",
                {},
            ),
            (
                "KT04",
                "Xếp loại thi đua",  # its unit, "điểm", is shown beside it
                "Emulation score",
                DEC,
                "điểm",
                {"aggregation": Aggregation.AVERAGE, "minimum": 0, "maximum": 100},
            ),
        ],
    ),
    (
        "Kiến nghị, đề xuất",
        "Proposals",
        SectionKind.INDICATORS,
        [
            (
                "KN01",
                "Số kiến nghị gửi Trung ương",
                "Proposals to the centre",
                INT,
                "kiến nghị",
                {},
            ),
            ("KN02", "Số kiến nghị đã được trả lời", "Proposals answered", INT, "kiến nghị", {}),
        ],
    ),
    (
        "Đánh giá chung",
        "Overall assessment",
        SectionKind.NARRATIVE,
        [
            ("NX01", "Kết quả nổi bật", "Main results", L, "", {}),
            ("NX02", "Khó khăn, vướng mắc", "Difficulties", L, "", {}),
            ("NX03", "Phương hướng kỳ tới", "Plans for the next period", L, "", {}),
            ("NX04", "Kiến nghị, đề xuất", "Proposals", L, "", {}),
        ],
    ),
]

RESULTS = [
    "Tổ chức thành công chuỗi hoạt động kỷ niệm ngày thiết lập quan hệ ngoại giao.",
    "Đón tiếp các đoàn bạn bè quốc tế, vận động viện trợ cho các xã vùng sâu.",
    "Phối hợp tổ chức giao lưu thanh niên, trao học bổng cho học sinh nghèo vượt khó.",
]
DIFFICULTIES = [
    "Kinh phí hoạt động hạn chế, cán bộ kiêm nhiệm nhiều việc.",
    "Việc sắp xếp tổ chức sau hợp nhất ảnh hưởng đến tiến độ công việc.",
]


def aware(day: date):
    """Nine in the morning of `day`; earlier on the real today if it is not nine yet, so that
    nothing is dated in the future."""
    moment = timezone.make_aware(datetime.combine(day, time(9, 0)))
    return min(moment, timezone.now()) if day == timezone.localdate() else moment


class ReportingDemo:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.admin = User.objects.filter(is_superuser=True).order_by("pk").first()
        self.central = Organization.objects.get(
            kind=OrganizationKind.CENTRAL_UNION, external_ref__startswith="demo-"
        )

    def save(self, obj):
        obj._history_user = self.admin
        if hasattr(obj, "notes"):
            obj.notes = MARK
        obj.save()
        return obj

    def make_form(self):
        self.form = self.save(
            models.Form(
                organization=self.central,
                code=CODE,
                name="Báo cáo 6 tháng của Liên hiệp tỉnh",
                name_en="Half-year report of a provincial Union",
                assigned_kinds="provincial_union",
            )
        )
        self.version = self.save(models.FormVersion(form=self.form, number=1))
        self.indicators = {}
        for order, (title, title_en, kind, items) in enumerate(SECTIONS, start=1):
            section = self.save(
                models.Section(
                    form_version=self.version,
                    order=order,
                    title=title,
                    title_en=title_en,
                    kind=kind,
                )
            )
            for position, (code, name, name_en, type_, unit, extra) in enumerate(items, start=1):
                aggregation = extra.pop("aggregation", Aggregation.SUM)
                if type_ in (L,):
                    aggregation = Aggregation.NONE
                indicator = self.save(
                    models.Indicator(
                        organization=self.central,
                        code=code,
                        name=name,
                        name_en=name_en,
                        type=type_,
                        unit=unit,
                        aggregation=aggregation,
                        minimum=extra.pop("minimum", 0) if type_ not in (L, B) else None,
                        **extra,
                    )
                )
                self.indicators[code] = indicator
                self.save(
                    models.SectionItem(
                        section=section,
                        indicator=indicator,
                        order=position,
                        required=type_ != L and code != "VT06",
                    )
                )
        rules = [
            (
                "VT02",
                Operator.LTE,
                "VT01",
                Severity.SOFT,
                "Giải ngân vượt cam kết: giải thích",
                "Disbursed above committed: explain",
            ),
            (
                "KN02",
                Operator.LTE,
                "KN01",
                Severity.HARD,
                "Số kiến nghị được trả lời không vượt số kiến nghị gửi",
                "Answers cannot exceed proposals",
            ),
            (
                "TC03",
                Operator.LTE,
                "TC02",
                Severity.HARD,
                "Cán bộ chuyên trách không vượt số hội viên",
                "Full-time staff cannot exceed members",
            ),
        ]
        for left, operator, right, severity, message, message_en in rules:
            self.save(
                models.ValidationRule(
                    form_version=self.version,
                    left=self.indicators[left],
                    operator=operator,
                    right=self.indicators[right],
                    severity=severity,
                    message=message,
                    message_en=message_en,
                )
            )
        self.save(
            models.ValidationRule(
                form_version=self.version,
                kind=RuleKind.PREVIOUS_PERIOD,
                left=self.indicators["DT01"],
                max_change_percent=50,
                severity=Severity.SOFT,
                message="Số đối tác thay đổi trên 50% so với kỳ trước: giải thích",
                message_en="Partners changed by more than 50% since the last period: explain",
            )
        )
        self.version.status, self.version.published_on = (
            VersionStatus.PUBLISHED,
            date(demo_today().year - 3, 1, 5),
        )
        self.save(self.version)

    def make_periods(self):
        self.periods = []
        # the three years before this one and this one: the current half-year is open (or, early
        # in a year, the last one is still due), the earlier ones are in
        this_year = demo_today().year
        for year in range(this_year - 3, this_year + 1):
            for number in (1, 2):
                end = date(year, 6, 30) if number == 1 else date(year, 12, 31)
                self.periods.append(
                    self.save(
                        models.Period(
                            form=self.form,
                            kind="half_year",
                            year=year,
                            number=number,
                            # open for the whole half-year: a Union enters its figures
                            # as they come, whatever the day the set is loaded
                            opens_on=date(year, 1 if number == 1 else 7, 1),
                            deadline=end + timedelta(days=15),
                            grace_days=5,
                            locked=end < date(this_year - 1, 1, 1),
                        )
                    )
                )

    def reporters(self, period):
        """The provincial Unions that existed during the period."""
        unions = Organization.objects.filter(
            kind=OrganizationKind.PROVINCIAL_UNION, external_ref__startswith="demo-"
        ).select_related("province")
        if period.starts_on < MERGER_DATE:
            return [u for u in unions if u.founded_on is None or u.founded_on < MERGER_DATE]
        return [u for u in unions if u.status == "active"]

    def make_submissions(self):
        today = demo_today()
        submissions, values = [], []
        self.size = {}
        for period in self.periods:
            if period.opens_on > today:
                continue
            for union in self.reporters(period):
                hanoi = union.external_ref == "demo-org-hanoi"
                skips = self.rng.random() < (0.12 if period.deadline > today else 0.03)
                if skips and not hanoi:
                    continue  # some Unions have not started (Ha Noi, the demo's branch, has)
                size = self.size.setdefault(union.pk, self.rng.uniform(0.5, 2.5))
                if union.founded_on == MERGER_DATE or period.starts_on >= MERGER_DATE:
                    size *= 1.8  # a merged Union carries more
                state, submitted = self.state_for(period, today)
                if hanoi and period.deadline > today:
                    state, submitted = SubmissionState.DRAFT, None  # Ha Noi is at work on it
                submission = models.Submission(
                    organization=union,
                    form_version=self.version,
                    period=period,
                    state=state,
                    notes=MARK,
                    submitted_at=aware(submitted) if submitted else None,
                    submitted_by=self.admin if submitted else None,
                    # approved ten days after it came in, or today: never in the future
                    approved_at=aware(min(submitted + timedelta(days=10), today))
                    if state == SubmissionState.APPROVED
                    else None,
                    approved_by=self.admin if state == SubmissionState.APPROVED else None,
                )
                submissions.append(submission)
                values.append((submission, self.figures(size, state)))
        bulk_create_with_history(
            submissions, models.Submission, batch_size=500, default_user=self.admin
        )
        saved = {
            (s.organization_id, s.period_id): s
            for s in models.Submission.objects.filter(period__form=self.form)
        }
        rows = []
        for submission, figures in values:
            target = saved[(submission.organization_id, submission.period_id)]
            for code, (number, text) in figures.items():
                rows.append(
                    models.Value(
                        submission=target,
                        indicator=self.indicators[code],
                        number=number,
                        text=text,
                        notes=MARK,
                    )
                )
        bulk_create_with_history(rows, models.Value, batch_size=1000, default_user=self.admin)
        return len(submissions), len(rows)

    def state_for(self, period, today):
        if period.deadline + timedelta(days=40) < today:
            late = self.rng.random() < 0.15
            day = period.deadline + timedelta(
                days=self.rng.randint(6, 20) if late else -self.rng.randint(0, 10)
            )
            return SubmissionState.APPROVED, day
        roll = self.rng.random()
        if roll < 0.35:
            return SubmissionState.DRAFT, None
        day = min(today, period.deadline - timedelta(days=self.rng.randint(0, 8)))
        if roll < 0.7:
            return SubmissionState.SUBMITTED, day
        if roll < 0.8:
            return SubmissionState.RETURNED, day
        return SubmissionState.APPROVED, day

    def figures(self, size, state):
        rng, figures = self.rng, {}
        draft = state == SubmissionState.DRAFT
        for code, indicator in self.indicators.items():
            if indicator.total_codes or (draft and rng.random() < 0.4):
                continue
            if indicator.type == L:
                text = rng.choice(RESULTS if code in ("NX01", "NX03") else DIFFICULTIES)
                figures[code] = (None, text)
            elif indicator.type == B:
                figures[code] = (Decimal(int(rng.random() < 0.8)), "")
            elif indicator.type == P:
                figures[code] = (Decimal(rng.randint(60, 100)), "")
            elif code == "KT04":
                figures[code] = (Decimal(rng.randint(700, 980)) / 10, "")
            else:
                base = {
                    "DT01": 30,
                    "DT02": 40,
                    "HD06": 800,
                    "TC02": 1500,
                    "VT01": 400000,
                    "VT02": 300000,
                    "TC06": 900,
                }.get(code, 6)
                figures[code] = (Decimal(max(0, round(base * size * rng.uniform(0.6, 1.4)))), "")
        if "KN01" in figures and "KN02" in figures:
            figures["KN02"] = (min(figures["KN02"][0], figures["KN01"][0]), "")
        if "TC02" in figures and "TC03" in figures:
            figures["TC03"] = (min(figures["TC03"][0], figures["TC02"][0]), "")
        parts = [figures[c][0] for c in ("HD01", "HD02") if c in figures]
        if parts:
            figures["HD03"] = (sum(parts), "")
        return figures


def load(stdout) -> dict[str, int]:
    """Write the reporting demo data set; print and return what it made."""
    if models.Form.all_objects.filter(code=CODE).exists():
        raise CommandError("The reporting demo data set is already loaded.")
    demo = ReportingDemo()
    demo.make_form()
    demo.make_periods()
    submissions, values = demo.make_submissions()
    counts = {
        "reporting forms": 1,
        "indicators": len(demo.indicators),
        "reporting periods": len(demo.periods),
        "submissions": submissions,
        "values": values,
    }
    for label, number in counts.items():
        stdout.write(f"  {label}: {number}\n")
    return counts
