"""What a reader on a phone or a slow line notices first, in Chromium: the
list of responses is not pushed off the first screen by the filters, and the
text does not jump when the web font arrives late."""

import time

import pytest

from tests.factories import HearingFactory, HearingResponsePageFactory
from tests.pages.conftest import hearing_index

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("django_db_serialized_rollback"),
]

# Sums every layout shift the page makes that no input caused (the
# Cumulative Layout Shift of web.dev's Core Web Vitals).
MEASURE_SHIFTS = """
window.layoutShift = 0;
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (entry) {
    if (!entry.hadRecentInput) { window.layoutShift += entry.value; }
  });
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.fixture
def index_url(live_server, council_a):
    index = hearing_index(council_a)
    for number in range(3):
        HearingResponsePageFactory(
            parent=index,
            hearing=HearingFactory(council=council_a),
            title=f"Rådets svar nummer {number + 1} om boliger til hjemløse",
            published=True,
        )
    return live_server.url + index.url


def test_on_a_phone_the_filters_fold_behind_one_button(index_url, open_page):
    tab = open_page(320, 640)
    tab.goto(index_url)

    fold = tab.locator("details.response-filters")
    assert fold.evaluate("element => element.open") is False
    assert tab.locator("#results-heading").bounding_box()["y"] < 640
    tab.locator("details.response-filters > summary").click()
    assert tab.locator("#id_q").is_visible()
    assert tab.problems == []


def test_filters_in_use_stay_open_on_a_phone(index_url, open_page):
    tab = open_page(320, 640)
    tab.goto(index_url + "?decided=no")

    assert tab.locator("details.response-filters").evaluate("e => e.open") is True


def test_on_a_computer_the_filters_are_open(index_url, open_page):
    tab = open_page(1280, 900)
    tab.goto(index_url)

    assert tab.locator("details.response-filters").evaluate("e => e.open") is True


def _slow_font(route):
    # The font arrives a second after the page has been drawn, as on a slow
    # mobile line; the other requests are not held up.
    time.sleep(1.0)
    route.continue_()


@pytest.mark.parametrize("width", [1280, 320])
def test_a_late_web_font_moves_nothing_on_the_page(index_url, open_page, width):
    tab = open_page(width, 900)
    tab.add_init_script(MEASURE_SHIFTS)
    tab.route("**/*.woff2", _slow_font)
    tab.goto(index_url)
    tab.wait_for_timeout(2_500)

    assert tab.evaluate("window.layoutShift") < 0.01
