"""`amity demo`: the proposals of the 2024 conference with their answers, the Charter
consultation with responses from part of the Unions."""

from amity.accounts.models import User
from amity.proposals import services
from amity.proposals.choices import AnswerState
from amity.proposals.models import Consultation, Proposal


def test_proposals_demo_data_set(shared_demo):
    assert "amity.proposals.demo:" in shared_demo
    proposals = Proposal.objects.all()
    assert not proposals.exclude(notes__contains="[demo]").exists()
    quoted = proposals.filter(raised_on="2024-04-19")
    unions = set(quoted.values_list("organization__external_ref", flat=True))
    assert {
        "demo-org-danang",
        "demo-org-binhduong",
        "demo-org-hochiminh",
        "demo-org-dongnai",
        "demo-org-dongthap",
    } <= unions
    danang = quoted.get(organization__external_ref="demo-org-danang")
    assert "118" in danang.text and "45/2010" in danang.answer_text
    assert danang.answer_state == AnswerState.PUBLISHED and danang.answer_approved_by_id
    assert danang.event is not None and danang.event.start.isoformat() == "2024-04-19"
    # the Charter consultation: open, part of the Unions have answered, Ha Noi has not
    charter = Consultation.objects.get()
    rows = services.tracker(charter)
    answered = [row for row in rows if row["response"]]
    assert 0 < len(answered) < len(rows)
    hanoi = User.objects.get(username="hanoi")
    assert hanoi.organization in [row["organization"] for row in rows if not row["response"]]
    central = User.objects.get(username="central")
    result = services.synthesis(charter, central)
    assert len(result.organizations) == len(answered)
    assert {cell.position for cell in result.cells.values()} == {"agree", "disagree", "amend"}
