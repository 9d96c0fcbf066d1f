from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from amity.core.views import ModelViews, editable_object
from amity.organizations import filtersets, forms, imports, models, services, tables
from amity.organizations.choices import Attendance, OrganizationStatus


class OrganizationViews(ModelViews):
    model = models.Organization
    table = tables.OrganizationTable
    filterset = filtersets.OrganizationFilterSet
    form = forms.OrganizationForm
    resource = imports.OrganizationResource
    detail_template = "organizations/organization_detail.html"
    list_select_related = ("parent", "province")
    detail_select_related = ("parent", "province")
    protected_relations = ("children", "people")
    extra_tabs = (
        ("people", gettext_lazy("People")),
        ("committees", gettext_lazy("Committees")),
        ("lineage", gettext_lazy("Lineage")),
    )

    @classmethod
    def detail_context(cls, obj, request, tab):
        if tab == "people":
            return {
                "people": obj.people.all(),
                "positions": obj.positions.select_related("person").order_by(
                    "ended_on", "-started_on"
                ),
                "staffing": obj.staffing.all()[:10],
            }
        if tab == "committees":
            return {
                "committees": obj.committees.select_related("congress").annotate(
                    member_count=Count("members", filter=Q(members__deleted_at__isnull=True))
                ),
                "congresses": obj.congresses.all(),
            }
        if tab == "lineage":
            return {
                "events": obj.lineage_events.select_related("successor"),
                "predecessor_events": obj.predecessor_events.select_related("organization"),
                "carried_by": services.carrier_on(obj, obj.updated_at.date())
                if obj.status == OrganizationStatus.MERGED
                else None,
            }
        return {
            "children": obj.children.all().order_by("name"),
            "current_positions": obj.positions.filter(ended_on__isnull=True).select_related(
                "person"
            ),
        }


class LineageEventViews(ModelViews):
    model = models.LineageEvent
    table = tables.LineageEventTable
    filterset = filtersets.LineageEventFilterSet
    form = forms.LineageEventForm
    resource = imports.LineageEventResource
    list_select_related = ("organization", "successor")
    detail_select_related = ("organization", "successor")


class PersonViews(ModelViews):
    model = models.Person
    table = tables.PersonTable
    filterset = filtersets.PersonFilterSet
    form = forms.PersonForm
    resource = imports.PersonResource
    detail_template = "organizations/person_detail.html"
    list_select_related = ("organization",)
    detail_select_related = ("organization",)
    protected_relations = ("positions", "committee_seats")

    @classmethod
    def detail_context(cls, obj, request, tab):
        return {
            "languages": obj.languages.all(),
            "positions": obj.positions.select_related("organization"),
            "seats": obj.committee_seats.select_related("committee__organization"),
        }


class PersonLanguageViews(ModelViews):
    model = models.PersonLanguage
    table = tables.PersonLanguageTable
    filterset = filtersets.PersonLanguageFilterSet
    form = forms.PersonLanguageForm
    resource = imports.PersonLanguageResource
    list_select_related = ("person",)
    detail_select_related = ("person",)

    @classmethod
    def after_save_url(cls, obj):
        return obj.person.get_absolute_url()


class PositionViews(ModelViews):
    model = models.Position
    table = tables.PositionTable
    filterset = filtersets.PositionFilterSet
    form = forms.PositionForm
    resource = imports.PositionResource
    list_select_related = ("person", "organization")
    detail_select_related = ("person", "organization")


class CongressViews(ModelViews):
    model = models.Congress
    table = tables.CongressTable
    filterset = filtersets.CongressFilterSet
    form = forms.CongressForm
    resource = imports.CongressResource
    list_select_related = ("organization",)
    detail_select_related = ("organization",)
    protected_relations = ("committees",)


class CommitteeViews(ModelViews):
    model = models.Committee
    table = tables.CommitteeTable
    filterset = filtersets.CommitteeFilterSet
    form = forms.CommitteeForm
    resource = imports.CommitteeResource
    detail_template = "organizations/committee_detail.html"
    list_select_related = ("organization", "congress__organization")
    detail_select_related = ("organization", "congress")
    protected_relations = ("meetings",)

    @classmethod
    def detail_context(cls, obj, request, tab):
        participation = services.member_participation(obj)
        members = list(obj.members.select_related("person"))
        for member in members:
            member.participation = participation.get(member.pk)
        return {
            "members": members,
            "meetings": obj.meetings.all()[:50],
            "participation": services.committee_participation(obj),
        }


class CommitteeMemberViews(ModelViews):
    model = models.CommitteeMember
    table = tables.CommitteeMemberTable
    filterset = filtersets.CommitteeMemberFilterSet
    form = forms.CommitteeMemberForm
    resource = imports.CommitteeMemberResource
    list_select_related = ("person", "committee__organization")
    detail_select_related = ("person", "committee__organization")

    @classmethod
    def after_save_url(cls, obj):
        return obj.committee.get_absolute_url()


class CommitteeMeetingViews(ModelViews):
    model = models.CommitteeMeeting
    table = tables.CommitteeMeetingTable
    filterset = filtersets.CommitteeMeetingFilterSet
    form = forms.CommitteeMeetingForm
    resource = imports.CommitteeMeetingResource
    detail_template = "organizations/committeemeeting_detail.html"
    list_select_related = ("committee__organization",)
    detail_select_related = ("committee__organization",)

    @classmethod
    def detail_context(cls, obj, request, tab):
        recorded = {row.member_id: row.status for row in obj.attendance.all()}
        members = obj.committee.members.select_related("person")
        return {
            "attendance_rows": [(member, recorded.get(member.pk, "")) for member in members],
            "attendance_choices": Attendance.choices,
        }


class MeetingAttendanceViews(ModelViews):
    model = models.MeetingAttendance
    table = tables.MeetingAttendanceTable
    filterset = filtersets.MeetingAttendanceFilterSet
    form = forms.MeetingAttendanceForm
    resource = imports.MeetingAttendanceResource
    list_select_related = (
        "meeting__committee__organization",
        "member__person",
        "member__committee__organization",
    )
    detail_select_related = ("meeting__committee", "member__person")


class StaffingRecordViews(ModelViews):
    model = models.StaffingRecord
    table = tables.StaffingRecordTable
    filterset = filtersets.StaffingRecordFilterSet
    form = forms.StaffingRecordForm
    resource = imports.StaffingRecordResource
    list_select_related = ("organization",)
    detail_select_related = ("organization",)


# --- Pages beyond the generic ones ----------------------------------------------------------


@login_required
def tree(request):
    """The whole federation (as far as the user may see) as a tree."""
    choice = forms.TreeForm(request.GET)
    show_inactive = choice.is_valid() and choice.cleaned_data["inactive"]
    federation = services.federation_tree(
        models.Organization.objects.visible_to(request.user), include_inactive=show_inactive
    )
    return render(
        request,
        "organizations/tree.html",
        {
            "roots": federation.roots,
            "counts": {"total": federation.total, "active": federation.active},
            "show_inactive": show_inactive,
        },
    )


@login_required
def congress_schedule(request):
    organizations = models.Organization.objects.visible_to(request.user).filter(
        status=OrganizationStatus.ACTIVE
    )
    return render(
        request,
        "organizations/congress_schedule.html",
        {"schedule": services.congress_schedule(list(organizations))},
    )


@login_required
def merge(request):
    """Choose the organizations, the successor, date and decision; preview; confirm."""
    if not request.user.may_edit:
        raise PermissionDenied
    form = forms.MergeForm(request.POST or None, user=request.user)
    plan = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.confirmed:
            successor = services.merge_organizations(
                list(data["sources"]),
                occurred_on=data["occurred_on"],
                decision=data["decision"],
                by=request.user,
                successor=data["successor"],
                new_successor=form.new_successor(),
            )
            messages.success(request, _("Merged into %(successor)s.") % {"successor": successor})
            return redirect(successor.get_absolute_url())
        plan = services.plan_merger(data["sources"], data["successor"], data["new_name"])
    return render(request, "organizations/merge.html", {"form": form, "plan": plan})


@login_required
def record_attendance(request, pk):
    """Record at once who attended a meeting: one choice per member of the committee."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    visible = models.CommitteeMeeting.objects.visible_to(request.user)
    meeting = editable_object(visible, request.user, pk)  # 404 unseen, 403 seen but not editable
    form = forms.AttendanceForm(request.POST, meeting=meeting)
    services.record_attendance(meeting, form.statuses(), by=request.user)
    messages.success(request, _("Attendance saved."))
    return redirect(reverse("organizations:committeemeeting", args=[meeting.pk]))
