"""The programmes and courses of the demo federation: the two yearly courses the articles name,
for leaders of local Unions and for officials in charge of people-to-people diplomacy, in 2025
and 2026, and a course of English for work with partners, taking nominations now."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from amity.accounts.models import User
from amity.core.demo_dates import demo_today, moved
from amity.organizations.choices import OrganizationKind, OrganizationStatus
from amity.organizations.models import Organization
from amity.training.choices import CourseStatus
from amity.training.models import Course, Module, Programme, Quota, Session

MARK = "[demo]"

PROGRAMMES = [
    (
        "leaders",
        "Bồi dưỡng lãnh đạo Liên hiệp các tổ chức hữu nghị địa phương",
        "Training of leaders of local Unions of Friendship Organizations",
        "local_leaders",
        [
            (
                "foreign_policy",
                "Đường lối đối ngoại của Đảng, Nhà nước",
                "Foreign-policy guidelines",
                8,
            ),
            ("partner_work", "Công tác với đối tác nước ngoài", "Work with foreign partners", 8),
            ("ngo_aid", "Quản lý viện trợ phi chính phủ nước ngoài", "NGO aid management", 8),
            ("reporting", "Báo cáo trong hệ thống Liên hiệp", "Reporting in the Union system", 4),
        ],
    ),
    (
        "officials",
        "Bồi dưỡng cán bộ phụ trách công tác đối ngoại nhân dân ở địa phương",
        "Training of officials in charge of people-to-people diplomacy in localities",
        "diplomacy_officials",
        [
            ("foreign_policy", "Công tác đối ngoại nhân dân", "People-to-people diplomacy", 8),
            ("protocol", "Lễ tân đối ngoại", "Protocol", 8),
            ("partner_work", "Vận động viện trợ và quan hệ đối tác", "Partners and aid", 4),
            ("reporting", "Báo cáo trong hệ thống Liên hiệp", "Reporting in the Union system", 4),
        ],
    ),
    (
        "english",
        "Tiếng Anh giao tiếp trong công tác đối ngoại",
        "English for work with foreign partners",
        "diplomacy_officials",
        [("languages", "Tiếng Anh giao tiếp", "English for work with partners", 40)],
    ),
]

#: (programme, year, first day, days, place): the yearly courses, as the articles report them
YEARLY = [
    ("leaders", 2025, date(2025, 8, 11), 3, "Hà Nội"),
    ("officials", 2025, date(2025, 10, 6), 2, "Đà Nẵng"),
    ("leaders", 2026, date(2026, 8, 10), 3, "Hà Nội"),
    ("officials", 2026, date(2026, 10, 5), 2, "Thành phố Hồ Chí Minh"),
]


def centre() -> Organization:
    return Organization.objects.get(
        kind=OrganizationKind.CENTRAL_UNION, parent__isnull=True, external_ref__startswith="demo"
    )


def provincial_unions():
    return Organization.objects.filter(
        kind=OrganizationKind.PROVINCIAL_UNION,
        status=OrganizationStatus.ACTIVE,
        external_ref__startswith="demo",
    ).order_by("tree_path")


def status_on(course: Course, today: date) -> str:
    if course.ends_on < today:
        return CourseStatus.DONE
    return CourseStatus.OPEN if course.nomination_deadline >= today else CourseStatus.CLOSED


def load(stdout) -> dict[str, int]:
    organizer = centre()
    admin = User.objects.filter(username="admin").first()
    programmes, modules = {}, {}
    for key, title_vi, title_en, group, parts in PROGRAMMES:
        programmes[key] = Programme(
            organization=organizer,
            title_vi=title_vi,
            title_en=title_en,
            target_group=group,
            required_hours=sum(part[3] for part in parts),
            goals=title_vi,
            notes=MARK,
        )
    bulk_create_with_history(list(programmes.values()), Programme, default_user=admin)
    for key, *_rest, parts in PROGRAMMES:
        modules[key] = [
            Module(
                programme=programmes[key],
                order=order,
                topic=topic,
                title_vi=title_vi,
                title_en=title_en,
                hours=hours,
                notes=MARK,
            )
            for order, (topic, title_vi, title_en, hours) in enumerate(parts, start=1)
        ]
    bulk_create_with_history(
        [module for parts in modules.values() for module in parts], Module, default_user=admin
    )
    today = demo_today()
    courses = []
    for key, year, first, days, place in YEARLY:
        programme = programmes[key]
        course = Course(
            programme=programme,
            organization=organizer,
            title_vi=f"{programme.title_vi} năm {year}",
            title_en=f"{programme.title_en}, {year}",
            starts_on=first,
            ends_on=first + timedelta(days=days - 1),
            place=place,
            capacity=80,
            nomination_deadline=first - timedelta(days=21),
            notes=MARK,
        )
        course.status = status_on(course, today)
        courses.append(course)
    language = Course(
        programme=programmes["english"],
        organization=organizer,
        title_vi="Tiếng Anh giao tiếp trong công tác đối ngoại (trực tuyến)",
        title_en="English for work with foreign partners (online)",
        starts_on=moved(date(2026, 1, 19)),
        ends_on=moved(date(2026, 1, 30)),
        is_online=True,
        capacity=40,
        nomination_deadline=moved(date(2026, 1, 9)),
        notes=MARK,
    )
    language.status = status_on(language, today)
    courses.append(language)
    bulk_create_with_history(courses, Course, default_user=admin)
    sessions = [
        session
        for course in courses
        for session in timetable(course, modules[key_of(course, programmes)])
    ]
    bulk_create_with_history(sessions, Session, default_user=admin)
    unions = list(provincial_unions())
    quotas = [
        Quota(
            course=course,
            organization=union,
            places=1 if course is language else 2,
            notes=MARK,
        )
        for course in courses
        for union in unions
    ]
    bulk_create_with_history(quotas, Quota, default_user=admin)
    stdout.write(
        f"  {len(programmes)} training programmes, {len(courses)} courses, "
        f"{len(sessions)} sessions, {len(quotas)} quotas"
    )
    return {
        "training programmes": len(programmes),
        "courses": len(courses),
        "course sessions": len(sessions),
        "course quotas": len(quotas),
    }


def key_of(course: Course, programmes: dict) -> str:
    return next(key for key, programme in programmes.items() if programme is course.programme)


def timetable(course: Course, modules: list[Module]) -> list[Session]:
    """A morning and an afternoon session each day, the modules in turn."""
    slots = []
    day = course.starts_on
    while day <= course.ends_on:
        slots += [(day, time(8), time(11, 30)), (day, time(13, 30), time(16, 30))]
        day += timedelta(days=1)
    return [
        Session(
            course=course,
            module=modules[index % len(modules)],
            starts_at=timezone.make_aware(datetime.combine(day, start)),
            ends_at=timezone.make_aware(datetime.combine(day, end)),
            outside_lecturer="" if index % 3 else "TS. Nguyễn Minh Khôi",
            notes=MARK,
        )
        for index, (day, start, end) in enumerate(slots)
    ]
