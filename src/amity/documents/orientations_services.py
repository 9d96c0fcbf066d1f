"""The steps of a work orientation beyond editing it: sending it to organizations, a
recipient's acknowledgement and its report on the tasks. Called alike by the pages and the API;
each is one transaction and refuses, with a message for people, what the rules forbid."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from simple_history.utils import bulk_create_with_history

from amity.core.scoping import can_edit, organization_in_scope
from amity.core.writes import Writer, save_record
from amity.documents.models import Evidence, Orientation, OrientationTask, Recipient, TaskReport
from amity.documents.orientations_choices import OrientationKind, OrientationStatus, TaskProgress
from amity.geo.models import Country
from amity.inbox.models import Kind
from amity.inbox.services import notify, officers_of
from amity.organizations.models import Organization


class RecipientWriter(Writer):
    fixed_fields = ("orientation", "organization")


class TaskReportWriter(Writer):
    fixed_fields = ("recipient", "task")


def distribute(orientation: Orientation, organization_ids: Iterable[int], *, by) -> list[Recipient]:
    """Send `orientation` to the organizations `organization_ids` that do not have it yet;
    the new recipients, each with its history."""
    if not can_edit(by, orientation):
        raise PermissionDenied(_("You may not distribute this orientation."))
    if not orientation.is_issued:
        raise ValidationError(_("An orientation cannot be distributed before it is issued."))
    wanted = set(
        Organization.objects.filter(pk__in=set(organization_ids)).values_list("pk", flat=True)
    )
    with transaction.atomic():
        had = set(
            Recipient.objects.filter(orientation=orientation).values_list(
                "organization_id", flat=True
            )
        )
        new = [
            Recipient(orientation=orientation, organization_id=pk) for pk in sorted(wanted - had)
        ]
        bulk_create_with_history(new, Recipient, default_user=by)
        notify(
            officers_of(recipient.organization_id for recipient in new),
            Kind.ASSIGNED,
            gettext_noop("The orientation “%(orientation)s” was sent to your organization."),
            {"orientation": orientation},
            reverse("documents:orientation_acknowledge", args=[orientation.pk]),
            by=by,
        )
    return new


def recipient_of(orientation: Orientation, organization: Organization, *, by) -> Recipient:
    """`organization`'s row of `orientation`, for `by` acting for it; refused when `by` may not
    act for the organization, or when the orientation was not sent to it."""
    if not organization_in_scope(by, organization):
        raise PermissionDenied(_("You may not act for this organization."))
    if orientation.status == OrientationStatus.WITHDRAWN:
        # a withdrawn orientation asks nothing more of its recipients: what they wrote stays
        raise ValidationError(
            _("This orientation was withdrawn: it is no longer acknowledged or reported on.")
        )
    recipient = Recipient.objects.filter(orientation=orientation, organization=organization).first()
    if recipient is None:
        raise ValidationError(
            _("%(organization)s is not a recipient of this orientation.")
            % {"organization": organization}
        )
    return recipient


def acknowledge(
    orientation: Orientation, organization: Organization, *, by, name: str, on: date | None = None
) -> Recipient:
    """`organization` acknowledges receipt of `orientation`: on `on` (today), by `name`."""
    recipient = recipient_of(orientation, organization, by=by)
    recipient.acknowledged_on = on or timezone.localdate()
    recipient.acknowledged_by = name.strip()
    recipient.full_clean()
    return save_record(recipient, by)


@dataclass
class Entry:
    """One task's line of a report: its progress, a note and, if any, an evidence file."""

    task: OrientationTask
    progress: str
    note: str = ""
    evidence: object | None = None


def report(
    orientation: Orientation, organization: Organization, entries: list[Entry], *, by
) -> list[TaskReport]:
    """`organization` reports on the tasks of `orientation` (one entry each): every entry is
    written, or none."""
    recipient = recipient_of(orientation, organization, by=by)
    own = set(OrientationTask.objects.filter(orientation=orientation).values_list("pk", flat=True))
    foreign = [entry.task for entry in entries if entry.task.pk not in own]
    if foreign:
        raise ValidationError(
            _("The task %(task)s is not one of this orientation.") % {"task": foreign[0]}
        )
    reported = TaskReport.objects.filter(recipient=recipient).select_related("task")
    stored = {item.task.pk: item for item in reported}
    written = []
    with transaction.atomic():
        for entry in entries:
            item = stored.get(entry.task.pk) or TaskReport(recipient=recipient, task=entry.task)
            item.progress, item.note = entry.progress, entry.note
            item.reported_on = timezone.localdate()
            item.full_clean()
            written.append(save_record(item, by))
            if entry.evidence is not None:
                evidence = Evidence(report=item, file=entry.evidence, title=entry.task.title[:255])
                evidence.full_clean()
                save_record(evidence, by)
    return written


@dataclass
class Concern:
    """An orientation that concerns an organization, and what the organization still owes."""

    orientation: Orientation
    recipient: Recipient | None  # None: it concerns the organization without being sent to it
    #: the tasks not yet done, with their progress ("" when not reported)
    open_tasks: list[tuple[OrientationTask, str]]

    @property
    def owes_acknowledgement(self) -> bool:
        return self.recipient is not None and not self.recipient.is_acknowledged

    @property
    def overdue(self) -> list[OrientationTask]:
        today = timezone.localdate()
        return [task for task, _progress in self.open_tasks if task.due_on and task.due_on < today]


def concerning(organization: Organization, user) -> list[Concern]:
    """The issued orientations `user` may see that concern `organization`: those sent to it,
    and those for the world regions or the countries of the partners it holds; in five
    queries whatever their number."""
    from amity.partners.models import Partner

    countries = Partner.objects.filter(holders__organization=organization).values("country")
    regions = {
        region
        for region in Country.objects.filter(pk__in=countries).values_list("region", flat=True)
    }
    about = (
        Q(recipients__organization=organization, recipients__deleted_at__isnull=True)
        | Q(kind=OrientationKind.REGION, region__in=regions)
        | Q(countries__in=countries)
    )
    orientations = list(
        Orientation.objects.visible_to(user)
        .filter(status=OrientationStatus.ISSUED)
        .filter(pk__in=Orientation.objects.filter(about).values("pk"))
        .select_related("organization")
        .order_by("-year", "-issued_on", "pk")
    )
    ids = [orientation.pk for orientation in orientations]
    recipients = {
        recipient.orientation.pk: recipient
        for recipient in Recipient.objects.filter(
            orientation__in=ids, organization=organization
        ).select_related("orientation")
    }
    progress = dict(
        TaskReport.objects.filter(recipient__in=recipients.values()).values_list(
            "task_id", "progress"
        )
    )
    tasks: dict[int, list] = {pk: [] for pk in ids}
    in_order = OrientationTask.objects.filter(orientation__in=ids).order_by("order", "pk")
    for task in in_order.select_related("orientation"):
        if progress.get(task.pk) != TaskProgress.DONE:
            tasks[task.orientation.pk].append((task, progress.get(task.pk, "")))
    return [
        Concern(orientation, recipients.get(orientation.pk), tasks[orientation.pk])
        for orientation in orientations
    ]
