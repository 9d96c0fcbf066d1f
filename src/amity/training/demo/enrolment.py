"""The nominations of the demo federation: most provincial Unions nominate their people to
each course; the done courses have their attendance, results, certificates and feedback."""

import random
from decimal import Decimal

from simple_history.utils import bulk_create_with_history

from amity.accounts.models import User
from amity.organizations.models import Person
from amity.training.choices import CourseStatus, NominationState
from amity.training.demo.courses import MARK, provincial_unions
from amity.training.models import Attendance, Course, Feedback, Nomination, Result

SEED = 19
#: the share of provincial Unions that nominate to a course
NOMINATING = 0.8


def load(stdout) -> dict[str, int]:
    rng = random.Random(SEED)
    admin = User.objects.filter(username="admin").first()
    courses = list(
        Course.objects.filter(notes=MARK).select_related("programme").order_by("starts_on", "pk")
    )
    people = people_by_union()
    nominations = []
    for course in courses:
        for union, staff in people.items():
            if not staff or rng.random() > NOMINATING:
                continue
            places = 1 if course.is_online else 2  # within the quotas of `courses`
            for person in rng.sample(staff, min(places, len(staff))):
                nominations.append(
                    Nomination(
                        course=course,
                        person=person,
                        organization=union,
                        state=state_of(course, rng),
                        notes=MARK,
                    )
                )
    bulk_create_with_history(nominations, Nomination, default_user=admin)
    attendance, results, feedback = follow_up(courses, nominations, rng)
    bulk_create_with_history(attendance, Attendance, default_user=admin)
    bulk_create_with_history(results, Result, default_user=admin)
    bulk_create_with_history(feedback, Feedback, default_user=admin)
    stdout.write(
        f"  {len(nominations)} nominations, {len(attendance)} attendance records, "
        f"{len(results)} results, {len(feedback)} feedback forms"
    )
    return {
        "nominations": len(nominations),
        "course attendance": len(attendance),
        "course results": len(results),
        "course feedback": len(feedback),
    }


def people_by_union() -> dict:
    people: dict = {}
    for union in provincial_unions():
        people[union] = list(Person.objects.filter(organization=union).order_by("pk")[:6])
    return people


def state_of(course: Course, rng: random.Random) -> str:
    if course.status == CourseStatus.OPEN:
        return NominationState.NOMINATED
    return rng.choices(
        [NominationState.CONFIRMED, NominationState.WAITLISTED, NominationState.WITHDRAWN],
        weights=[18, 1, 1],
    )[0]


def follow_up(courses, nominations, rng):
    """Attendance at every session, a result and a certificate, and some feedback, for the
    confirmed participants of the courses that are done."""
    attendance, results, feedback = [], [], []
    done = [course for course in courses if course.status == CourseStatus.DONE]
    numbers: dict[int, int] = {}
    for course in done:
        sessions = list(course.sessions.order_by("starts_at"))
        modules = [str(pk) for pk in course.programme.modules.values_list("pk", flat=True)]
        confirmed = [
            each
            for each in nominations
            if each.course_id == course.pk and each.state == NominationState.CONFIRMED
        ]
        for nomination in confirmed:
            present = [rng.random() < 0.92 for _session in sessions]
            attendance += [
                Attendance(session=session, nomination=nomination, present=was, notes=MARK)
                for session, was in zip(sessions, present, strict=True)
            ]
            completed = sum(present) >= 0.8 * len(sessions)
            year = course.ends_on.year
            number = ""
            if completed:
                numbers[year] = numbers.get(year, 0) + 1
                number = f"{numbers[year]:03d}/{year}/CC-LHHN"
            results.append(
                Result(
                    nomination=nomination,
                    completed=completed,
                    passed=completed,
                    score=Decimal(rng.randint(60, 98)) if completed else None,
                    certificate_number=number,
                    issued_on=course.ends_on if completed else None,
                    notes=MARK,
                )
            )
            if rng.random() < 0.4:
                feedback.append(
                    Feedback(
                        course=course,
                        nomination=nomination,
                        ratings={pk: rng.randint(3, 5) for pk in modules},
                        comments=rng.choice(
                            [
                                "Nội dung thiết thực, sát với công tác ở địa phương.",
                                "Đề nghị tăng thời lượng thực hành lễ tân.",
                                "Cần thêm tài liệu tham khảo bằng tiếng Anh.",
                            ]
                        ),
                        notes=MARK,
                    )
                )
    return attendance, results, feedback
