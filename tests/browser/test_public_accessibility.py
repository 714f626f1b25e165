"""Every public page type in a real headless Chromium, checked with axe-core.

Run against the demo content, at desktop width (1280 px) and at the narrowest
phone width WCAG asks for (320 px).
"""

import pytest

from tests.public_pages import ERROR_STATUS, demo_council, public_page_paths

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("django_db_serialized_rollback"),
]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ERROR_PAGES = set(ERROR_STATUS)


@pytest.fixture
def public_pages(live_server, settings):
    """Name -> absolute URL of one page of every public type, demo content."""
    settings.ROOT_URLCONF = "tests.browser.urls"
    paths = public_page_paths(demo_council())
    # The live server answers for every site.
    return {name: live_server.url + path for name, path in paths.items()}


def _violations_report(url, violations):
    lines = [f"{url}:"]
    for violation in violations:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"  {violation['id']} ({violation['impact']}): {targets}")
    return "\n".join(lines)


def _visit(tab, name, url):
    answer = tab.goto(url)
    expected = ERROR_STATUS.get(name, 200)
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
        if name not in ("server_error", "hearing_response_poster", "meeting_poster"):
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


def test_every_public_page_fits_with_text_at_200_percent(public_pages, open_page):
    tab = open_page(1280)
    # The browser's own text size setting, doubled (16 px -> 32 px): WCAG
    # 1.4.4, text resized without loss of content.
    session = tab.context.new_cdp_session(tab)
    session.send("Page.enable")
    session.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    for name, url in public_pages.items():
        _visit(tab, name, url)
        width = tab.evaluate("document.scrollingElement.scrollWidth")
        assert width <= 1280, f"{url} is {width} px wide with text at 200 %"
        assert tab.evaluate(STICKING_OUT) == [], url
