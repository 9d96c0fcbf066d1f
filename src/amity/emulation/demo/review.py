"""The demo's review year: the centre reviews its member organizations from the facts the other
demo loaders left, as the articles tell ("for the first time" the Union "reviewed and evaluated
the current status of operations of all member organizations" and proposed to terminate those
that had "not contributed for a long period").

Nothing is added to the other apps: the dormant organizations are those whose demo records show
no activity for `DORMANT_MONTHS` (twelve): the partners' demo leaves a few country friendship
associations without any interaction for more than a year (`partners.demo.QUIET_ASSOCIATIONS`),
and a central association's partner work is all the demo records of it. The board shows them at
its default period. Deterministic: the same demo day gives the same reviews.
"""

from datetime import date

from simple_history.utils import bulk_create_with_history

from amity.accounts.models import User
from amity.core.demo_dates import demo_today
from amity.emulation.facts import ACTIVITY_KEYS, activity_facts, last_activity, latest_of
from amity.emulation.models import Review
from amity.emulation.models.review import (
    MEMBER_KINDS,
    Assessment,
    ReviewProposal,
    ReviewState,
)
from amity.emulation.review_services import DEFAULT_DORMANT_MONTHS, LIVE_STATUSES, months_before
from amity.organizations.models import Organization

MARK = "[demo]"
#: the period without any activity that marks an organization as dormant: the board's default
DORMANT_MONTHS = DEFAULT_DORMANT_MONTHS
#: how many of the dormant organizations have their termination decided (the rest are drafts)
DECIDED_TERMINATIONS = 3
#: how many of the least active organizations are assessed as operating weakly
WEAK = 4
#: how many of the most active organizations are assessed (and decided) as operating well
WELL = 5

NOTES = {
    "terminate": "Không có hoạt động nào được ghi nhận trong {months} tháng qua: không gửi báo "
    "cáo, không tổ chức sự kiện, không giao lưu với đối tác. Đề nghị chấm dứt hoạt động.",
    "strengthen": "Hoạt động còn ít so với các tổ chức thành viên khác; cần kiện toàn ban chấp "
    "hành và xây dựng chương trình hoạt động năm tới.",
    "keep": "Hoạt động đều đặn, báo cáo đúng hạn, duy trì quan hệ với nhiều đối tác.",
}


def centre() -> Organization:
    return Organization.objects.get(kind="central_union", parent__isnull=True)


def _score(facts) -> float:
    """How active an organization was: its activity facts added up (a demo's rough order)."""
    return sum(float(facts.value(key) or 0) for key in ACTIVITY_KEYS)


def load(stdout) -> dict[str, int]:
    today = demo_today()
    year = today.year
    reviewer = centre()
    members = list(
        Organization.objects.filter(kind__in=MEMBER_KINDS, status__in=LIVE_STATUSES).order_by(
            "tree_path"
        )
    )
    last = last_activity(members, until=today)
    months = DORMANT_MONTHS
    since = months_before(today, months)
    dormant = [member for member in members if (latest_of(last[member.pk]) or date.min) < since]
    facts = activity_facts(members, date(year, 1, 1), today, links=False)
    active = sorted(
        (member for member in members if member not in dormant),
        key=lambda member: (_score(facts[member.pk]), member.tree_path),
    )
    admin = User.objects.filter(username="admin").first()
    decided_on = today
    reviews = []

    def review(member, assessment, proposal, decided: bool):
        reviews.append(
            Review(
                organization=member,
                reviewer=reviewer,
                year=year,
                period_start=date(year, 1, 1),
                period_end=date(year, 12, 31),
                assessment=assessment,
                proposal=proposal,
                reviewer_note=NOTES[proposal].format(months=months),
                state=ReviewState.DECIDED if decided else ReviewState.DRAFT,
                decided_on=decided_on if decided else None,
                decided_by=admin if decided else None,
                notes=MARK,
            )
        )

    for number, member in enumerate(dormant):
        review(
            member,
            Assessment.NOT_OPERATING,
            ReviewProposal.TERMINATE,
            decided=number < DECIDED_TERMINATIONS,
        )
    for member in active[:WEAK]:
        review(member, Assessment.OPERATING_WEAKLY, ReviewProposal.STRENGTHEN, decided=False)
    for member in active[-WELL:] if len(active) > WEAK else []:
        review(member, Assessment.OPERATING_WELL, ReviewProposal.KEEP, decided=True)
    bulk_create_with_history(reviews, Review, default_user=admin)
    stdout.write(
        f"  {len(reviews)} reviews of member organizations for {year} "
        f"({len(dormant)} without activity for {months} months)"
    )
    return {"reviews": len(reviews)}
