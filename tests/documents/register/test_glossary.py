"""The glossary: seeded from the code's choices, read by `term`, edited by the centre."""

import pytest
from django.utils import translation

from amity.documents import glossary
from amity.documents.models import Term

pytestmark = pytest.mark.django_db


def test_the_seed_holds_every_code_of_the_seeded_choices():
    Term.all_objects.all().delete()
    added = glossary.seed_terms()
    keys = set(Term.objects.values_list("key", flat=True))
    assert added == len(keys)
    assert {"organization_kind.provincial_union", "position_title.president"} <= keys
    assert "document_type.decision" in keys
    decision = Term.objects.get(key="document_type.decision")
    assert (decision.vi, decision.en, decision.organization) == ("Quyết định", "Decision", None)
    assert glossary.seed_terms() == 0  # nothing twice


def test_an_edited_term_is_kept_by_a_new_seed():
    glossary.seed_terms()
    Term.objects.filter(key="document_type.plan").update(vi="Kế hoạch công tác")
    glossary.seed_terms()
    with translation.override("vi"):
        assert glossary.term("document_type.plan") == "Kế hoạch công tác"


def test_a_term_reads_in_the_language_of_the_request():
    glossary.seed_terms()
    with translation.override("vi"):
        assert glossary.document_type_name("invitation") == "Giấy mời"
    with translation.override("en"):
        assert glossary.document_type_name("invitation") == "Invitation"


def test_a_code_without_a_term_reads_its_label_in_the_code():
    Term.all_objects.all().delete()
    with translation.override("en"):
        assert glossary.term("document_type.notice") == "Notice"
        assert glossary.term("unknown.thing") == "thing"
        assert glossary.names("document_type")["report"] == "Report"


def test_the_glossary_page_filters_and_exports(client, orgs, users, login):
    glossary.seed_terms()
    login(users.hanoi)
    response = client.get("/documents/glossary/", {"category": "document_type"})
    keys = {row.record.key for row in response.context["table"].paginated_rows}
    assert keys == {
        f"document_type.{code}"
        for code in (
            "decision",
            "official_letter",
            "report",
            "plan",
            "notice",
            "invitation",
            "certificate",
            "other",
        )
    }
    export = client.get("/documents/glossary/", {"category": "position_title", "export": "xlsx"})
    assert export.status_code == 200
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_a_unit_officer_may_not_edit_the_systems_terms(client, orgs, users, login):
    glossary.seed_terms()
    term = Term.objects.get(key="document_type.decision")
    login(users.hanoi)
    assert client.get(f"/documents/glossary/{term.pk}/").status_code == 200
    assert client.get(f"/documents/glossary/{term.pk}/edit/").status_code == 403


def test_templates_read_a_term_by_its_key():
    from django.template import Context, Template

    glossary.seed_terms()
    Term.objects.filter(key="document_type.notice").update(en="Announcement")
    page = Template('{% load glossary_terms %}{% term "document_type.notice" %}')
    with translation.override("en"):
        assert page.render(Context()) == "Announcement"
    with translation.override("vi"):
        assert page.render(Context()) == "Thông báo"
