"""Domain logic of proposals and consultations: the answer's workflow, the response to a
consultation, the word diff of a proposed wording, the synthesis and its compiled summary."""

import difflib
import io
import re
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from openpyxl.styles import Alignment, Font, PatternFill

from amity.core.exports import SafeWorkbook, neutralise
from amity.core.scoping import branch_of, organization_in_scope
from amity.core.writes import Writer
from amity.inbox.models import Kind
from amity.inbox.services import leaders, notify, officers_of
from amity.organizations.choices import OrganizationKind
from amity.organizations.letterhead import letterhead_of
from amity.organizations.models import Organization
from amity.proposals import reminders
from amity.proposals.choices import (
    ANSWERED_STATUSES,
    AnswerState,
    ConsultationStatus,
    Position,
    ProposalStatus,
)
from amity.proposals.models import (
    ArticlePosition,
    Consultation,
    ConsultationResponse,
    Proposal,
    closed_consultation_error,
)


class WorkflowRefused(Exception):
    """A step of the answer's workflow that may not be taken now; the message says why."""


# --- the official answer ------------------------------------------------------------------------


def may_answer(user, proposal: Proposal) -> bool:
    """The responsible department (or, before one is named, the department addressed) drafts
    the answer: whoever may edit that department's records."""
    department = proposal.responsible_department or proposal.addressed_to
    return bool(user.may_edit and organization_in_scope(user, department))


def may_approve(user) -> bool:
    """A leader approves: a user of the centre (a central officer or a system admin) whom the
    administrator marked as a leader who approves answers."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.edits_everything
        and user.may_approve_answers
    )


def approval_refusal(user, proposal: Proposal) -> str | None:
    """Why `user` may not approve the drafted answer of `proposal`, or None when it may: only
    a leader, and never the one who drafted it (one person does not draft, approve and
    publish an official answer alone)."""
    if not may_approve(user):
        return _("Only a leader may approve the answer.")
    if proposal.answer_drafted_by_id == user.pk:
        return _("You drafted this answer: another leader must approve it.")
    return None


#: what the centre decides about a proposal: a unit neither sets nor changes them
CENTRE_FIELDS = ("status", "responsible_department", "due_on")


def centre_fields(user) -> tuple[str, ...]:
    """The fields of a proposal `user` may not set: the centre's, for a unit's officer."""
    return () if user.edits_everything else CENTRE_FIELDS


def _locked(proposal: Proposal) -> Proposal:
    return Proposal.objects.select_for_update().get(pk=proposal.pk)


def draft_answer(proposal: Proposal, text: str, *, by) -> Proposal:
    """Write (or rewrite) the answer; a rewritten answer needs a new approval."""
    if not may_answer(by, proposal):
        raise PermissionDenied(_("Only the responsible department may draft the answer."))
    if not text.strip():
        raise WorkflowRefused(_("The answer is empty."))
    with transaction.atomic():
        current = _locked(proposal)
        if current.answer_state == AnswerState.PUBLISHED:
            raise WorkflowRefused(_("The answer has been published: it can no longer be changed."))
        current.answer_text = text.strip()
        current.answer_state = AnswerState.DRAFT
        current.answer_returned_reason = ""
        current.answer_drafted_by = by
        current.answer_approved_by = None
        current.answer_approved_at = None
        if current.status == ProposalStatus.RECEIVED:
            current.status = ProposalStatus.UNDER_REVIEW
        current._history_user = by
        current.save()
        notify(
            leaders(),
            Kind.ASSIGNED,
            gettext_noop("An answer to the proposal “%(proposal)s” awaits your approval."),
            {"proposal": current},
            current.get_absolute_url(),
            by=by,
        )
    return current


def departments_in_branch(organization):
    """The live departments (units of a Standing Agency) of `organization`'s branch: itself
    and every organization under it; none for no organization, or one not yet in the tree."""
    if organization is None or not organization.tree_path:
        return Organization.objects.none()
    return Organization.objects.filter(
        pk__in=branch_of(organization), kind=OrganizationKind.STANDING_UNIT
    )


def answering_departments(user) -> set[int]:
    """The ids of the departments whose answers `user` drafts (those in the user's branch)."""
    if not getattr(user, "may_edit", False):
        return set()
    home = getattr(user, "organization", None)
    return set(departments_in_branch(home).values_list("pk", flat=True))


def awaiting_answer_from(user):
    """Open proposals without a published answer addressed to, or handled by, a department
    in the user's branch; None for a user with no organization in the tree."""
    home = user.organization
    if home is None or not home.tree_path:
        return None
    departments = departments_in_branch(home).values("pk")
    return Proposal.objects.awaiting_answer().filter(
        Q(addressed_to__any_of=departments) | Q(responsible_department__any_of=departments)
    )


def raised_in_branch(user):
    """The proposals `user` sees that were raised by its organization or one under it, the
    latest first; none for a user with no organization in the tree."""
    home = user.organization
    if home is None or not home.tree_path:
        return Proposal.objects.none()
    return (
        Proposal.objects.visible_to(user)
        .filter(organization__any_of=branch_of(home))
        .order_by("-raised_on", "-id")
    )


def answer_shown_to(user, proposal: Proposal, departments: set[int] | None = None) -> bool:
    """Whether `user` may read the answer of `proposal` as it stands: the proposer reads it
    once a leader has approved it and it is published; the department drafting it and the
    leaders read the drafts too. `departments`: `answering_departments(user)`, for many rows."""
    if proposal.answer_is_published or may_approve(user):
        return True
    if departments is None:
        return bool(user is not None and user.is_authenticated and may_answer(user, proposal))
    return (proposal.responsible_department_id or proposal.addressed_to_id) in departments


def awaiting_approval():
    """Drafted answers a leader has still to approve or send back, the soonest due first."""
    return Proposal.objects.filter(answer_state=AnswerState.DRAFT).order_by(
        F("due_on").asc(nulls_last=True), "id"
    )


def approve_answer(proposal: Proposal, *, by) -> Proposal:
    if not may_approve(by):
        raise PermissionDenied(_("Only a leader may approve the answer."))
    with transaction.atomic():
        current = _locked(proposal)
        if current.answer_state != AnswerState.DRAFT:
            raise WorkflowRefused(_("There is no drafted answer to approve."))
        refusal = approval_refusal(by, current)
        if refusal:
            raise PermissionDenied(refusal)
        current.answer_state = AnswerState.APPROVED
        current.answer_approved_by = by
        current.answer_approved_at = timezone.now()
        current._history_user = by
        current.save()
        _tell_drafter(
            current, Kind.APPROVED, gettext_noop("Your answer to “%(proposal)s” was approved."), by
        )
    return current


def _tell_drafter(proposal: Proposal, kind: str, message: str, by, **params) -> None:
    notify(
        [proposal.answer_drafted_by],
        kind,
        message,
        {"proposal": proposal, **params},
        proposal.get_absolute_url(),
        by=by,
    )


def return_answer(proposal: Proposal, reason: str, *, by) -> Proposal:
    """Send the drafted answer back to the department, with the leader's reason; the department
    redrafts it, which asks for approval again. Both stay in the proposal's history."""
    if not may_approve(by):
        raise PermissionDenied(_("Only a leader may send the answer back."))
    if not reason.strip():
        raise WorkflowRefused(_("Say why the answer is sent back."))
    with transaction.atomic():
        current = _locked(proposal)
        if current.answer_state != AnswerState.DRAFT:
            raise WorkflowRefused(_("There is no drafted answer to send back."))
        current.answer_state = AnswerState.RETURNED
        current.answer_returned_reason = reason.strip()
        current.answer_approved_by = None
        current.answer_approved_at = None
        current._history_user = by
        current.save()
        _tell_drafter(
            current,
            Kind.RETURNED,
            gettext_noop("Your answer to “%(proposal)s” was sent back: %(reason)s"),
            by,
            reason=current.answer_returned_reason,
        )
    return current


def answer_reviews(proposal: Proposal) -> list[dict]:
    """Every draft, approval, sending back and publication of the answer, oldest first, with
    who and when (from the proposal's history): one query."""
    records = proposal.history.select_related("history_user").order_by("history_date", "pk")
    steps, previous = [], None
    fields = ("answer_state", "answer_text", "answer_returned_reason")
    for record in records.only("history_date", "history_user", "pk", *fields):
        state = record.answer_state
        changed = previous is None or any(
            getattr(record, name) != getattr(previous, name) for name in fields
        )
        if state and changed:
            steps.append(
                {
                    "state": state,
                    "label": AnswerState(state).label,
                    "user": record.history_user,
                    "date": record.history_date,
                    "reason": record.answer_returned_reason
                    if state == AnswerState.RETURNED
                    else "",
                }
            )
        previous = record
    return steps


def publish_answer(proposal: Proposal, *, by, with_related: bool = False) -> list[Proposal]:
    """Publish the approved answer to the proposer (and, if asked, to the related proposals
    still without an answer: a group answered together). Refused without approval."""
    if not may_answer(by, proposal) and not may_approve(by):
        raise PermissionDenied(_("You may not publish this answer."))
    with transaction.atomic():
        current = _locked(proposal)
        if current.answer_state == AnswerState.PUBLISHED:
            raise WorkflowRefused(_("The answer has already been published."))
        if current.answer_state != AnswerState.APPROVED or not current.answer_approved_by_id:
            raise WorkflowRefused(
                _("An answer may be published only after a leader has approved it.")
            )
        published = [_publish(current, current, by)]
        if with_related:
            others = current.related.select_for_update().exclude(answer_state=AnswerState.PUBLISHED)
            published += [_publish(other, current, by) for other in others]
        for answered in published:
            notify(
                officers_of([answered.organization_id]),
                Kind.ANSWERED,
                gettext_noop("Your proposal “%(proposal)s” has been answered."),
                {"proposal": answered},
                answered.get_absolute_url(),
                by=by,
            )
    return published


def _publish(target: Proposal, source: Proposal, by) -> Proposal:
    now = timezone.now()
    target.answer_text = source.answer_text
    target.answer_drafted_by_id = source.answer_drafted_by_id
    target.answer_approved_by_id = source.answer_approved_by_id
    target.answer_approved_at = source.answer_approved_at
    target.answer_state = AnswerState.PUBLISHED
    target.answer_published_at = now
    if target.status not in ANSWERED_STATUSES:
        target.status = ProposalStatus.ANSWERED
    target._history_user = by
    target.save()
    return target


# --- responses to a consultation ----------------------------------------------------------------


def respondents(user, consultation: Consultation) -> list:
    """The organizations `user` may respond for: those asked (when a list was set, else its
    own organization), that it may edit, and without a response yet; in the tree's order."""
    if not user.may_edit:
        return []
    answered = consultation.responses.values("organization")
    if consultation.organizations_asked.exists():
        asked = consultation.organizations_asked.all()
    else:
        home = user.organization
        asked = Organization.objects.filter(pk=home.pk) if home else Organization.objects.none()
    asked = asked.exclude(pk__in=answered).order_by("tree_path")
    return [org for org in asked if organization_in_scope(user, org)]


@dataclass
class ArticleAnswer:
    article_id: int
    position: str
    proposed_text: str = ""
    comment: str = ""


def submit_response(
    consultation: Consultation,
    organization,
    answers: list[ArticleAnswer],
    *,
    by,
    signed_by: str = "",
    general_comment: str = "",
) -> ConsultationResponse:
    """Record an organization's one official response, article by article, all or nothing.

    Refused (ValidationError, nothing written) when the consultation is closed, when the
    organization has already responded or was not asked, or when an article is answered badly.
    """
    if not organization_in_scope(by, organization):
        raise PermissionDenied(_("You may not respond for this organization."))
    if not consultation.accepts_responses:
        raise closed_consultation_error()
    with transaction.atomic():
        Consultation.objects.select_for_update().filter(pk=consultation.pk).first()
        exists = ConsultationResponse.all_objects.filter(
            consultation=consultation, organization=organization
        ).exists()
        if exists:
            raise ValidationError(
                _("This organization has already sent its response to this consultation.")
            )
        response = ConsultationResponse(
            consultation=consultation,
            organization=organization,
            signed_by=signed_by,
            general_comment=general_comment,
        )
        response.full_clean()
        response._history_user = by
        response.save()
        articles = {article.pk: article for article in consultation.articles.all()}
        errors = {}
        for answer in answers:
            position = ArticlePosition(
                response=response,
                article=articles.get(answer.article_id),
                position=answer.position,
                proposed_text=answer.proposed_text,
                comment=answer.comment,
            )
            try:
                position.full_clean(exclude=["response"])
            except ValidationError as error:
                errors[answer.article_id] = error
                continue
            position._history_user = by
            position.save()
        if errors:
            messages = [
                f"{articles[key] if key in articles else key}: {'; '.join(error.messages)}"
                for key, error in errors.items()
            ]
            raise ValidationError(messages)
    return response


# --- the proposed wording as a difference from the draft ----------------------------------------

#: a word with the spaces after it: a change is marked by whole words, not split by spaces
TOKENS = re.compile(r"\S+\s*|\s+")


def word_diff(draft: str, proposed: str) -> SafeString:
    """The proposed wording as HTML: removed words in <del>, added words in <ins>, every piece
    of text escaped (the wording is typed by users)."""
    before, after = TOKENS.findall(draft or ""), TOKENS.findall(proposed or "")
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    parts: list[str] = []
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        removed, added = "".join(before[a1:a2]), "".join(after[b1:b2])
        if operation == "equal":
            parts.append(escape(removed))
            continue
        parts.append(_marked("del", removed))
        parts.append(_marked("ins", added) if added.strip() or not removed else "")
    return mark_safe("".join(parts))


def _marked(tag: str, text: str) -> str:
    """`text` escaped in `tag`, the spaces around it left outside the mark."""
    if not text.strip():
        return escape(text)
    core = text.strip()
    start = text.index(core)
    return f"{escape(text[:start])}<{tag}>{escape(core)}</{tag}>{escape(text[start + len(core) :])}"


# --- tracker and synthesis ----------------------------------------------------------------------


@dataclass
class Synthesis:
    """Articles × organizations × positions, with the totals per article."""

    consultation: Consultation
    articles: list
    organizations: list
    #: (article id, organization id) → ArticlePosition
    cells: dict = field(default_factory=dict)
    responses: dict = field(default_factory=dict)  # organization id → ConsultationResponse

    def rows(self):
        for article in self.articles:
            cells = [self.cells.get((article.pk, org.pk)) for org in self.organizations]
            counts = {value: 0 for value, _label in Position.choices}
            for cell in cells:
                if cell is not None:
                    counts[cell.position] += 1
            yield {"article": article, "cells": cells, "counts": counts}

    def amendments(self):
        """(article, organization, position) of every proposed wording or comment."""
        by_org = {org.pk: org for org in self.organizations}
        for article in self.articles:
            for org_id in by_org:
                cell = self.cells.get((article.pk, org_id))
                if cell is not None and (cell.position != Position.AGREE or cell.comment):
                    yield article, by_org[org_id], cell


def tracker(consultation: Consultation) -> list[dict]:
    """Every organization asked (or that responded), whether and when it responded."""
    responses = {
        response.organization_id: response
        for response in consultation.responses.select_related("organization")
    }
    asked = list(consultation.organizations_asked.all())
    asked_ids = {org.pk for org in asked}
    extra = [r.organization for r in responses.values() if r.organization_id not in asked_ids]
    return [
        {"organization": org, "response": responses.get(org.pk)}
        for org in sorted([*asked, *extra], key=lambda org: org.tree_path)
    ]


def synthesis(consultation: Consultation, user) -> Synthesis:
    """The responses `user` may see, in three queries whatever their number."""
    articles = list(consultation.articles.all())
    visible = ConsultationResponse.objects.visible_to(user).filter(consultation=consultation)
    responses = list(visible.select_related("organization").order_by("organization__tree_path"))
    positions = ArticlePosition.objects.filter(response__in=[r.pk for r in responses])
    result = Synthesis(
        consultation=consultation,
        articles=articles,
        organizations=[r.organization for r in responses],
        responses={r.organization_id: r for r in responses},
    )
    by_response = {r.pk: r.organization_id for r in responses}
    for position in positions:
        result.cells[(position.article_id, by_response[position.response_id])] = position
    return result


def remind_late(consultation: Consultation, today: date | None = None) -> list:
    """The organizations asked that have not responded, when a reminder is due on `today`
    (before the deadline, or the one after it: `reminders.reminder_kind`) and no other run has
    sent it today; marks the reminder."""
    today = today or timezone.localdate()
    if not reminders.reminder_kind(consultation, today) or not reminders.claim(consultation, today):
        return []
    return reminders.late_organizations(consultation)


# --- the compiled summary for the Congress ------------------------------------------------------


def synthesis_xlsx(result: Synthesis) -> bytes:
    labels = dict(Position.choices)
    fills = {
        Position.AGREE: PatternFill("solid", fgColor="D1E7DD"),
        Position.DISAGREE: PatternFill("solid", fgColor="F8D7DA"),
        Position.AMEND: PatternFill("solid", fgColor="FFF3CD"),
    }
    workbook = SafeWorkbook()
    matrix = workbook.active
    matrix.title = _("Synthesis")[:31]
    header = [_("Article"), *[org.display_name for org in result.organizations]]
    header += [str(labels[value]) for value, _label in Position.choices]
    matrix.append([neutralise(cell) for cell in header])
    for cell in matrix[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in result.rows():
        values = [str(row["article"])]
        values += [str(labels[c.position]) if c else "" for c in row["cells"]]
        values += [row["counts"][value] for value, _label in Position.choices]
        matrix.append([neutralise(value) for value in values])
        for cell, position in zip(matrix[matrix.max_row][1:], row["cells"], strict=False):
            if position is not None:
                cell.fill = fills[position.position]
    matrix.freeze_panes = "B2"
    matrix.column_dimensions["A"].width = 40
    details = workbook.create_sheet(_("Proposed wordings")[:31])
    details.append(
        [
            _("Article"),
            _("Organization"),
            _("Opinion"),
            _("Draft text"),
            _("Proposed wording"),
            _("Comment"),
        ]
    )
    for cell in details[1]:
        cell.font = Font(bold=True)
    for article, org, position in result.amendments():
        details.append(
            [
                neutralise(value)
                for value in (
                    str(article),
                    org.display_name,
                    str(labels[position.position]),
                    article.text,
                    position.proposed_text,
                    position.comment,
                )
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def synthesis_context(result: Synthesis) -> dict:
    """What the compiled summary's template shows, in the language of the request."""
    labels = dict(Position.choices)
    articles = []
    for row in result.rows():
        article = row["article"]
        opinions = [
            {
                "organization": org.display_name,
                "position": str(labels[cell.position]),
                "proposed": cell.proposed_text,
                "comment": cell.comment,
            }
            for org, cell in zip(result.organizations, row["cells"], strict=True)
            if cell is not None and (cell.position != Position.AGREE or cell.comment)
        ]
        counts = ", ".join(
            f"{labels[value]}: {row['counts'][value]}" for value, _label in Position.choices
        )
        articles.append(
            {"heading": str(article), "text": article.text, "counts": counts, "opinions": opinions}
        )
    return {
        "title": str(result.consultation),
        "document": str(result.consultation.document),
        "responses": len(result.organizations),
        "articles": articles,
        "text": {
            "summary": _("Compiled summary of the opinions on %(document)s: %(count)s responses.")
            % {"document": result.consultation.document, "count": len(result.organizations)},
            "proposed": _("Proposed wording"),
        },
    }


def synthesis_docx(result: Synthesis) -> bytes:
    """The compiled summary, issued by the consulting organization as an official report
    (Decree 30 layout), from its template in the library."""
    from amity.documents import library

    issuer = result.consultation.organization
    head = letterhead_of(issuer, recipients=[_("The organizations consulted")])
    return library.render("consultation_synthesis", synthesis_context(result), head, issuer)


# --- writers: who is told when a proposal or a consultation becomes theirs -----------------------


class ProposalWriter(Writer):
    """A proposal addressed to a department, or given to a responsible one, is theirs: their
    officers are told (on creation, and when the department changes)."""

    def before_save(self, record, user, created: bool) -> None:
        before = Proposal.objects.filter(pk=record.pk).values_list(
            "addressed_to_id", "responsible_department_id"
        )
        record._departments_before = set(before.first() or ()) if not created else set()

    def after_save(self, record, user, created: bool) -> None:
        now = {record.addressed_to_id, record.responsible_department_id}
        new = now - getattr(record, "_departments_before", set()) - {None}
        if not new or record.answer_state == AnswerState.PUBLISHED:
            return
        notify(
            officers_of(new),
            Kind.ASSIGNED,
            gettext_noop("The proposal “%(proposal)s” is for your department to answer."),
            {"proposal": record},
            record.get_absolute_url(),
            by=user,
        )


class ConsultationWriter(Writer):
    """An open consultation asks organizations for their opinion: the officers of each one
    newly asked are told (when it opens, and when organizations are added to it open)."""

    def before_save(self, record, user, created: bool) -> None:
        was_open = Consultation.objects.filter(pk=record.pk, status=ConsultationStatus.OPEN)
        if created or not was_open.exists():
            record._asked_before = set()  # opened now: every organization asked is told
            return
        asked = Consultation.organizations_asked.through.objects.filter(consultation_id=record.pk)
        record._asked_before = set(asked.values_list("organization_id", flat=True))

    def after_save(self, record, user, created: bool) -> None:
        if record.status != ConsultationStatus.OPEN:
            return
        asked = set(record.organizations_asked.values_list("pk", flat=True))
        new = asked - getattr(record, "_asked_before", set())
        if not new:
            return
        notify(
            officers_of(new),
            Kind.ASSIGNED,
            gettext_noop("Your organization's opinion is asked on “%(consultation)s” by %(date)s."),
            {"consultation": record, "date": record.deadline.strftime("%d/%m/%Y")},
            record.get_absolute_url(),
            by=user,
        )
