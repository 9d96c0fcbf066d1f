"""The drafts the domains offer, through the template library and into the register: an
agreement's letter and an orientation's covering letter, each from its own page's "Documents"
tab to a numbered entry whose Word file says what the record says."""

import io

import pytest
from docx import Document

from amity.documents.models import RegisterEntry, RegisterFile
from tests.agreements import builders as agreements
from tests.documents.orientations import builders as orientations

pytestmark = pytest.mark.django_db


def _text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def _draft_and_issue(client, record, draft_url, expected_in_subject):
    tab = client.get(f"{record.get_absolute_url()}?tab=documents")
    assert tab.status_code == 200
    assert draft_url in tab.content.decode()  # the tab offers the draft
    page = client.get(draft_url)
    assert page.status_code == 200
    subject = page.context["form"].initial["subject"]
    assert expected_in_subject in subject
    unnumbered = client.post(draft_url, {**page.context["form"].initial, "action": "download"})
    assert unnumbered.status_code == 200
    assert subject in _text(unnumbered.content)
    assert RegisterEntry.objects.count() == 0  # a draft downloaded is not issued
    issued = client.post(draft_url, {**page.context["form"].initial, "action": "issue"})
    entry = RegisterEntry.objects.get()
    assert issued.status_code == 302 and entry.source == record
    stored = RegisterFile.objects.get(entry=entry)
    with stored.file.open("rb") as handle:
        written = _text(handle.read())
    assert subject in written and entry.reference in written
    return entry


def test_an_agreement_is_drafted_and_issued_from_its_page(client, orgs, users, login):
    agreement = agreements.agreement(orgs.hanoi, title_vi="Thỏa thuận với Quỹ Hòa Bình")
    login(users.hanoi)
    url = f"/documents/draft/agreements/agreement/{agreement.pk}/"
    entry = _draft_and_issue(client, agreement, url, "Thỏa thuận với Quỹ Hòa Bình")
    assert entry.organization == orgs.hanoi and entry.number == 1
    login(users.danang)  # another branch sees neither the agreement nor its draft
    assert client.get(url).status_code == 404


def test_an_orientation_is_sent_with_a_covering_letter(client, orgs, users, login):
    orientation = orientations.orientation(orgs.central, title="Định hướng công tác năm 2030")
    orientations.task(orientation, 1, title="Tăng cường hợp tác với Lào")
    login(users.central)
    url = f"/documents/draft/documents/orientation/{orientation.pk}/"
    entry = _draft_and_issue(client, orientation, url, "2030")
    assert entry.organization == orgs.central
