"""axe-core on the main pages, in both languages, as the central officer and a unit officer.

The test fails on any `serious` or `critical` violation and prints each one: the rule, the page,
the elements and axe's hint of the fix. One demo database and one signed-in browser per user and
language serve every page.
"""

import pytest

from e2e.conftest import ARTIFACTS, axe_violations, signed_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Violations in templates this pass does not own, known and reported to their owners: a
# (page, rule) pair here is not a failure. Remove a pair once its template is fixed.
KNOWN_VIOLATIONS: set[tuple[str, str]] = set()


def main_pages(username):
    """(name, path) of the pages checked for `username`, with records it may see."""
    from amity.accounts.models import User
    from amity.partners.models import Partner

    user = User.objects.get(username=username)
    visible = Partner.objects.visible_to(user)
    partner = visible.order_by("pk").first()
    pages = [
        ("home", "/"),
        ("partner-list", "/partners/partners/"),
        ("partner-detail", partner.get_absolute_url()),
        ("partner-form", "/partners/partners/add/"),
        ("organizations-tree", "/organizations/"),
        ("aid-statistics", "/aid/statistics/"),
        ("submission-list", "/reporting/submissions/"),
        ("proposals-board", "/proposals/board/"),
        ("events-calendar", "/events/calendar/"),
        ("award-proposals-board", "/emulation/award-proposals/board/"),
        ("award-decisions", "/emulation/award-decisions/"),
        ("review-year", "/emulation/reviews/year/"),
        ("review-dormant", "/emulation/reviews/dormant/"),
        ("404", "/partners/partners/999999999/"),
    ]
    seen_only = visible.exclude(pk__in=Partner.objects.editable_by(user)).order_by("pk").first()
    pages.append(
        ("403", f"/partners/partners/{seen_only.pk}/edit/" if seen_only else "/core/trash/")
    )
    return pages


def test_main_pages_have_no_serious_accessibility_violations(browser, live_server, demo_data):
    failures = []
    for username in ("central", "hanoi"):
        pages = main_pages(username)
        for language in ("vi", "en"):
            # Playwright injects axe as an inline script, which the app's CSP would refuse.
            context, visit = signed_in(
                browser, live_server.url, username, language, bypass_csp=True
            )
            for name, path in pages:
                page = visit.go(path)
                page.wait_for_load_state("networkidle")
                for violation in axe_violations(page):
                    if (name, violation["id"]) in KNOWN_VIOLATIONS:
                        continue
                    nodes = "\n".join(
                        f"      {node['target']}\n        {node['fix']}".replace("\n  ", "\n      ")
                        for node in violation["nodes"][:5]
                    )
                    failures.append(
                        f"{name} ({username}, {language}) {path}: {violation['id']} "
                        f"[{violation['impact']}] {violation['help']}\n{nodes}"
                    )
            context.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "axe-violations.txt").write_text("\n\n".join(failures) + "\n")
    assert not failures, "\n\n".join(failures)
