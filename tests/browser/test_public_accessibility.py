"""Every public page type in a real headless Chromium, checked with axe-core.

Run against the demo content, at desktop width (1280 px) and at the narrowest
phone width WCAG asks for (320 px).
"""

import pytest

from cms.demo import demo_seed
from hearings.alert_links import confirm_token, unsubscribe_token
from hearings.models import (
    HearingIndexPage,
    HearingResponsePage,
    ResponseAlertSubscription,
)
from hearings.selectors import hearings_open
from pages.models import (
    AccessibilityStatementPage,
    ContentPage,
    MeetingIndexPage,
    MeetingPage,
)
from tests.factories import HearingFactory, HearingResponsePageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("django_db_serialized_rollback"),
]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ERROR_PAGES = {"not_found", "server_error", "alert_link_refused"}


def _response_page(site):
    """A live response of the council: the demo's, or one made here."""
    response = HearingResponsePage.objects.descendant_of(site.root_page).live().first()
    if response is None:
        index = HearingIndexPage.objects.child_of(site.root_page).get()
        response = HearingResponsePageFactory(
            parent=index,
            hearing=HearingFactory(council=site),
            title="Rådets svar om nye boliger",
            published=True,
        )
    return response


def _path(page):
    """The page's path on its site (the live server answers for every site)."""
    return page.get_url_parts()[2]


@pytest.fixture
def public_pages(live_server, settings):
    """Name -> absolute URL of one page of every public type, demo content."""
    settings.ROOT_URLCONF = "tests.browser.urls"
    site = demo_seed(password="browser-test-password", port=80).sites["eksempelby"]
    home = site.root_page
    response = _response_page(site)
    open_id = hearings_open(site=site)[0].pk
    meeting = MeetingPage.objects.descendant_of(home).live().exclude(minutes=[])
    index = _path(HearingIndexPage.objects.child_of(home).get())
    alert = ResponseAlertSubscription.objects.create(
        council=site, email="laeser@borger.dk", language="da"
    )
    confirm, unsubscribe = (
        confirm_token(subscription=alert),
        unsubscribe_token(subscription=alert),
    )
    paths = {
        "home": "/",
        "hearing_index": _path(HearingIndexPage.objects.child_of(home).get()),
        "hearing_response": _path(response),
        "hearing_response_poster": _path(response) + "opslag/",
        "hearing": _path(response.get_parent()) + f"hoering/{response.hearing_id}/",
        # "Skriv til rådet" on an open hearing: the form and the receipt.
        "citizen_input": _path(response.get_parent()) + f"hoering/{open_id}/skriv/",
        "citizen_input_sent": _path(response.get_parent())
        + f"hoering/{open_id}/skriv/tak/",
        "content": _path(ContentPage.objects.child_of(home).live().first()),
        "meeting_index": _path(MeetingIndexPage.objects.child_of(home).get()),
        "meeting": _path(meeting.first()),
        "accessibility_statement": _path(
            AccessibilityStatementPage.objects.child_of(home).get()
        ),
        "alert_subscribe": index + "abonnement/",
        "alert_sent": index + "abonnement/sendt/",
        "alert_confirm": index + f"abonnement/bekraeft/{confirm}/",
        "alert_link_refused": index + "abonnement/bekraeft/forkert/",
        "alert_unsubscribe": f"/abonnement/afmeld/{unsubscribe}/",
        "search_results": "/soeg/?q=r%C3%A5det",
        "search_empty": "/soeg/",
        # Nothing found: "Mente du: hjemløse?" as a link.
        "search_suggestion": "/soeg/?q=hjeml%C3%A6se",
        "not_found": "/denne-side-findes-ikke/",
        "server_error": "/test-fejl/",
    }
    return {name: live_server.url + path for name, path in paths.items()}


def _violations_report(url, violations):
    lines = [f"{url}:"]
    for violation in violations:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"  {violation['id']} ({violation['impact']}): {targets}")
    return "\n".join(lines)


def _visit(tab, name, url):
    answer = tab.goto(url)
    expected = {"not_found": 404, "server_error": 500, "alert_link_refused": 400}
    expected = expected.get(name, 200)
    assert answer.status == expected, f"{url} answered {answer.status}"
    tab.wait_for_load_state("load")


@pytest.mark.parametrize("width", [1280, 320])
def test_every_public_page_type_has_no_wcag_violations(public_pages, open_page, width):
    from axe_playwright_python.sync_playwright import Axe

    tab = open_page(width)
    axe = Axe()
    reports, problems = [], []
    for name, url in public_pages.items():
        _visit(tab, name, url)
        result = axe.run(tab, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        if result.response["violations"]:
            reports.append(_violations_report(url, result.response["violations"]))
        if name not in ERROR_PAGES:
            problems += [f"{url}: {text}" for text in tab.problems]
        tab.problems.clear()
    assert not reports, "axe found WCAG 2.1 AA violations:\n" + "\n".join(reports)
    assert not problems, "console errors (CSP?):\n" + "\n".join(problems)


def test_every_public_page_has_one_h1_lang_and_landmarks(public_pages, open_page):
    tab = open_page(1280)
    for name, url in public_pages.items():
        _visit(tab, name, url)
        assert tab.locator("h1").count() == 1, url
        assert tab.get_attribute("html", "lang") == "da", url
        assert tab.locator("main#main-content").count() == 1, url
        if name not in ("server_error", "hearing_response_poster"):
            assert tab.locator("header.header").count() == 1, url
            assert tab.locator("footer").count() == 1, url


# Elements that stick out on the right, which DKFDS' overflow-x: hidden on
# <body> would otherwise cut off without any scrollbar.
STICKING_OUT = """() => [...document.querySelectorAll("body *")]
  .filter(el => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.right > window.innerWidth + 0.5;
  })
  .map(el => `${el.tagName.toLowerCase()}.${el.className}`)"""


def test_nothing_scrolls_sideways_at_320_px(public_pages, open_page):
    tab = open_page(320)
    for name, url in public_pages.items():
        _visit(tab, name, url)
        width = tab.evaluate("document.scrollingElement.scrollWidth")
        assert width <= 320, f"{url} is {width} px wide at a 320 px viewport"
        assert tab.evaluate(STICKING_OUT) == [], url
