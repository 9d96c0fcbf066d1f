"""The awards' domain logic: who a proposer may nominate, the proposal's workflow (submit,
review, decide, refuse), the council's votes, revoking a decision, and the Word documents.

Every step is one transaction on the locked proposal, and refuses with a message for people
(`ValidationError`) before it writes anything. Each step is taken by another user than the step
before it (submit ≠ review ≠ decide), so that no one carries a dossier through alone."""

from collections import Counter
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from amity.core.scoping import can_edit, organization_in_scope
from amity.core.writes import EditableWhile, Writer
from amity.emulation.models.awards import (
    AwardDecision,
    AwardDocument,
    AwardProposal,
    AwardVote,
    CouncilMember,
    NomineeKind,
    ProposalState,
    split_codes,
)
from amity.inbox.models import Kind
from amity.inbox.services import centre, notify

# --- who may be nominated (the rules themselves are the models': `nominee_scope_error`) ----


def interval_error(proposal: AwardProposal, *, also=()) -> str | None:
    """Why the nominee may not receive the award form again in the proposal's year: it received
    it (by a standing decision) fewer than the form's interval of years before or after; `also`:
    proposals being decided together with it."""
    interval = proposal.award_form.min_interval_years
    if not interval:
        return None
    window = (proposal.year - interval + 1, proposal.year + interval - 1)
    received = (
        AwardProposal.objects.filter(proposal.nominee_filter())
        .filter(
            award_form_id=proposal.award_form_id,
            state=ProposalState.DECIDED,
            decision__revoked_at__isnull=True,
            year__range=window,
        )
        .exclude(pk=proposal.pk)
        .order_by("-year")
        .first()
    )
    if received is None:
        for other in also:
            if (
                other.pk != proposal.pk
                and other.nominee_kind == proposal.nominee_kind
                and other.nominee == proposal.nominee
                and window[0] <= other.year <= window[1]
            ):
                received = other
                break
    if received is None:
        return None
    return _(
        "%(nominee)s received %(form)s in %(year)s: the regulation allows it again only after "
        "%(interval)s years."
    ) % {
        "nominee": proposal.nominee_label,
        "form": proposal.award_form,
        "year": received.year,
        "interval": interval,
    }


def missing_documents(proposal: AwardProposal) -> list[str]:
    """The labels of the documents the award form requires that the dossier lacks."""
    held = set(proposal.documents.values_list("kind", flat=True))
    from amity.emulation.models.awards import DocumentKind

    labels = dict(DocumentKind.choices)
    return [
        str(labels.get(kind, kind))
        for kind in proposal.award_form.required_document_kinds
        if kind not in held
    ]


# --- the workflow ---------------------------------------------------------------------------


def _locked(proposal: AwardProposal) -> AwardProposal:
    return (
        AwardProposal.objects.select_for_update(of=("self",))
        .select_related("award_form", "organization")
        .get(pk=proposal.pk)
    )


def _refuse(message: str):
    raise ValidationError(message)


def _same_user(previous_id, user, step: str) -> None:
    if previous_id is not None and previous_id == user.pk:
        _refuse(
            _("You took the previous step of this proposal: another person must %(step)s it.")
            % {"step": step}
        )


def _may_review(user) -> bool:
    """The council's steps (review, decide, refuse) are the centre's."""
    return bool(user.is_authenticated and user.edits_everything)


def _save(proposal: AwardProposal, user) -> AwardProposal:
    proposal._history_user = user
    proposal.save()
    return proposal


def submit(proposal: AwardProposal, *, by) -> AwardProposal:
    """Send a draft to the council: with every required document, a nominee the proposer may
    nominate, and not inside the award's interval."""
    if not can_edit(by, proposal):
        raise PermissionDenied(_("You may not submit this proposal."))
    with transaction.atomic():
        current = _locked(proposal)
        if current.state != ProposalState.DRAFT:
            _refuse(_("Only a draft can be submitted."))
        missing = missing_documents(current)
        if missing:
            _refuse(
                _("The dossier lacks required documents: %(documents)s.")
                % {"documents": ", ".join(missing)}
            )
        current.full_clean()
        error = interval_error(current)
        if error:
            _refuse(error)
        current.state = ProposalState.SUBMITTED
        current.submitted_by = by
        current.submitted_at = timezone.now()
        current = _save(current, by)
        notify(
            centre(),
            Kind.ASSIGNED,
            gettext_noop("An award proposal awaits the council's review: %(proposal)s."),
            {"proposal": current},
            current.get_absolute_url(),
            by=by,
        )
        return current


def council_of(proposal: AwardProposal, user) -> CouncilMember | None:
    """The seat `user` holds on a council that reviews `proposal` (of an organization holding the
    proposer, for the proposal's year), or None."""
    seats = CouncilMember.objects.filter(user=user, year=proposal.year).select_related(
        "organization"
    )
    for seat in seats:
        if seat.organization.holds(proposal.organization):
            return seat
    return None


def cast_vote(proposal: AwardProposal, choice: str, *, by, note: str = "") -> AwardVote:
    """Record `by`'s vote (or change it): only a council member of the proposal's year."""
    with transaction.atomic():
        current = _locked(proposal)
        member = council_of(current, by)
        if member is None:
            _refuse(
                _("You are not on the emulation council for %(year)s: you may not vote.")
                % {"year": current.year}
            )
        assert member is not None
        vote = AwardVote.objects.filter(proposal=current, member=member).first() or AwardVote(
            proposal=current, member=member
        )
        vote.choice, vote.note = choice, note.strip()[:500]
        vote.full_clean()
        vote._history_user = by
        vote.save()
        return vote


def tally(proposal: AwardProposal) -> dict[str, int]:
    counts = Counter(proposal.votes.values_list("choice", flat=True))
    return {"for": counts["for"], "against": counts["against"], "abstain": counts["abstain"]}


def review(proposal: AwardProposal, *, by, note: str = "") -> AwardProposal:
    """Close the council's review: votes recorded, a majority for; by another than who
    submitted."""
    if not _may_review(by):
        raise PermissionDenied(_("Only the centre reviews award proposals."))
    with transaction.atomic():
        current = _locked(proposal)
        if current.state != ProposalState.SUBMITTED:
            _refuse(_("Only a submitted proposal can be reviewed."))
        _same_user(current.submitted_by_id, by, _("review"))
        votes = tally(current)
        if not sum(votes.values()):
            _refuse(_("No council member has voted on this proposal yet."))
        if votes["for"] * 2 <= sum(votes.values()):
            _refuse(_("The council did not vote for this proposal: refuse it with a reason."))
        current.state = ProposalState.REVIEWED
        current.reviewed_by = by
        current.reviewed_at = timezone.now()
        current.review_note = note.strip()
        return _save(current, by)


def refuse(proposal: AwardProposal, reason: str, *, by) -> AwardProposal:
    """Refuse a submitted or reviewed proposal, with the reason."""
    if not _may_review(by):
        raise PermissionDenied(_("Only the centre refuses award proposals."))
    if not reason.strip():
        _refuse(_("Give the reason for the refusal."))
    with transaction.atomic():
        current = _locked(proposal)
        if current.state not in (ProposalState.SUBMITTED, ProposalState.REVIEWED):
            _refuse(_("Only a submitted or reviewed proposal can be refused."))
        previous = (
            current.reviewed_by_id
            if current.state == ProposalState.REVIEWED
            else current.submitted_by_id
        )
        _same_user(previous, by, _("refuse"))
        current.state = ProposalState.REFUSED
        current.refusal_reason = reason.strip()
        current.decided_by = by
        current.decided_at = timezone.now()
        current = _save(current, by)
        notify(
            [current.submitted_by],
            Kind.RETURNED,
            gettext_noop("The award proposal “%(proposal)s” was refused: %(reason)s"),
            {"proposal": current, "reason": current.refusal_reason},
            current.get_absolute_url(),
            by=by,
        )
        return current


def decide(decision: AwardDecision, proposals, *, by) -> list[AwardProposal]:
    """Name reviewed proposals of the decision's award form as its recipients: all of them or
    none."""
    if not _may_review(by) or not can_edit(by, decision):
        raise PermissionDenied(_("Only the centre decides awards."))
    proposals = list(proposals)
    if not proposals:
        _refuse(_("Choose the proposals this decision confers the award on."))
    with transaction.atomic():
        decision = AwardDecision.objects.select_for_update().get(pk=decision.pk)
        if decision.is_revoked:
            _refuse(_("This decision has been revoked."))
        locked = [_locked(proposal) for proposal in proposals]
        for current in locked:
            if current.state != ProposalState.REVIEWED:
                _refuse(
                    _("%(proposal)s has not been reviewed by the council.") % {"proposal": current}
                )
            if current.award_form_id != decision.award_form_id:
                _refuse(
                    _("%(proposal)s is for another award form than the decision.")
                    % {"proposal": current}
                )
            _same_user(current.reviewed_by_id, by, _("decide"))
            error = interval_error(current, also=[p for p in locked if p.pk < current.pk])
            if error:
                _refuse(error)
        now = timezone.now()
        for current in locked:
            current.state = ProposalState.DECIDED
            current.decision = decision
            current.decided_by = by
            current.decided_at = now
            _save(current, by)
        return locked


def revoke(decision: AwardDecision, reason: str, *, by) -> AwardDecision:
    """Revoke a decision with its reason: its recipients leave the honours register, the
    decision and its history stay."""
    if not _may_review(by) or not can_edit(by, decision):
        raise PermissionDenied(_("Only the centre revokes a decision."))
    if not reason.strip():
        _refuse(_("Give the reason for revoking the decision."))
    with transaction.atomic():
        current = AwardDecision.objects.select_for_update().get(pk=decision.pk)
        if current.is_revoked:
            _refuse(_("This decision has been revoked already."))
        current.revoked_at = timezone.now()
        current.revoked_by = by
        current.revocation_reason = reason.strip()
        current._history_user = by
        current.save()
        return current


def add_document(proposal: AwardProposal, upload, kind: str, *, title: str = "", by):
    """Attach a file to a draft's dossier."""
    if not can_edit(by, proposal):
        raise PermissionDenied(_("You may not change this dossier."))
    document = AwardDocument(proposal=proposal, kind=kind, title=title.strip()[:255], file=upload)
    with transaction.atomic():
        document.full_clean()
        document._history_user = by
        document.save()
    return document


# --- the one write path -----------------------------------------------------------------------


class AwardProposalWriter(Writer):
    """A proposal changes by its edit form only while it is a draft; after, by its steps."""

    editable_while = EditableWhile(
        "state",
        (ProposalState.DRAFT,),
        gettext_lazy("The proposal has been submitted: it changes only by its workflow's steps."),
    )


class AwardDocumentWriter(Writer):
    editable_while = EditableWhile(
        "proposal.state",
        (ProposalState.DRAFT,),
        gettext_lazy("The proposal has been submitted: its documents can no longer change."),
    )


class AwardVoteWriter(Writer):
    """A vote is cast by the member on the proposal's page (`cast_vote`), or recorded by whoever
    keeps the council's records (its secretary: the lists and the API), while the review is
    open."""

    editable_while = EditableWhile(
        "proposal.state",
        (ProposalState.SUBMITTED,),
        gettext_lazy("The council's review is closed: its votes can no longer change."),
    )


class AwardDecisionWriter(Writer):
    """A decision that confers the award on someone is never undone: only revoked."""

    def change_refusal(self, record, user) -> str | None:
        if record.is_revoked:
            return _("This decision has been revoked: it can no longer change.")
        if record.recipients.exists():
            return _(
                "A decision cannot be undone or changed once it names its recipients: "
                "revoke it with a reason."
            )
        return None


def honours_received(nominee):
    """Every award `nominee` (an organization, a person, a foreign friend or a foreign
    organization) received by a decision, the revoked ones too (the register marks them),
    newest first; a foreign organization's include its people's (a friend of its staff)."""
    from amity.organizations.models import Organization, Person
    from amity.partners.models import Contact, Partner

    if isinstance(nominee, Partner):
        who = Q(nominee_partner=nominee) | Q(nominee_contact__partner=nominee)
    else:
        field = {
            Organization: "nominee_organization",
            Person: "nominee_person",
            Contact: "nominee_contact",
        }[type(nominee)]
        who = Q(**{field: nominee})
    return (
        AwardProposal.objects.filter(
            who, state=ProposalState.DECIDED, decision__deleted_at__isnull=True
        )
        .select_related("award_form", "decision", "organization", "nominee_contact")
        .order_by("-decision__decided_on", "-pk")
    )


def may_propose(user, organization) -> bool:
    return organization_in_scope(user, organization)


# --- the cluster's leader proposed for the emulation flag (cờ thi đua) -----------------------

#: an award form is an emulation flag when its code says so: CTD-LH, CTD-CP (cờ thi đua)
FLAG_CODE_PREFIX = "CTD"


def flag_award_form(cluster):
    """The Union's emulation flag a cluster's leader is proposed for: an award form of the
    Union's level, coded as a flag, given to collectives, set by the cluster's organization or
    one above it; None when the regulations name none."""
    from amity.emulation.models.awards import AwardForm, AwardLevel

    forms = AwardForm.objects.filter(
        code__istartswith=FLAG_CODE_PREFIX,
        level=AwardLevel.UNION,
        organization_id__in=[int(pk) for pk in cluster.organization.tree_path.split("/") if pk],
    ).order_by("code", "pk")
    return next(
        (form for form in forms if NomineeKind.COLLECTIVE in split_codes(form.nominee_kinds)),
        None,
    )


def flag_proposer(user, leader, form, centre):
    """The organization `user` would propose `leader` from: the centre's officer from the
    centre (the cluster's organization), a unit's officer from its own organization when it
    holds the leader and the award form lets it propose; None when the user may not."""
    if not (user.is_authenticated and user.may_edit):
        return None
    home = centre if user.edits_everything else user.organization
    if home is None or not may_propose(user, home) or not home.holds(leader):
        return None
    proposers = split_codes(form.proposer_kinds) if form is not None else []
    if proposers and home.kind not in proposers:
        return None
    return home


def flag_proposal_initial(cluster, leader_row, rows: int, user) -> dict | None:
    """The award proposal's fields, prefilled for the cluster's rank 1 (`leader_row`, one of
    `rows` ranked): the flag, the organization, the year, achievements summarising the score and
    rank. None when `user` may not propose it."""
    from amity.core.numbers import local_number
    from amity.organizations.models import Organization

    leader = Organization.objects.filter(pk=leader_row.organization_id).first()
    if leader is None:
        return None
    form = flag_award_form(cluster)
    proposer = flag_proposer(user, leader, form, cluster.organization)
    if proposer is None:
        return None
    achievements = _(
        "Ranked first of %(count)s units of %(cluster)s in the emulation of %(year)s, with "
        "%(total)s points (score sheet: %(state)s)."
    ) % {
        "count": rows,
        "cluster": cluster.name,
        "year": cluster.year,
        "total": local_number(leader_row.total, 2),
        "state": leader_row.state_label,
    }
    initial = {
        "organization": proposer.pk,
        "year": cluster.year,
        "nominee_organization": leader.pk,
        "achievements": achievements,
    }
    if form is not None:
        initial["award_form"] = form.pk
    return initial


# --- Word documents (docxtpl templates: `emulation.documents`) ----------------------------------


def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def _head(decision: AwardDecision, on: date):
    from amity.organizations.letterhead import letterhead_of

    head = letterhead_of(decision.organization, symbol="QĐ", on=on)
    head.registered_number = decision.number
    head.signer_name = decision.signer_name
    if decision.signer_position:
        head.signer_position = decision.signer_position
    return head


def decision_context(decision: AwardDecision) -> dict:
    """What the decision's template shows, in the language of the request: the number, date,
    signer, award form and the list of recipients with their achievements."""
    recipients = list(
        decision.recipients.select_related(
            "nominee_organization", "nominee_person", "nominee_contact__partner", "nominee_partner"
        ).order_by("pk")
    )
    form = str(decision.award_form)
    return {
        "number": decision.number,
        "date": _day(decision.decided_on),
        "award_form": form,
        "issuer": str(decision.organization.display_name),
        "signer_name": decision.signer_name,
        "signer_position": decision.signer_position,
        "revoked": decision.is_revoked,
        "revocation_reason": decision.revocation_reason,
        "recipients": [
            {
                "index": index,
                "name": proposal.nominee_label,
                "kind": str(NomineeKind(proposal.nominee_kind).label),
                "year": proposal.year,
                "achievements": proposal.achievements[:500],
            }
            for index, proposal in enumerate(recipients, start=1)
        ],
        "text": {
            "title": _("DECISION"),
            "subject": _("On conferring %(form)s") % {"form": form},
            "number_and_date": _("No. %(number)s, dated %(date)s")
            % {"number": decision.number, "date": _day(decision.decided_on)},
            "article_1": _("Article 1. To confer %(form)s on the following %(count)s recipients:")
            % {"form": form, "count": len(recipients)},
            "article_2": _("Article 2. This decision takes effect from the date of signing."),
            "revoked": _("Revoked: %(reason)s") % {"reason": decision.revocation_reason},
        },
    }


def decision_docx(decision: AwardDecision) -> bytes:
    """The decision as a Word document: the letterhead, the articles, the list of recipients."""
    from amity.documents import library
    from amity.emulation.documents import AWARD_DECISION

    head = _head(decision, decision.decided_on)
    context = decision_context(decision)
    return library.render(AWARD_DECISION.code, context, head, issuer=decision.organization)


def certificate_context(proposal: AwardProposal) -> dict:
    """What the certificate's template shows: the issuer, the award form, the recipient, the
    year, the decision's number and date, and its signer."""
    decision = proposal.decision
    if decision is None or proposal.state != ProposalState.DECIDED:
        _refuse(_("Only a decided proposal has a certificate."))
    assert decision is not None
    issuer, form = str(decision.organization.display_name), str(proposal.award_form)
    return {
        "issuer": issuer,
        "issuer_upper": issuer.upper(),
        "award_form": form,
        "award_form_upper": form.upper(),
        "nominee": proposal.nominee_label,
        "year": proposal.year,
        "number": decision.number,
        "date": _day(decision.decided_on),
        "signer_name": decision.signer_name,
        "signer_position": decision.signer_position,
        "text": {
            "awarded_to": _("awarded to"),
            "achievements": _("for outstanding achievements in %(year)s") % {"year": proposal.year},
            "decision": _("Decision No. %(number)s of %(date)s")
            % {"number": decision.number, "date": _day(decision.decided_on)},
        },
    }


def certificate_docx(proposal: AwardProposal) -> bytes:
    """The certificate of one recipient of a decision, as a Word document (no letterhead: a
    certificate is not a letter)."""
    from amity.documents import library
    from amity.emulation.documents import AWARD_CERTIFICATE

    issuer = proposal.decision.organization if proposal.decision else None
    context = certificate_context(proposal)
    return library.render(AWARD_CERTIFICATE.code, context, issuer=issuer)
