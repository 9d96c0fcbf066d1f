"""`amity demo`: the awards of the demo federation, every state of the workflow, the insignia to
foreign friends among the demo partners' contacts."""

from amity.emulation.models import AwardDecision, AwardForm, AwardProposal


def test_awards_demo_data_set(shared_demo):
    assert "award forms" in shared_demo
    codes = set(AwardForm.objects.values_list("code", flat=True))
    assert codes == {"CTD-CP", "BK-TTG", "CTD-LH", "BK-LH", "KNC-HBHN"}
    states = set(AwardProposal.objects.values_list("state", flat=True))
    assert states == {"draft", "submitted", "reviewed", "decided", "refused"}
    insignia = AwardDecision.objects.get(award_form__code="KNC-HBHN")
    friends = insignia.recipients.filter(nominee_contact__isnull=False)
    assert friends.count() == 3
    for proposal in AwardProposal.objects.exclude(state="draft"):
        assert proposal.submitted_by_id != proposal.reviewed_by_id
        assert proposal.documents.count() == len(proposal.award_form.required_document_kinds)
    assert not AwardProposal.objects.exclude(notes__contains="[demo]").exists()
