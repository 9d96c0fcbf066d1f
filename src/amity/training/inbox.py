"""Courses in the inbox: those that give the user's organization places (a quota) and whose
nomination deadline has not passed (open for nominations), while the organization has nominated
nobody."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from amity.core.inbox import SOURCE_LIMIT, Item, register_source
from amity.training.choices import CourseStatus
from amity.training.models import Nomination, Quota


@register_source(kind="nomination", label=_("Nominations to send"), icon="person-plus", order=70)
def nominations_to_send(user, today):
    if not user.may_edit or user.organization is None:
        return []
    organization = user.organization
    nominated = Nomination.objects.filter(organization=organization).values("course")
    quotas = (
        Quota.objects.filter(
            organization=organization,
            course__status=CourseStatus.OPEN,
            course__nomination_deadline__gte=today,
        )
        .exclude(course__in=nominated)
        .select_related("course")
        .order_by("course__nomination_deadline", "id")[:SOURCE_LIMIT]
    )
    return [
        Item(
            title=str(quota.course),
            url=quota.course.get_absolute_url(),
            due_on=quota.course.nomination_deadline,
            organization=organization,
            why=gettext("Your organization has %(places)s places") % {"places": quota.places},
        )
        for quota in quotas
    ]
