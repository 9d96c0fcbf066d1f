"""The work orientations of the demo federation: for last year and this one, the general
orientation, one for South-East Asia and one for Laos, each with its tasks, sent to every
provincial Union; most have acknowledged them and reported on their tasks, in every state."""

import random
from datetime import date, timedelta

from simple_history.utils import bulk_create_with_history

from amity.accounts.models import User
from amity.core.demo_dates import demo_today
from amity.documents.models import Orientation, OrientationTask, Recipient, TaskReport
from amity.documents.orientations_choices import OrientationKind, OrientationStatus, TaskProgress
from amity.geo.models import Country
from amity.organizations.choices import OrganizationKind, OrganizationStatus
from amity.organizations.models import Organization

MARK = "[demo]"

#: (kind, region, country code, title (with the year), tasks)
ORIENTATIONS = [
    (
        OrientationKind.GENERAL,
        "",
        "",
        "Định hướng công tác đối ngoại nhân dân năm {year}",
        [
            "Tổ chức hoạt động kỷ niệm các ngày lễ lớn với bạn bè quốc tế",
            "Vận động viện trợ phi chính phủ nước ngoài cho địa phương",
            "Củng cố tổ chức, phát triển hội viên các hội hữu nghị",
            "Báo cáo sơ kết sáu tháng và tổng kết năm",
        ],
    ),
    (
        OrientationKind.REGION,
        "asia",
        "",
        "Định hướng công tác với các đối tác khu vực châu Á năm {year}",
        [
            "Tăng cường giao lưu nhân dân với các nước ASEAN",
            "Đón tiếp các đoàn hữu nghị của khu vực",
            "Tổng hợp tình hình đối tác châu Á trên địa bàn",
        ],
    ),
    (
        OrientationKind.COUNTRY,
        "",
        "LA",
        "Định hướng công tác hữu nghị Việt Nam – Lào năm {year}",
        [
            "Tổ chức các hoạt động tăng cường quan hệ hữu nghị đặc biệt Việt Nam – Lào",
            "Hỗ trợ lưu học sinh Lào tại địa phương",
            "Phối hợp với các tỉnh biên giới kết nghĩa",
        ],
    ),
]

PROGRESS = [TaskProgress.DONE, TaskProgress.IN_PROGRESS, TaskProgress.NOT_STARTED]


def centre() -> Organization:
    return Organization.objects.get(kind=OrganizationKind.CENTRAL_UNION, parent__isnull=True)


def load(stdout) -> dict[str, int]:
    rng = random.Random(20)
    admin = User.objects.filter(username="admin").first()
    issuer = centre()
    unions = list(
        Organization.objects.filter(
            kind=OrganizationKind.PROVINCIAL_UNION, status=OrganizationStatus.ACTIVE
        ).order_by("tree_path")
    )
    this_year = demo_today().year
    counts = {"work orientations": 0, "orientation recipients": 0, "implementation reports": 0}
    for year in (this_year - 1, this_year):
        issued_on = date(year, 1, 15)
        for index, (kind, region, code, title, tasks) in enumerate(ORIENTATIONS, start=1):
            orientation = Orientation(
                organization=issuer,
                year=year,
                kind=kind,
                region=region,
                title=title.format(year=year),
                summary=title.format(year=year) + ".",
                status=OrientationStatus.ISSUED,
                number=f"{index}/ĐH-LHHN",
                issued_on=issued_on,
                notes=MARK,
            )
            orientation._history_user = admin
            orientation.save()
            if code:
                orientation.countries.set(Country.objects.filter(code=code))
            made = [
                OrientationTask(
                    orientation=orientation,
                    order=order,
                    title=text,
                    due_on=date(year, 3 * order, 28) if order <= 4 else None,
                    notes=MARK,
                )
                for order, text in enumerate(tasks, start=1)
            ]
            bulk_create_with_history(made, OrientationTask, default_user=admin)
            recipients = _recipients(orientation, unions, rng, year < this_year, admin)
            counts["orientation recipients"] += len(recipients)
            counts["implementation reports"] += _reports(recipients, made, rng, admin)
            counts["work orientations"] += 1
    for name, count in counts.items():
        stdout.write(f"  {name}: {count}\n")
    return counts


def _recipients(orientation, unions, rng, past: bool, admin) -> list[Recipient]:
    """Every provincial Union; of last year's all but a few acknowledged, of this year's most."""
    share = 0.95 if past else 0.7
    recipients = []
    for union in unions:
        acknowledged = rng.random() < share
        recipients.append(
            Recipient(
                orientation=orientation,
                organization=union,
                acknowledged_on=(
                    orientation.issued_on + timedelta(days=rng.randint(1, 20))
                    if acknowledged
                    else None
                ),
                acknowledged_by="Văn phòng" if acknowledged else "",
                notes=MARK,
            )
        )
    return bulk_create_with_history(recipients, Recipient, default_user=admin)


def _reports(recipients, tasks, rng, admin) -> int:
    reports = []
    for recipient in recipients:
        if not recipient.acknowledged_on:
            continue
        for task in tasks:
            if rng.random() < 0.15:
                continue  # not reported yet
            reports.append(
                TaskReport(
                    recipient=recipient,
                    task=task,
                    progress=rng.choice(PROGRESS),
                    note="",
                    reported_on=recipient.acknowledged_on + timedelta(days=30),
                    notes=MARK,
                )
            )
    bulk_create_with_history(reports, TaskReport, default_user=admin)
    return len(reports)
