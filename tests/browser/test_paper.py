"""The posters of a response and of a meeting, printed from a real
browser: one A4 sheet, filled, in the font it has on screen."""

import io

import pytest

from cms.models import CouncilSettings, MeetingPlace
from tests.factories import (
    HearingFactory,
    HearingResponsePageFactory,
    MeetingMinutesPageFactory,
    MeetingPageFactory,
)
from tests.pages.conftest import hearing_index, meeting_index

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("django_db_serialized_rollback"),
]

A4_POINTS = (595, 842)
LONG_SUMMARY = (
    "Kommunen vil lukke natcafeen i weekenden. Rådet siger nej. Mange har "
    "ingen andre steder at gå hen om natten. Vi foreslår, at caféen holder "
    "åbent, og at kommunen finder pengene i budgettet for næste år. "
) * 2


def _response_poster(council):
    response = HearingResponsePageFactory(
        parent=hearing_index(council),
        hearing=HearingFactory(council=council),
        title="Høringssvar om natcafeens åbningstider i weekenden",
        easy_read_summary=LONG_SUMMARY,
        published=True,
    )
    return response, "Kort fortalt"


def _meeting_poster(council):
    place = MeetingPlace.objects.create(
        council_settings=CouncilSettings.for_site(council),
        name="Værestedet Kilden",
        address="Kildevej 7, Eksempelby",
        step_free=True,
    )
    meeting = MeetingPageFactory(
        parent=meeting_index(council),
        title="Rådsmøde om natcafeens åbningstider",
        location="",
        place=place,
    )
    MeetingMinutesPageFactory(parent=meeting, easy_read_minutes=LONG_SUMMARY)
    return meeting, "Det talte vi om, kort fortalt"


@pytest.fixture(params=["response", "meeting"])
def poster(request, live_server, council_a):
    """(URL of the poster, the heading of its text) for each kind of poster."""
    make = {"response": _response_poster, "meeting": _meeting_poster}[request.param]
    page, heading = make(council_a)
    return live_server.url + page.get_url_parts()[2] + "opslag/", heading


@pytest.fixture
def poster_url(poster):
    return poster[0]


def test_the_poster_prints_on_one_a4_page(poster, open_page):
    from pypdf import PdfReader

    poster_url, heading = poster
    tab = open_page(1280)
    tab.goto(poster_url)
    assert tab.get_by_role("button", name="Udskriv opslaget").is_visible()
    pdf = tab.pdf(prefer_css_page_size=True, print_background=True)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 1
    width, height = (round(float(v)) for v in pages[0].mediabox[2:])
    assert (width, height) == A4_POINTS
    text = pages[0].extract_text()
    assert heading in text
    assert "Udskriv opslaget" not in text  # the toolbar is not printed


def printed_poster(tab, poster_url):
    from pypdf import PdfReader

    tab.goto(poster_url)
    pdf = tab.pdf(prefer_css_page_size=True, print_background=True)
    return PdfReader(io.BytesIO(pdf)).pages[0]


def text_heights(page):
    """The height above the sheet's bottom edge (points) of every line."""
    heights = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            heights.append(cm[5] + tm[5] * cm[3])

    page.extract_text(visitor_text=visit)
    return heights


def test_the_printed_poster_fills_the_sheet(poster_url, open_page):
    heights = text_heights(printed_poster(open_page(1280), poster_url))
    top, bottom = max(heights), min(heights)
    # Text from the top margin (14 mm = 40 pt) down into the bottom tenth of
    # the sheet: no band of a third of the page left empty.
    assert top > A4_POINTS[1] - 80
    assert bottom < A4_POINTS[1] * 0.10, bottom


def test_the_printed_poster_keeps_the_screen_font(poster_url, open_page):
    tab = open_page(1280)
    tab.goto(poster_url)
    screen = tab.evaluate("getComputedStyle(document.body).fontFamily")
    tab.emulate_media(media="print")
    printed = tab.evaluate("getComputedStyle(document.body).fontFamily")
    assert printed == screen
    assert printed.startswith('"IBM Plex Sans"')
    tab.emulate_media(media="screen")
    page = printed_poster(tab, poster_url)
    fonts = {
        str(font.get_object()["/BaseFont"])
        for font in page["/Resources"]["/Font"].values()
    }
    # The faces embedded in the PDF: subsets of IBM Plex Sans, no serif.
    assert fonts
    assert all("IBMPlexSans" in font for font in fonts), fonts
