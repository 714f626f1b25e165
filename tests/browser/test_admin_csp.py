"""The Content-Security-Policies are not too strict: a secretary's everyday
admin pages, the page editor included, load and work in Chromium without a
single CSP violation, and so do public pages with Wagtail's user bar.

To try a stricter admin policy, run this file with the environment variable
ADMIN_CONTENT_SECURITY_POLICY set to it (cms/settings/base.py reads it).
"""

import pytest
from django.conf import settings as django_settings

from tests.factories import TEST_PASSWORD, HearingFactory, HearingResponsePageFactory
from tests.pages.conftest import hearing_index

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("django_db_serialized_rollback"),
]

# Recorded in every page before its own scripts run.
LISTEN_FOR_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"}` +
    ` (${event.sourceFile}:${event.lineNumber}) ${event.sample}`
  );
});
"""


@pytest.fixture
def admin_pages(council_a, secretary_a):
    response = HearingResponsePageFactory(
        parent=hearing_index(council_a),
        hearing=HearingFactory(council=council_a, title="Høring om boliger"),
        title="Rådets svar om boliger",
    )
    hearing = response.hearing
    home = council_a.root_page.pk
    return {
        "dashboard": "/admin/",
        "explorer": f"/admin/pages/{home}/",
        "page editor": f"/admin/pages/{response.pk}/edit/",
        "new content page": f"/admin/pages/add/pages/contentpage/{home}/",
        "hearing editor": f"/admin/hearings/edit/{hearing.pk}/",
        "new hearing": "/admin/hearings/add/",
        "documents": "/admin/documents/",
        "images": "/admin/images/",
        "account": "/admin/account/",
    }


def log_in(tab, base_url, user):
    tab.goto(base_url + "/admin/login/")
    tab.fill("#id_username", user.username)
    tab.fill("#id_password", TEST_PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url(base_url + "/admin/")


def violations(tab):
    found = tab.evaluate("window.__cspViolations")
    refused = [p[:200] for p in tab.problems if "Content Security Policy" in p]
    return found + refused


def test_the_admin_works_under_its_csp(
    live_server, open_page, admin_pages, secretary_a
):
    tab = open_page(1280)
    tab.context.add_init_script(LISTEN_FOR_VIOLATIONS)
    log_in(tab, live_server.url, secretary_a)
    found = {}
    for name, path in admin_pages.items():
        response = tab.goto(live_server.url + path)
        assert response.status == 200, name
        assert response.headers["content-security-policy"] == (
            django_settings.ADMIN_CONTENT_SECURITY_POLICY
        )
        tab.wait_for_load_state("networkidle")
        if name == "page editor":
            exercise_the_editor(tab)
        found[name] = violations(tab)
        tab.problems.clear()

    report = [f"{name}: {v}" for name, vs in found.items() for v in vs]
    assert not report, "CSP violations:\n" + "\n".join(report)


def exercise_the_editor(tab):
    """Open the block menu of the body: it builds its markup in the page."""
    tab.locator("[data-streamfield-list-add], .c-sf-add-button").first.click()
    tab.wait_for_timeout(300)
    tab.keyboard.press("Escape")


def test_the_public_csp_holds_for_a_logged_in_secretary(
    live_server, open_page, council_a, secretary_a
):
    """Logged in, a public page also carries Wagtail's user bar (the edit
    link and its accessibility checker): the strict public CSP allows it."""
    response_page = HearingResponsePageFactory(
        parent=hearing_index(council_a),
        hearing=HearingFactory(council=council_a),
        title="Rådets svar om busser",
        published=True,
    )
    tab = open_page(1280)
    tab.context.add_init_script(LISTEN_FOR_VIOLATIONS)
    log_in(tab, live_server.url, secretary_a)
    found = {}
    for path in ("/", response_page.get_url_parts()[2]):
        response = tab.goto(live_server.url + path)
        assert response.headers["content-security-policy"] == (
            django_settings.CONTENT_SECURITY_POLICY
        )
        tab.wait_for_load_state("networkidle")
        assert tab.locator("wagtail-userbar").count() == 1, path
        tab.locator("wagtail-userbar").get_by_role("button").first.click()
        tab.wait_for_timeout(500)
        found[path] = violations(tab)
        tab.problems.clear()

    report = [f"{path}: {v}" for path, vs in found.items() for v in vs]
    assert not report, "CSP violations:\n" + "\n".join(report)
