"""Awards and the yearly review in a real browser, as the demo users, in Vietnamese and English,
on a laptop and on a phone: the proposals board, a proposal carried through its workflow by
different users (submit → vote → review → decide), a decision with its Word download, a
partner's honours, the review year and the dormant board."""

import re

import pytest
from playwright.sync_api import expect

from e2e.conftest import scrolls_sideways, signed_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _proposal(state, **filters):
    from amity.emulation.models import AwardProposal

    return AwardProposal.objects.filter(state=state, **filters).order_by("pk").first()


def _second_central_officer():
    """A second officer of the centre, to decide what the central officer reviewed (the admin's
    log-in asks for a second factor)."""
    from amity.accounts.models import User

    central = User.objects.get(username="central")
    user = User.objects.create_user(
        "central2", password="amity-demo", organization=central.organization, role=central.role
    )
    return user


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_board_the_decision_and_the_honours_as_the_centre(
    browser, live_server, demo_data, language
):
    from amity.emulation.models import AwardDecision

    context, visit = signed_in(browser, live_server.url, "central", language)
    page = visit.go("/emulation/award-proposals/board/")
    expect(page.locator("main section.col")).to_have_count(5)
    assert not scrolls_sideways(page)
    visit.screenshot(f"90-awards-board-{language}")
    decision = AwardDecision.objects.get(award_form__code="KNC-HBHN")
    page = visit.go(decision.get_absolute_url())
    expect(page.locator("#recipients-title")).to_be_visible()
    expect(page.locator("main table tbody tr")).to_have_count(3)
    visit.screenshot(f"91-award-decision-{language}")
    with page.expect_download() as download:
        page.click(f"a[href$='/award-decisions/{decision.pk}/decision.docx']")
    assert download.value.suggested_filename == f"decision-{decision.pk}.docx"
    assert download.value.path().read_bytes()[:2] == b"PK"
    contact = decision.recipients.filter(nominee_contact__isnull=False).first().nominee_contact
    page = visit.go(f"/emulation/honours/partner/{contact.partner_id}/")
    visit.screenshot(f"92-partner-honours-{language}")
    page = visit.go(f"/emulation/honours/contact/{contact.pk}/")
    expect(page.locator("main")).to_contain_text(str(decision.number))
    visit.screenshot(f"93-contact-honours-{language}")
    page = visit.go("/emulation/reviews/year/")
    expect(page.locator("main table tbody tr").first).to_be_visible()
    visit.screenshot(f"94-review-year-{language}")
    page = visit.go("/emulation/reviews/dormant/")
    visit.screenshot(f"95-review-dormant-{language}")
    assert not visit.foreign_hosts
    context.close()


def test_a_proposal_through_its_workflow_by_different_users(
    browser, live_server, demo_data, tmp_path
):
    from amity.emulation.models import AwardDecision

    draft = _proposal("draft", organization__name__icontains="Hà Nội")
    draft = draft or _proposal("draft")
    submission = tmp_path / "to-trinh.pdf"
    submission.write_bytes(PDF)
    # Ha Noi completes the dossier and submits it
    context, visit = signed_in(browser, live_server.url, "hanoi", "vi")
    page = visit.go(draft.get_absolute_url())
    for kind in ("submission", "achievements"):
        page.select_option("#doc-kind", kind)
        page.set_input_files("#doc-file", str(submission))
        with page.expect_navigation():
            page.click("form[action$='/documents/'] button[type=submit]")
        expect(page.locator(".alert-success")).to_be_visible()
    visit.screenshot("96-award-proposal-dossier")
    with page.expect_navigation():
        page.click("form[action$='/submit/'] button[type=submit]")
    expect(page.locator(".alert-success")).to_be_visible()
    draft.refresh_from_db()
    assert draft.state == "submitted"
    context.close()
    # the central officer, on the council, votes for it, then closes the review of another one
    context, visit = signed_in(browser, live_server.url, "central", "en")
    page = visit.go(draft.get_absolute_url())
    page.select_option("#vote-choice", "for")
    page.fill("#vote-note", "Đồng ý 👍")
    with page.expect_navigation():
        page.click("form[action$='/vote/'] button[type=submit]")
    expect(page.locator(".alert-success")).to_contain_text("Your vote was recorded.")
    expect(page.locator("main")).to_contain_text("Đồng ý 👍")
    submitted = _proposal(
        "submitted", award_form__code="BK-LH", organization__users__username="hanoi"
    )
    submitted = submitted or _proposal("submitted", award_form__code="BK-LH")
    page = visit.go(submitted.get_absolute_url())
    page.fill("#review-note", "Hội đồng nhất trí.")
    with page.expect_navigation():
        page.click("form[action$='/review/'] button[type=submit]")
    expect(page.locator(".alert-success")).to_be_visible()
    visit.screenshot("97-award-proposal-reviewed")
    submitted.refresh_from_db()
    assert submitted.state == "reviewed"
    # the same officer may not decide what it reviewed: the decision page says so
    decision = AwardDecision.objects.get(award_form__code="BK-LH")
    page = visit.go(decision.get_absolute_url())
    page.check(f"input[name=proposals][value='{submitted.pk}']")
    with page.expect_navigation():
        page.click("form[action$='/decide/'] button[type=submit]")
    expect(page.locator(".alert-danger")).to_be_visible()
    submitted.refresh_from_db()
    assert submitted.state == "reviewed"
    context.close()
    # another officer of the centre decides it
    _second_central_officer()
    context, visit = signed_in(browser, live_server.url, "central2", "vi")
    page = visit.go(decision.get_absolute_url())
    page.check(f"input[name=proposals][value='{submitted.pk}']")
    with page.expect_navigation():
        page.click("form[action$='/decide/'] button[type=submit]")
    expect(page.locator(".alert-success")).to_be_visible()
    visit.screenshot("98-award-decision-decided")
    submitted.refresh_from_db()
    assert submitted.state == "decided"
    assert submitted.decision_id == decision.pk
    assert not visit.foreign_hosts
    context.close()


@pytest.mark.parametrize("username", ["central", "hanoi", "danang", "viewer"])
def test_the_emulation_pages_on_a_phone(browser, live_server, demo_data, username):
    from amity.emulation.models import AwardDecision, AwardProposal

    language = "en" if username == "danang" else "vi"
    context, visit = signed_in(browser, live_server.url, username, language, phone=True)
    pages = [
        ("board", "/emulation/award-proposals/board/"),
        ("proposals", "/emulation/award-proposals/"),
        ("decisions", "/emulation/award-decisions/"),
        ("review-year", "/emulation/reviews/year/"),
        ("dormant", "/emulation/reviews/dormant/"),
        ("reviews", "/emulation/reviews/"),
    ]
    from amity.accounts.models import User

    user = User.objects.get(username=username)
    proposal = AwardProposal.objects.visible_to(user).order_by("pk").first()
    if proposal is not None:
        pages.append(("proposal", proposal.get_absolute_url()))
    decision = AwardDecision.objects.visible_to(user).order_by("pk").first()
    if decision is not None:
        pages.append(("decision", decision.get_absolute_url()))
    overflowing = []
    for name, path in pages:
        page = visit.go(path)
        assert page.locator("main").count() == 1, path
        visit.screenshot(f"99-emulation-phone-{username}-{name}")
        if scrolls_sideways(page):
            overflowing.append(name)
    assert overflowing == []
    assert not visit.foreign_hosts
    context.close()


def test_the_honours_tab_and_the_flag_proposal(browser, live_server, demo_data):
    """A foreign friend's honours are a tab of the partner's page; the leader of a cluster is
    proposed for the emulation flag from the cluster's board, the proposal form filled in."""
    from amity.emulation.models import AwardDecision, Cluster
    from amity.emulation.scoring_services import cluster_result

    context, visit = signed_in(browser, live_server.url, "central", "en")
    decision = AwardDecision.objects.get(award_form__code="KNC-HBHN")
    contact = decision.recipients.filter(nominee_contact__isnull=False).first().nominee_contact
    page = visit.go(f"/partners/partners/{contact.partner_id}/")
    page.get_by_role("link", name="Honours", exact=True).click()
    expect(page.locator("#honours")).to_contain_text(str(decision.number))
    expect(page.locator("#honours")).to_contain_text(contact.full_name)
    assert not scrolls_sideways(page)
    visit.screenshot("96-partner-honours-tab-en")
    cluster = next(
        cluster
        for cluster in Cluster.objects.order_by("-year", "pk")
        if cluster_result(cluster).leader is not None
    )
    leader = cluster_result(cluster).leader
    page = visit.go(cluster.get_absolute_url())
    page.locator("#propose-flag").click()
    page.wait_for_url("**/emulation/award-proposals/add/?**")
    expect(page.locator("textarea[name=achievements]")).to_have_value(
        re.compile(rf"^Ranked first of \d+ units of {re.escape(cluster.name)} in the emulation")
    )
    expect(page.locator("select[name=nominee_organization]")).to_have_value(
        str(leader.organization_id)
    )
    visit.screenshot("97-flag-proposal-en")
    assert not visit.foreign_hosts
    context.close()
