"""The demo's awards: the State's and the Union's award forms, the centre's emulation council,
proposals in every state of the workflow (each step taken through the services, by a different
user than the step before), and decisions, among them the insignia "For peace and friendship
among nations" conferred on foreign friends found among the demo partners' contacts."""

from datetime import timedelta

from django.core.files.base import ContentFile

from amity.accounts.models import User
from amity.core.demo_dates import demo_today
from amity.emulation import award_services as services
from amity.emulation.demo.regulations import MARK, centre
from amity.emulation.models import (
    AwardDecision,
    AwardForm,
    AwardProposal,
    CouncilMember,
    Regulation,
)
from amity.emulation.models.awards import CouncilRole, DocumentKind, VoteChoice
from amity.organizations.choices import OrganizationKind
from amity.organizations.models import Organization, Person
from amity.partners.models import Contact

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"

#: code, Vietnamese name, English name, level, proposers, nominees, documents, interval
FORMS = [
    (
        "CTD-CP",
        "Cờ thi đua của Chính phủ",
        "Emulation flag of the Government",
        "state",
        "central_union",
        "collective",
        "submission,achievements,minutes",
        1,
    ),
    (
        "BK-TTG",
        "Bằng khen của Thủ tướng Chính phủ",
        "Certificate of merit of the Prime Minister",
        "state",
        "central_union",
        "collective,person",
        "submission,achievements,minutes",
        5,
    ),
    (
        "CTD-LH",
        "Cờ thi đua của Liên hiệp các tổ chức hữu nghị Việt Nam",
        "Emulation flag of VUFO",
        "union",
        "",
        "collective",
        "submission,achievements",
        1,
    ),
    (
        "BK-LH",
        "Bằng khen của Liên hiệp các tổ chức hữu nghị Việt Nam",
        "Certificate of merit of VUFO",
        "union",
        "",
        "collective,person,foreign_person,foreign_organization",
        "submission,achievements",
        2,
    ),
    (
        "KNC-HBHN",
        "Kỷ niệm chương “Vì hòa bình, hữu nghị giữa các dân tộc”",
        "Insignia “For peace and friendship among nations”",
        "union",
        "",
        "person,foreign_person",
        "submission,cv",
        50,  # once in a lifetime
    ),
]


def _documents(proposal, by):
    for kind in proposal.award_form.required_document_kinds:
        services.add_document(
            proposal,
            ContentFile(PDF, name=f"{kind}.pdf"),
            kind,
            title=str(DocumentKind(kind).label),
            by=by,
        )


def _proposal(organization, form, year, nominee_field, nominee, text, by):
    proposal = AwardProposal(
        organization=organization,
        award_form=form,
        year=year,
        achievements=text,
        notes=MARK,
        **{nominee_field: nominee},
    )
    proposal.full_clean()
    proposal._history_user = by
    proposal.save()
    return proposal


def _through(proposal, state, *, submitter, reviewer, decider, decision=None):
    """Carry `proposal` to `state` through the services, each step by its own user."""
    if state == "draft":
        return proposal
    _documents(proposal, submitter)
    services.submit(proposal, by=submitter)
    for voter, choice in ((reviewer, VoteChoice.FOR), (decider, VoteChoice.FOR)):
        services.cast_vote(proposal, choice, by=voter)
    if state == "submitted":
        return proposal
    if state == "refused":
        return services.refuse(proposal, "Thành tích chưa đủ tiêu chuẩn theo quy chế.", by=reviewer)
    services.review(proposal, note="Hội đồng nhất trí đề nghị.", by=reviewer)
    if state == "decided" and decision is not None:
        services.decide(decision, [proposal], by=decider)
    return proposal


def load(stdout) -> dict[str, int]:
    issuer = centre()
    today = demo_today()
    this_year, last_year = today.year, today.year - 1
    users = {
        user.username: user
        for user in User.objects.filter(username__in=["admin", "central", "hanoi", "danang"])
    }
    admin, central = users["admin"], users["central"]
    hanoi_user, danang_user = users["hanoi"], users["danang"]
    hanoi, danang = hanoi_user.organization, danang_user.organization
    regulations = list(Regulation.objects.filter(organization=issuer))

    forms = {}
    for code, name_vi, name_en, level, proposers, nominees, documents, interval in FORMS:
        form = AwardForm(
            organization=issuer,
            code=code,
            name_vi=name_vi,
            name_en=name_en,
            level=level,
            proposer_kinds=proposers,
            nominee_kinds=nominees,
            required_documents=documents,
            min_interval_years=interval,
            notes=MARK,
        )
        form._history_user = admin
        form.save()
        form.regulations.set(regulations)
        forms[code] = form

    seats = []
    for year in (last_year, this_year):
        for user, role in ((admin, CouncilRole.CHAIR), (central, CouncilRole.MEMBER)):
            seat = CouncilMember(organization=issuer, year=year, user=user, role=role, notes=MARK)
            seat._history_user = admin
            seat.save()
            seats.append(seat)

    steps = {"submitter": hanoi_user, "reviewer": central, "decider": admin}
    hanoi_member = (
        Organization.objects.filter(parent=hanoi, kind=OrganizationKind.LOCAL_MEMBER)
        .order_by("pk")
        .first()
    )
    hanoi_people = list(Person.objects.filter(organization=hanoi).order_by("pk")[:3])
    danang_people = list(Person.objects.filter(organization=danang).order_by("pk")[:1])
    friends = list(
        Contact.objects.filter(partner__deleted_at__isnull=True, is_current=True)
        .select_related("partner")
        .order_by("pk")[:4]
    )

    # last year: the Union's emulation flag to the Ha Noi Union, the insignia to foreign friends
    flag_decision = AwardDecision(
        organization=issuer,
        award_form=forms["CTD-LH"],
        number=f"12/QĐ-LHHN-{last_year}",
        decided_on=today - timedelta(days=300),
        signer_name="Phan Anh Sơn",
        signer_position="Chủ tịch",
        notes=MARK,
    )
    insignia_decision = AwardDecision(
        organization=issuer,
        award_form=forms["KNC-HBHN"],
        number=f"58/QĐ-LHHN-{last_year}",
        decided_on=today - timedelta(days=240),
        signer_name="Phan Anh Sơn",
        signer_position="Chủ tịch",
        notes=MARK,
    )
    merit_decision = AwardDecision(
        organization=issuer,
        award_form=forms["BK-LH"],
        number=f"07/QĐ-LHHN-{this_year}",
        decided_on=today - timedelta(days=20),
        signer_name="Phan Anh Sơn",
        signer_position="Chủ tịch",
        notes=MARK,
    )
    for decision in (flag_decision, insignia_decision, merit_decision):
        decision._history_user = admin
        decision.save()

    count = 0
    flag = _proposal(
        hanoi,
        forms["CTD-LH"],
        last_year,
        "nominee_organization",
        hanoi,
        "Dẫn đầu cụm thi đua các tỉnh, thành phố phía Bắc.",
        hanoi_user,
    )
    _through(flag, "decided", decision=flag_decision, **steps)
    count += 1
    friend_steps = {"submitter": central, "reviewer": admin, "decider": central}
    # the centre proposes its foreign friends: the reviewer here is the admin, the decider the
    # central officer (never who took the step before)
    for contact in friends[:3]:
        proposal = _proposal(
            issuer,
            forms["KNC-HBHN"],
            last_year,
            "nominee_contact",
            contact,
            "Có nhiều đóng góp cho tình hữu nghị và hợp tác với Việt Nam.",
            central,
        )
        _through(proposal, "decided", decision=insignia_decision, **friend_steps)
        count += 1

    # this year: one proposal in every state
    plan = []
    if hanoi_member is not None:
        plan.append((hanoi, "CTD-LH", "nominee_organization", hanoi_member, "draft"))
    if hanoi_people:
        plan.append((hanoi, "BK-LH", "nominee_person", hanoi_people[0], "submitted"))
    if len(hanoi_people) > 1:
        plan.append((hanoi, "BK-LH", "nominee_person", hanoi_people[1], "decided"))
    plan.append((danang, "CTD-LH", "nominee_organization", danang, "reviewed"))
    if danang_people:
        plan.append((danang, "BK-LH", "nominee_person", danang_people[0], "refused"))
    if len(friends) > 3:
        plan.append((issuer, "BK-LH", "nominee_contact", friends[3], "submitted"))
    for proposer, code, field, nominee, state in plan:
        submitter = {hanoi.pk: hanoi_user, danang.pk: danang_user}.get(proposer.pk, central)
        proposal_steps = {**steps, "submitter": submitter}
        if submitter == central:
            proposal_steps.update(reviewer=admin, decider=central)
        proposal = _proposal(
            proposer,
            forms[code],
            this_year,
            field,
            nominee,
            f"Hoàn thành xuất sắc nhiệm vụ công tác đối ngoại nhân dân năm {this_year}.",
            submitter,
        )
        _through(proposal, state, decision=merit_decision, **proposal_steps)
        count += 1

    stdout.write(
        f"  {len(forms)} award forms, {len(seats)} council seats, {count} award proposals, "
        "3 award decisions"
    )
    return {
        "award forms": len(forms),
        "council members": len(seats),
        "award proposals": count,
        "award decisions": 3,
    }
