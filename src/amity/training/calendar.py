"""The courses in the events' calendar and its iCalendar feeds (`core.calendar`).

A course that has sessions is shown as its sessions, at their hours: that is when its people
are in the room, and a phone warns them before each one; a course without sessions yet is one
all-day entry over its days, from its first to its last. A draft is left out: its dates are the
organizer's work in progress, not yet announced. The courses are those the course list shows the
user (`Course.objects.visible_to`), in two queries whatever their number."""

from datetime import date, datetime, time, timedelta

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from amity.core.calendar import CalendarEntry
from amity.organizations.models import in_language
from amity.training.choices import CourseStatus
from amity.training.models import Course, Quota, Session

COURSE_FIELDS = ("id", "title_vi", "title_en", "starts_on", "ends_on", "place", "is_online")


def entries(user, start: date, end: date | None, organization=None) -> list[CalendarEntry]:
    """The courses `user` may see running from `start` to `end` (None: all to come); with an
    `organization`, those it organizes or has a quota on."""
    courses = (
        Course.objects.visible_to(user)
        .exclude(status=CourseStatus.DRAFT)
        .filter(ends_on__gte=start)
    )
    if end is not None:
        courses = courses.filter(starts_on__lte=end)
    if organization is not None:
        quotas = Quota.objects.filter(organization=organization).values("course_id")
        courses = courses.filter(Q(organization=organization) | Q(pk__in=quotas))
    rows = list(
        courses.annotate(has_sessions=Exists(Session.objects.filter(course=OuterRef("pk")))).values(
            *COURSE_FIELDS, "has_sessions"
        )
    )
    if not rows:
        return []
    label = _("Course")
    online = _("Online")
    prefix = reverse("training:course", args=[0])[: -len("0/")]
    by_id = {row["id"]: row for row in rows}
    found = [
        CalendarEntry(
            title=in_language(row["title_vi"], row["title_en"]),
            start=row["starts_on"],
            end=row["ends_on"],
            url=f"{prefix}{row['id']}/",
            uid=f"course-{row['id']}@amity",
            kind=label,
            place=_place(row, online),
        )
        for row in rows
        if not row["has_sessions"]
    ]
    if any(row["has_sessions"] for row in rows):
        sessions = Session.objects.filter(course__in=courses.values("pk"))
        sessions = sessions.filter(ends_at__gte=_moment(start))
        if end is not None:
            sessions = sessions.filter(starts_at__lt=_moment(end + timedelta(days=1)))
        for pk, course_id, starts_at, ends_at, module_vi, module_en in sessions.values_list(
            "pk", "course_id", "starts_at", "ends_at", "module__title_vi", "module__title_en"
        ).order_by("starts_at", "pk"):
            row = by_id.get(course_id)
            if row is None:  # a course that changed between the two queries
                continue
            module = in_language(module_vi, module_en) if module_vi else ""
            found.append(
                CalendarEntry(
                    title=in_language(row["title_vi"], row["title_en"]),
                    start=starts_at,
                    end=ends_at,
                    url=f"{prefix}{course_id}/",
                    uid=f"course-session-{pk}@amity",
                    kind=label,
                    place=_place(row, online),
                    description=module,
                )
            )
    return found


def _place(row: dict, online: str) -> str:
    if row["is_online"] and not row["place"]:
        return online
    return row["place"]


def _moment(day: date) -> datetime:
    """The first moment of `day` in the site's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))
