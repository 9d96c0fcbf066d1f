"""Orientations in the inbox: those sent to the user's organization and not yet acknowledged,
and their tasks due within TASK_DAYS (or past due) not yet reported done."""

from datetime import timedelta

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from amity.core.inbox import SOURCE_LIMIT, Item, register_source
from amity.documents.models import OrientationTask, Recipient, TaskReport
from amity.documents.orientations_choices import OrientationStatus, TaskProgress

TASK_DAYS = 30


def _acting(user) -> bool:
    return user.may_edit and user.organization is not None


@register_source(
    kind="orientation_acknowledge",
    label=_("Orientations to acknowledge"),
    icon="envelope-open",
    order=50,
)
def to_acknowledge(user, today):
    if not _acting(user):
        return []
    rows = Recipient.objects.filter(
        organization=user.organization,
        acknowledged_on__isnull=True,
        orientation__status=OrientationStatus.ISSUED,
    ).select_related("orientation")
    return [
        Item(
            title=str(recipient.orientation),
            url=reverse("documents:orientation_acknowledge", args=[recipient.orientation.pk]),
            organization=user.organization,
            why=gettext("Sent to your organization"),
        )
        for recipient in rows.order_by("-orientation__issued_on", "id")[:SOURCE_LIMIT]
    ]


@register_source(
    kind="orientation_report",
    label=_("Orientation tasks to report on"),
    icon="journal-check",
    order=51,
)
def tasks_to_report(user, today):
    if not _acting(user):
        return []
    organization = user.organization
    done = TaskReport.objects.filter(
        recipient__organization=organization, progress=TaskProgress.DONE
    ).values("task")
    tasks = (
        OrientationTask.objects.filter(
            orientation__status=OrientationStatus.ISSUED,
            orientation__recipients__organization=organization,
            orientation__recipients__deleted_at__isnull=True,
            due_on__lte=today + timedelta(days=TASK_DAYS),
        )
        .exclude(pk__in=done)
        .select_related("orientation")
        .order_by("due_on", "id")[:SOURCE_LIMIT]
    )
    return [
        Item(
            title=f"{task.title} — {task.orientation}",
            url=reverse("documents:orientation_report", args=[task.orientation.pk]),
            due_on=task.due_on,
            organization=organization,
            why=gettext("A task of an orientation sent to your organization"),
        )
        for task in tasks
    ]
