"""Records the award tests build on: the centre's award forms, proposals in a given state,
council seats, a small PDF."""

from django.core.files.base import ContentFile

from amity.accounts.choices import Role
from amity.accounts.models import User
from amity.emulation import models
from amity.emulation.models.awards import ProposalState

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
YEAR = 2026


def award_form(orgs, code="BK-LH", **values):
    defaults = {
        "name_vi": "Bằng khen của Liên hiệp",
        "name_en": "Certificate of merit of VUFO",
        "level": "union",
        "nominee_kinds": "collective,person,foreign_person,foreign_organization",
        "required_documents": "submission",
        "min_interval_years": 2,
        **values,
    }
    form, _created = models.AwardForm.objects.get_or_create(
        organization=orgs.central, code=code, defaults=defaults
    )
    return form


def proposal(orgs, owner, *, form=None, year=YEAR, state=ProposalState.DRAFT, **nominee):
    nominee = nominee or {"nominee_organization": owner}
    return models.AwardProposal.objects.create(
        organization=owner,
        award_form=form or award_form(orgs),
        year=year,
        achievements="Hoàn thành xuất sắc nhiệm vụ",
        state=state,
        **nominee,
    )


def document(record, kind="submission", name="to-trinh.pdf"):
    return models.AwardDocument.objects.create(
        proposal=record, kind=kind, file=ContentFile(PDF, name=name)
    )


def member_user(owner, suffix=""):
    user, _created = User.objects.get_or_create(
        username=f"council-{owner.pk}{suffix}",
        defaults={"organization": owner, "role": Role.UNIT_OFFICER},
    )
    return user


def seat(owner, user, year=YEAR, role="member"):
    return models.CouncilMember.objects.create(organization=owner, year=year, user=user, role=role)


def pdf_upload(name="ho-so.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, PDF, content_type="application/pdf")
