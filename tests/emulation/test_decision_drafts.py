"""An award decision drafted from its page's "Documents" tab: the deciding organization's
decision on awarding the form, its legal bases and recipients, downloaded unnumbered, and on
issue numbered in that organization's register with the Word file stored."""

from datetime import date

import pytest
from django.utils import translation

from amity.documents.models import RegisterEntry, RegisterFile
from amity.emulation import award_services, decision_drafts
from amity.emulation.models import Regulation
from tests.documents.register.test_drafts_of_domains import _text
from tests.emulation.test_awards import decision, reviewed

pytestmark = pytest.mark.django_db
# the decision's page with its tab, and the draft page (measured: 8 and 10)
TAB_QUERIES = 10
PAGE_QUERIES = 12


@pytest.fixture
def decided(orgs, users):
    proposal = reviewed(orgs, users)
    record = decision(orgs)
    regulation = Regulation.objects.create(
        organization=orgs.central,
        code="QC-TDKT",
        title_vi="Quy chế thi đua, khen thưởng",
        title_en="Emulation and award regulations",
        decision_number="12/QĐ-LHHN",
        decided_on=date(2025, 3, 1),
        effective_from=date(2025, 3, 1),
    )
    record.award_form.regulations.add(regulation)
    award_services.decide(record, [proposal], by=users.admin)
    record.refresh_from_db()
    return record


def test_the_decision_is_drafted_and_issued_from_its_page(
    client, orgs, users, login, decided, django_assert_max_num_queries
):
    url = f"/documents/draft/emulation/awarddecision/{decided.pk}/"
    login(users.central)
    with django_assert_max_num_queries(TAB_QUERIES):
        tab = client.get(f"{decided.get_absolute_url()}?tab=documents")
    assert tab.status_code == 200 and url in tab.content.decode()  # the tab offers the draft
    with django_assert_max_num_queries(PAGE_QUERIES):
        page = client.get(url)
    assert page.status_code == 200
    initial = page.context["form"].initial
    subject = initial["subject"]
    assert subject == "On awarding Certificate of merit of VUFO, year 2026"
    assert subject in page.content.decode()
    names = [str(proposal.nominee_label) for proposal in decided.recipients.all()]
    assert names == ["Ha Noi Union"]

    unnumbered = client.post(url, {**initial, "action": "download"})
    assert unnumbered.status_code == 200
    draft_text = _text(unnumbered.content)
    assert subject in draft_text
    assert (
        "Pursuant to the Emulation and award regulations issued with Decision No. "
        "12/QĐ-LHHN of 01/03/2025;" in draft_text
    )
    assert "Article 3. The Office" in draft_text
    assert RegisterEntry.objects.count() == 0  # a draft downloaded is not issued

    issued = client.post(url, {**initial, "action": "issue"})
    entry = RegisterEntry.objects.get()
    assert issued.status_code == 302 and entry.source == decided
    assert entry.organization == orgs.central and entry.number == 1
    assert entry.document_type == "decision" and entry.subject == subject
    with RegisterFile.objects.get(entry=entry).file.open("rb") as handle:
        written = _text(handle.read())
    assert subject in written and entry.reference in written
    for name in names:
        assert f"1. {name}: Hoàn thành xuất sắc nhiệm vụ" in written


def test_another_branch_sees_neither_the_decision_nor_its_draft(client, users, login, decided):
    login(users.danang)
    assert client.get(f"/documents/draft/emulation/awarddecision/{decided.pk}/").status_code == 404
    assert client.get(decided.get_absolute_url()).status_code == 404
    assert RegisterEntry.objects.count() == 0


def test_the_draft_in_vietnamese(decided, orgs):
    with translation.override("vi"):
        draft = decision_drafts.draft(decided)
    assert draft.kind == "decision" and draft.issuer == orgs.central
    assert draft.subject == "Về việc khen thưởng Bằng khen của Liên hiệp năm 2026"
    assert draft.paragraphs == [
        "Căn cứ Quy chế thi đua, khen thưởng ban hành kèm theo Quyết định số 12/QĐ-LHHN "
        "ngày 01/03/2025;",
        "Điều 1. Tặng Bằng khen của Liên hiệp cho 1 đối tượng sau:",
        f"1. {orgs.hanoi.name}: Hoàn thành xuất sắc nhiệm vụ",
        draft.paragraphs[3],
        "Điều 3. Văn phòng, các tổ chức đề nghị khen thưởng và các tập thể, cá nhân có tên "
        "tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
    ]
    assert draft.paragraphs[3].startswith("Điều 2.")
    assert draft.recipients == ["Như Điều 3", orgs.hanoi.name, "Lưu: VT"]
    assert (draft.signer_name, draft.on) == ("Phan Anh Sơn", date(2026, 5, 1))
