"""What keyboard users and readers who enlarge the text rely on, in Chromium."""

import pytest

from tests.pages.conftest import hearing_index

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("django_db_serialized_rollback"),
]


@pytest.fixture
def site_url(live_server, council_a):
    return live_server.url


@pytest.fixture
def hearings_url(council_a):
    return hearing_index(council_a).url


def test_first_tab_reaches_the_skip_link_and_it_moves_focus_to_main(
    site_url, open_page
):
    tab = open_page(1280)
    tab.goto(site_url + "/")
    tab.keyboard.press("Tab")
    focused = tab.evaluate(
        "({cls: document.activeElement.className,"
        " text: document.activeElement.textContent.trim()})"
    )
    assert focused == {"cls": "skipnav", "text": "Gå til sidens indhold"}
    # It slides into view when focused (a short DKFDS transition).
    tab.wait_for_function(
        "() => document.activeElement.getBoundingClientRect().top >= 0",
        timeout=2_000,
    )
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.id") == "main-content"
    assert tab.url.endswith("#main-content")


def test_focus_is_visible_on_links(site_url, open_page):
    tab = open_page(1280)
    tab.goto(site_url + "/")
    tab.keyboard.press("Tab")
    outline = tab.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert outline[0] != "none" and outline[1] >= 2


def test_the_mobile_menu_opens_and_closes_with_the_keyboard(
    site_url, hearings_url, open_page
):
    tab = open_page(320)
    tab.goto(site_url + "/")
    menu_button = tab.get_by_role("button", name="Menu")
    menu_button.focus()
    tab.keyboard.press("Enter")
    drawer = tab.get_by_role("dialog", name="Menu")
    drawer.wait_for(state="visible")
    link = drawer.get_by_role("link", name="Høringssvar")
    assert link.is_visible()
    assert link.get_attribute("href") == hearings_url
    tab.keyboard.press("Escape")
    drawer.wait_for(state="hidden")
    assert tab.evaluate("document.activeElement.textContent.trim()") == "Menu"


@pytest.mark.parametrize("path", ["/", "/hoeringssvar/", "/soeg/?q=r%C3%A5d"])
def test_text_enlarged_to_200_percent_still_fits_without_sideways_scrolling(
    site_url, open_page, path
):
    tab = open_page(1280)
    # The browser's own text size setting, doubled (16 px -> 32 px).
    session = tab.context.new_cdp_session(tab)
    session.send("Page.enable")
    session.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    tab.goto(site_url + path)
    assert tab.evaluate("getComputedStyle(document.body).fontSize") == "32px"
    assert tab.evaluate("document.scrollingElement.scrollWidth") <= 1280
    heading_box = tab.locator("h1").bounding_box()
    assert heading_box["x"] >= 0 and heading_box["x"] + heading_box["width"] <= 1280
