"""The generic view, import/export, API and filter tests of the awards' models."""

from datetime import date

from amity.accounts.models import User
from amity.emulation import models
from amity.emulation.models.awards import ProposalState
from amity.emulation.views import awards as views
from amity.organizations.models import Person
from amity.partners.choices import PartnerKind
from amity.partners.models import Contact, Partner, RelationshipHolder
from tests.emulation import awards_builders as build
from tests.filtersets import Case, FilterSetTestCase
from tests.generic import ModelTestCase

API = "/api/emulation"


class TestAwardForm(ModelTestCase):
    views = views.AwardFormViews
    api_url = f"{API}/award-forms/"
    edit_field = "name_en"
    edit_value = "Certificate of merit"
    bad_import = {"min_interval_years": "abc"}
    api_bad_data = {"level": "galactic"}

    def build(self, orgs, owner, index=0):
        return models.AwardForm(
            organization=owner,
            code=f"AF-{index}",
            name_vi=f"Giấy khen {index}",
            level="union",
            nominee_kinds="collective",
        )

    def form_data(self, orgs):
        return {
            "organization": orgs.hanoi.pk,
            "code": "GK-HN",
            "name_vi": "Giấy khen của Liên hiệp Hà Nội",
            "level": "union",
            "proposer_kinds": "local_member",
            "nominee_kinds": "collective, person",
            "required_documents": "submission",
            "min_interval_years": 1,
        }

    def expected(self, orgs):
        return {
            "organization": orgs.hanoi,
            "code": "GK-HN",
            "nominee_kinds": "collective, person",
            "min_interval_years": 1,
        }


class TestAwardProposal(ModelTestCase):
    views = views.AwardProposalViews
    api_url = f"{API}/award-proposals/"
    edit_field = "achievements"
    edit_value = "Tổ chức thành công Đại hội"
    bad_import = {"year": "abc"}
    api_bad_data = {"year": "abc"}

    def build(self, orgs, owner, index=0):
        return models.AwardProposal(
            organization=owner,
            award_form=build.award_form(orgs),
            year=build.YEAR,
            nominee_organization=owner,
            achievements=f"Thành tích {index}",
        )

    def form_data(self, orgs):
        return {
            "organization": orgs.hanoi.pk,
            "award_form": build.award_form(orgs).pk,
            "year": 2026,
            "nominee_organization": orgs.hanoi_member.pk,
            "achievements": "Dẫn đầu cụm thi đua",
        }

    def expected(self, orgs):
        return {
            "organization": orgs.hanoi,
            "nominee_organization": orgs.hanoi_member,
            "year": 2026,
            "state": ProposalState.DRAFT,
        }


class TestAwardDocument(ModelTestCase):
    views = views.AwardDocumentViews
    api_url = f"{API}/award-documents/"
    edit_field = "title"
    edit_value = "Tờ trình đề nghị khen thưởng"
    bad_import = {"kind": "nonsense"}
    api_bad_data = {"kind": "nonsense"}

    def build(self, orgs, owner, index=0):
        from django.core.files.base import ContentFile

        return models.AwardDocument(
            proposal=build.proposal(orgs, owner),
            kind="submission",
            title=f"Tệp {index}",
            file=ContentFile(build.PDF, name=f"tep-{index}.pdf"),
        )

    def form_data(self, orgs):
        self.proposal = build.proposal(orgs, orgs.hanoi)
        return {
            "proposal": self.proposal.pk,
            "kind": "achievements",
            "title": "Báo cáo thành tích",
            "upload": build.pdf_upload("bao-cao.pdf"),
        }

    def expected(self, orgs):
        return {
            "proposal": self.proposal,
            "kind": "achievements",
            "original_name": "bao-cao.pdf",
            "size": len(build.PDF),
        }

    def api_data(self, orgs):
        data = self.form_data(orgs)
        data.pop("upload")
        return data

    def edit_post(self, record, orgs, **overrides):
        data = super().edit_post(record, orgs, **overrides)
        data.pop("upload")  # the file stays as it is
        return data

    def test_api_creates_with_history(self, client, orgs, users, login):
        """A file travels as multipart form data, not JSON."""
        login(users.hanoi)
        data = self.form_data(orgs)
        data["file"] = data.pop("upload")
        response = client.post(self.api_url, data)
        assert response.status_code == 201, response.json()
        record = self.model.objects.get(pk=response.json()["id"])
        for attribute, value in self.expected(orgs).items():
            assert getattr(record, attribute) == value, attribute
        assert record.history.get().history_user == users.hanoi


class TestCouncilMember(ModelTestCase):
    views = views.CouncilMemberViews
    api_url = f"{API}/council-members/"
    edit_field = "role"
    edit_value = "secretary"
    bad_import = {"year": "abc"}
    api_bad_data = {"year": 1800}

    def build(self, orgs, owner, index=0):
        # a year the schema allows (1950-2100) and, past 150 records, another member
        seat_holder = build.member_user(owner, f"-{index // 150}" if index >= 150 else "")
        return models.CouncilMember(
            organization=owner, year=1950 + index % 150, user=seat_holder, role="member"
        )

    def form_data(self, orgs):
        self.user = build.member_user(orgs.hanoi, "-new")
        return {"organization": orgs.hanoi.pk, "year": 2026, "user": self.user.pk, "role": "chair"}

    def expected(self, orgs):
        return {"organization": orgs.hanoi, "year": 2026, "user": self.user, "role": "chair"}


class TestAwardVote(ModelTestCase):
    views = views.AwardVoteViews
    api_url = f"{API}/award-votes/"
    edit_field = "choice"
    edit_value = "against"
    bad_import = {"choice": "maybe"}
    api_bad_data = {"choice": "maybe"}

    def member_of(self, owner):
        user = build.member_user(owner)
        found = models.CouncilMember.objects.filter(organization=owner, user=user).first()
        return found or build.seat(owner, user)

    def build(self, orgs, owner, index=0):
        return models.AwardVote(
            proposal=build.proposal(orgs, owner, state=ProposalState.SUBMITTED),
            member=self.member_of(owner),
            choice="for",
            note=f"Ý kiến {index}",
        )

    def form_data(self, orgs):
        self.proposal = build.proposal(orgs, orgs.hanoi, state=ProposalState.SUBMITTED)
        self.member = self.member_of(orgs.hanoi)
        return {
            "proposal": self.proposal.pk,
            "member": self.member.pk,
            "choice": "abstain",
            "note": "Cần bổ sung hồ sơ",
        }

    def expected(self, orgs):
        return {"proposal": self.proposal, "member": self.member, "choice": "abstain"}


class TestAwardDecision(ModelTestCase):
    views = views.AwardDecisionViews
    api_url = f"{API}/award-decisions/"
    edit_field = "signer_name"
    edit_value = "Nguyễn Phương Nga"
    bad_import = {"decided_on": "31/02/2026"}
    api_bad_data = {"decided_on": "not a date"}

    def build(self, orgs, owner, index=0):
        return models.AwardDecision(
            organization=owner,
            award_form=build.award_form(orgs),
            number=f"{index + 1}/QĐ",
            decided_on=date(2026, 5, 1),
            signer_name="Phan Anh Sơn",
        )

    def form_data(self, orgs):
        return {
            "organization": orgs.hanoi.pk,
            "award_form": build.award_form(orgs).pk,
            "number": "15/QĐ-LHHN",
            "decided_on": "12/05/2026",
            "signer_name": "Phan Anh Sơn",
            "signer_position": "Chủ tịch",
        }

    def api_data(self, orgs):
        return {**self.form_data(orgs), "decided_on": "2026-05-12"}

    def expected(self, orgs):
        return {
            "organization": orgs.hanoi,
            "number": "15/QĐ-LHHN",
            "decided_on": date(2026, 5, 12),
        }


# --- filters -------------------------------------------------------------------------------------


class TestAwardFormFilters(FilterSetTestCase):
    model_case = TestAwardForm
    not_filtered = {}


def other_form(record):
    return models.AwardForm.objects.create(
        organization=record.award_form.organization,
        code="KNC",
        name_vi="Kỷ niệm chương",
        level="union",
        nominee_kinds="person",
    )


def nominee_case(field, make):
    """`a` nominates another kind of nominee (made by `make`), `b` keeps its organization."""

    def case(self, orgs, a, b):
        nominee = make(a)
        self.set(a, nominee_organization=None, **{field: nominee})
        return Case({field: str(nominee.pk)}, [a])

    return case


def friend(record):
    partner = Partner.objects.create(kind=PartnerKind.NGO, name="Friends of Viet Nam")
    RelationshipHolder.objects.create(partner=partner, organization=record.organization)
    return Contact.objects.create(partner=partner, full_name="Mohamed Fouad")


def decision_case(self, orgs, a, b):
    record = models.AwardDecision.objects.create(
        organization=orgs.central,
        award_form=a.award_form,
        number="1/QĐ",
        decided_on=date(2026, 5, 1),
        signer_name="Phan Anh Sơn",
    )
    self.set(a, decision=record, state=ProposalState.DECIDED)
    return Case({"decision": str(record.pk)}, [a])


class TestAwardProposalFilters(FilterSetTestCase):
    model_case = TestAwardProposal
    links = {"award_form": other_form}
    cases = {
        "nominee_person": nominee_case(
            "nominee_person",
            lambda a: Person.objects.create(full_name="Nguyễn Văn A", organization=a.organization),
        ),
        "nominee_contact": nominee_case("nominee_contact", friend),
        "nominee_partner": nominee_case("nominee_partner", lambda a: friend(a).partner),
        "decision": decision_case,
    }
    not_filtered = {
        "submitted_by": "who took a step is on the proposal's page and in its history",
        "reviewed_by": "who took a step is on the proposal's page and in its history",
        "decided_by": "who took a step is on the proposal's page and in its history",
    }


class TestAwardDocumentFilters(FilterSetTestCase):
    model_case = TestAwardDocument


class TestCouncilMemberFilters(FilterSetTestCase):
    model_case = TestCouncilMember


class TestAwardVoteFilters(FilterSetTestCase):
    model_case = TestAwardVote


class TestAwardDecisionFilters(FilterSetTestCase):
    model_case = TestAwardDecision
    links = {"award_form": other_form}
    not_filtered = {"revoked_by": "a revoked decision is read with its reason on its page"}


__all__ = ["User"]
