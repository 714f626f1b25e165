"""The annual plan in a real browser: printed on one A4 sheet with the wheel
and every month; on a phone the list alone, on a wide screen the wheel
beside it."""

import datetime
import io

import pytest

from tests.factories import HearingFactory
from tests.pages.test_annual_plan import YEAR, meeting_on, plan_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("django_db_serialized_rollback"),
]

A4_POINTS = (595, 842)


def _busy_year(council):
    """A full year: an entry in every month, two budget windows, meetings
    and hearing deadlines."""
    entries = [
        {
            "title": f"Rådets punkt i måned {month}",
            "starts_on": datetime.date(YEAR, month, 10),
            "kind": "budget" if month in (3, 9) else "council_event",
            "description": "En kort linje om, hvad der sker, og hvorfor.",
        }
        for month in range(1, 13)
    ]
    for month in (2, 5, 8, 11):
        meeting_on(council, datetime.date(YEAR, month, 20), f"Rådsmøde {month}")
        HearingFactory(
            council=council,
            title=f"Høring om plan nr. {month}",
            received_on=datetime.date(YEAR, month, 1),
            deadline=datetime.date(YEAR, month, 25),
        )
    return plan_of(council, entries=entries)


@pytest.fixture
def plan_url(live_server, council_a):
    return live_server.url + _busy_year(council_a).get_url_parts()[2]


def test_the_plan_prints_on_one_a4_sheet_with_the_wheel(plan_url, open_page):
    from pypdf import PdfReader

    tab = open_page(1280)
    tab.goto(plan_url)
    tab.emulate_media(media="print")
    assert tab.locator(".year-wheel__svg").is_visible()
    pdf = tab.pdf(prefer_css_page_size=True, print_background=True)

    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 1
    width, height = (round(float(v)) for v in pages[0].mediabox[2:])
    assert (width, height) == A4_POINTS
    text = " ".join(pages[0].extract_text().split())
    assert "December" in text and "Rådets punkt i måned 12" in text


def test_a_phone_shows_the_list_and_a_wide_screen_the_wheel_too(plan_url, open_page):
    phone = open_page(320)
    phone.goto(plan_url)
    assert phone.get_by_role("heading", name="December").is_visible()
    assert not phone.locator(".year-wheel__svg").is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320

    wide = open_page(1280)
    wide.goto(plan_url)
    assert wide.locator(".year-wheel__svg").is_visible()
    assert not wide.problems
