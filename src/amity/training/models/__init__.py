"""Training of officials (bồi dưỡng cán bộ).

The models live by what they are about, one module each, re-exported here where Django and the
registry look for them:

- `programmes`: programmes and their modules;
- `courses`: courses, their sessions, quotas and materials;
- `enrolment`: nominations, attendance, results and certificates, feedback;
- `requirements`: the programmes a position's holder must have completed.

Scoping: a programme is made by the centre and seen under it (`above=True`); a course is its
organizer's, seen by the organizations it gives a quota (or by every one when open to all); a
nomination is the nominating organization's, seen by the organizer; what follows a nomination
(attendance, results, feedback) is the organizer's, seen by the nominating organization.
"""

from amity.training.models.courses import Course, Material, Quota, Session
from amity.training.models.enrolment import Attendance, Feedback, Nomination, Result
from amity.training.models.programmes import Module, Programme
from amity.training.models.requirements import Requirement

__all__ = [
    "Attendance",
    "Course",
    "Feedback",
    "Material",
    "Module",
    "Nomination",
    "Programme",
    "Quota",
    "Requirement",
    "Result",
    "Session",
]
