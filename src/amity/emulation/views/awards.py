"""The awards' pages: the six lists of the generic views, the proposals board, a proposal's
page with its workflow's steps, a decision's page (its recipients, the Word documents, the
revocation) and each nominee's honours."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from amity.core.downloads import download
from amity.core.scoping import can_edit
from amity.core.views import ModelViews
from amity.emulation import award_services as services
from amity.emulation import models
from amity.emulation.filtersets import awards as filtersets
from amity.emulation.forms import awards as forms
from amity.emulation.imports import awards as imports
from amity.emulation.models.awards import FIRST_YEAR, LAST_YEAR, ProposalState, honours_of
from amity.emulation.tables import awards as tables

NOMINEE_RELATED = (
    "nominee_organization",
    "nominee_person",
    "nominee_contact",
    "nominee_partner",
)


class AwardFormViews(ModelViews):
    model = models.AwardForm
    table = tables.AwardFormTable
    filterset = filtersets.AwardFormFilterSet
    form = forms.AwardFormForm
    resource = imports.AwardFormResource
    list_select_related = ("organization",)
    detail_select_related = ("organization",)
    protected_relations = ("proposals", "decisions")


class AwardProposalViews(ModelViews):
    model = models.AwardProposal
    table = tables.AwardProposalTable
    filterset = filtersets.AwardProposalFilterSet
    form = forms.AwardProposalForm
    resource = imports.AwardProposalResource
    detail_template = "emulation/awards/proposal_detail.html"
    list_select_related = ("organization", "award_form", *NOMINEE_RELATED)
    detail_select_related = ("organization", "award_form", "decision", *NOMINEE_RELATED)
    list_actions = ((gettext_lazy("Board"), "emulation:awardproposal_board", "kanban"),)
    protected_relations = ("votes",)

    @classmethod
    def detail_context(cls, obj, request, tab):
        user = request.user
        editable = can_edit(user, obj)
        return {
            "documents": obj.documents.all(),
            "votes": obj.votes.select_related("member__user"),
            "tally": services.tally(obj),
            "missing": services.missing_documents(obj),
            "may_submit": editable and obj.state == ProposalState.DRAFT,
            "may_vote": obj.state == ProposalState.SUBMITTED
            and services.council_of(obj, user) is not None,
            "may_review": user.edits_everything and obj.state == ProposalState.SUBMITTED,
            "may_refuse": user.edits_everything
            and obj.state in (ProposalState.SUBMITTED, ProposalState.REVIEWED),
            "upload_form": forms.DocumentUploadForm() if editable else None,
            "vote_form": forms.VoteForm(),
            "review_form": forms.ReviewForm(),
            "reason_form": forms.ReasonForm(),
        }

    @classmethod
    def urls(cls):
        return [
            path("award-proposals/board/", board, name="awardproposal_board"),
            path("award-proposals/<int:pk>/submit/", step_submit, name="awardproposal_submit"),
            path("award-proposals/<int:pk>/vote/", step_vote, name="awardproposal_vote"),
            path("award-proposals/<int:pk>/review/", step_review, name="awardproposal_review"),
            path("award-proposals/<int:pk>/refuse/", step_refuse, name="awardproposal_refuse"),
            path(
                "award-proposals/<int:pk>/documents/",
                add_document,
                name="awardproposal_document",
            ),
            path(
                "award-proposals/<int:pk>/certificate.docx",
                certificate,
                name="awardproposal_certificate",
            ),
            *super().urls(),
        ]


class AwardDocumentViews(ModelViews):
    model = models.AwardDocument
    table = tables.AwardDocumentTable
    filterset = filtersets.AwardDocumentFilterSet
    form = forms.AwardDocumentForm
    resource = imports.AwardDocumentResource
    list_select_related = models.AwardDocument.label_related
    detail_select_related = models.AwardDocument.label_related

    @classmethod
    def urls(cls):
        return [
            path(
                "award-documents/<int:pk>/download/",
                document_download,
                name="awarddocument_download",
            ),
            *super().urls(),
        ]


class CouncilMemberViews(ModelViews):
    model = models.CouncilMember
    table = tables.CouncilMemberTable
    filterset = filtersets.CouncilMemberFilterSet
    form = forms.CouncilMemberForm
    resource = imports.CouncilMemberResource
    list_select_related = ("organization", "user")
    detail_select_related = ("organization", "user")
    protected_relations = ("votes",)


class AwardVoteViews(ModelViews):
    model = models.AwardVote
    table = tables.AwardVoteTable
    filterset = filtersets.AwardVoteFilterSet
    form = forms.AwardVoteForm
    resource = imports.AwardVoteResource
    list_select_related = (
        "proposal__award_form",
        "member__user",
        *[f"proposal__{name}" for name in NOMINEE_RELATED],
    )
    detail_select_related = list_select_related


class AwardDecisionViews(ModelViews):
    model = models.AwardDecision
    table = tables.AwardDecisionTable
    filterset = filtersets.AwardDecisionFilterSet
    form = forms.AwardDecisionForm
    resource = imports.AwardDecisionResource
    detail_template = "emulation/awards/decision_detail.html"
    list_select_related = ("organization", "award_form")
    detail_select_related = ("organization", "award_form", "revoked_by")

    @classmethod
    def detail_context(cls, obj, request, tab):
        user = request.user
        central = user.edits_everything and can_edit(user, obj)
        return {
            "recipients": obj.recipients.select_related("organization", *NOMINEE_RELATED),
            "decide_form": forms.DecideForm(decision=obj)
            if central and not obj.is_revoked
            else None,
            "revoke_form": forms.ReasonForm() if central and not obj.is_revoked else None,
        }

    @classmethod
    def urls(cls):
        return [
            path("award-decisions/<int:pk>/decide/", step_decide, name="awarddecision_decide"),
            path("award-decisions/<int:pk>/revoke/", step_revoke, name="awarddecision_revoke"),
            path(
                "award-decisions/<int:pk>/decision.docx", decision_word, name="awarddecision_docx"
            ),
            *super().urls(),
        ]


def honours_urls():
    return [path("honours/<str:kind>/<int:pk>/", honours, name="honours")]


# --- the board --------------------------------------------------------------------------------


def _year(request) -> int | None:
    raw = request.GET.get("year", "")
    if not raw.strip().isdigit():
        return None
    year = int(raw)
    return year if FIRST_YEAR <= year <= LAST_YEAR else None


@login_required
def board(request):
    """The proposals of a year by state, for the user's scope; the centre's council works here."""
    year = _year(request) or timezone.localdate().year
    visible = models.AwardProposal.objects.visible_to(request.user).filter(year=year)
    counts = dict(visible.values_list("state").annotate(n=Count("pk")).order_by())
    rows = list(
        visible.select_related("organization", "award_form", *NOMINEE_RELATED).order_by(
            "award_form__code", "pk"
        )[:500]
    )
    columns = [
        {
            "state": state,
            "label": label,
            "count": counts.get(state, 0),
            "rows": [row for row in rows if row.state == state][:50],
        }
        for state, label in ProposalState.choices
    ]
    years = sorted(
        set(models.AwardProposal.objects.visible_to(request.user).values_list("year", flat=True))
        | {year},
        reverse=True,
    )
    return render(
        request,
        "emulation/awards/board.html",
        {"columns": columns, "year": year, "years": years, "total": sum(counts.values())},
    )


# --- the workflow's steps -----------------------------------------------------------------------


def _proposal(request, pk):
    return get_object_or_404(models.AwardProposal.objects.visible_to(request.user), pk=pk)


def _form_refused(request, form, field: str) -> bool:
    """Put the form's errors as messages when the user wrote something the form refuses (too
    long, a NUL byte); an empty field is left to the step, whose message says what to do."""
    if form.is_valid() or not str(request.POST.get(field, "")).strip():
        return False
    for errors in form.errors.values():
        for message in errors:
            messages.error(request, message)
    return True


def _step(request, obj, step, done: str):
    try:
        step()
    except PermissionDenied as denied:
        raise PermissionDenied(str(denied)) from denied
    except ValidationError as refusal:
        for message in refusal.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return HttpResponseRedirect(obj.get_absolute_url())


@require_POST
@login_required
def step_submit(request, pk):
    proposal = _proposal(request, pk)
    return _step(
        request,
        proposal,
        lambda: services.submit(proposal, by=request.user),
        _("The proposal was submitted to the council."),
    )


@require_POST
@login_required
def step_vote(request, pk):
    proposal = _proposal(request, pk)
    form = forms.VoteForm(request.POST)
    if not form.is_valid():
        if "choice" in form.errors:
            messages.error(request, _("Choose for, against or abstain."))
        for message in form.errors.get("note", []):
            messages.error(request, message)
        return HttpResponseRedirect(proposal.get_absolute_url())
    data = form.cleaned_data
    return _step(
        request,
        proposal,
        lambda: services.cast_vote(proposal, data["choice"], note=data["note"], by=request.user),
        _("Your vote was recorded."),
    )


@require_POST
@login_required
def step_review(request, pk):
    proposal = _proposal(request, pk)
    form = forms.ReviewForm(request.POST)
    if _form_refused(request, form, "note"):
        return HttpResponseRedirect(proposal.get_absolute_url())
    note = form.cleaned_data["note"] if form.is_valid() else ""
    return _step(
        request,
        proposal,
        lambda: services.review(proposal, note=note, by=request.user),
        _("The council's review was recorded."),
    )


@require_POST
@login_required
def step_refuse(request, pk):
    proposal = _proposal(request, pk)
    form = forms.ReasonForm(request.POST)
    if _form_refused(request, form, "reason"):
        return HttpResponseRedirect(proposal.get_absolute_url())
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _step(
        request,
        proposal,
        lambda: services.refuse(proposal, reason, by=request.user),
        _("The proposal was refused."),
    )


@require_POST
@login_required
def add_document(request, pk):
    proposal = _proposal(request, pk)
    form = forms.DocumentUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return HttpResponseRedirect(proposal.get_absolute_url())
    data = form.cleaned_data
    return _step(
        request,
        proposal,
        lambda: services.add_document(
            proposal, data["upload"], data["kind"], title=data["title"], by=request.user
        ),
        _("The document was added to the dossier."),
    )


def _decision(request, pk):
    return get_object_or_404(models.AwardDecision.objects.visible_to(request.user), pk=pk)


@require_POST
@login_required
def step_decide(request, pk):
    decision = _decision(request, pk)
    form = forms.DecideForm(request.POST, decision=decision)
    if not form.is_valid():
        messages.error(request, _("Choose the proposals this decision confers the award on."))
        return HttpResponseRedirect(decision.get_absolute_url())
    chosen = form.cleaned_data["proposals"]
    return _step(
        request,
        decision,
        lambda: services.decide(decision, chosen, by=request.user),
        _("The recipients were added to the decision."),
    )


@require_POST
@login_required
def step_revoke(request, pk):
    decision = _decision(request, pk)
    form = forms.ReasonForm(request.POST)
    if _form_refused(request, form, "reason"):
        return HttpResponseRedirect(decision.get_absolute_url())
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _step(
        request,
        decision,
        lambda: services.revoke(decision, reason, by=request.user),
        _("The decision was revoked."),
    )


# --- files ----------------------------------------------------------------------------------------


@login_required
def document_download(request, pk):
    document = get_object_or_404(models.AwardDocument.objects.visible_to(request.user), pk=pk)
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError) as missing:  # gone from the media directory
        raise Http404 from missing
    return FileResponse(
        handle,
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type or "application/octet-stream",
    )


@login_required
def decision_word(request, pk):
    decision = get_object_or_404(
        models.AwardDecision.objects.visible_to(request.user).select_related(
            "organization", "award_form"
        ),
        pk=pk,
    )
    return download(services.decision_docx(decision), f"decision-{decision.pk}.docx")


@login_required
def certificate(request, pk):
    proposal = get_object_or_404(
        models.AwardProposal.objects.visible_to(request.user).select_related(
            "award_form", "decision__organization", *NOMINEE_RELATED
        ),
        pk=pk,
    )
    if proposal.state != ProposalState.DECIDED or proposal.decision is None:
        raise Http404
    return download(services.certificate_docx(proposal), f"certificate-{proposal.pk}.docx")


# --- honours ----------------------------------------------------------------------------------


def _nominee(request, kind: str, pk: int):
    from amity.organizations.models import Organization, Person
    from amity.partners.models import Contact, Partner

    model = {
        "organization": Organization,
        "person": Person,
        "contact": Contact,
        "partner": Partner,
    }.get(kind)
    if model is None:
        raise Http404
    return get_object_or_404(model.objects.visible_to(request.user), pk=pk)


@login_required
def honours(request, kind, pk):
    """The honours register of one nominee: the awards it received by standing decisions."""
    nominee = _nominee(request, kind, pk)
    return render(
        request,
        "emulation/awards/honours.html",
        {"nominee": nominee, "honours": list(honours_of(nominee)), "kind": kind},
    )


#: the most honours a tab lists: a register, not an archive (the oldest are the API's)
HONOURS_SHOWN = 200


def honours_tab(nominee, request) -> dict:
    """The "Honours" tab of an organization's, a person's, a partner's or a foreign friend's
    page (`registry.py` adds it): every award received, the revoked ones marked. An honour is
    a public act, so the nominee's page shows it to whoever sees the page; its decision is a
    link only for who may open the decision. Two queries, whatever the number of honours."""
    received = list(services.honours_received(nominee)[:HONOURS_SHOWN])
    decisions = {honour.decision_id for honour in received}
    seen = set(
        models.AwardDecision.objects.visible_to(request.user)
        .filter(pk__in=decisions)
        .values_list("pk", flat=True)
        if decisions
        else ()
    )
    return {
        "honours": received,
        "seen_decisions": seen,
        "honours_of_partner": type(nominee).__name__ == "Partner",
    }
