"""The poster of a response, printed from a real browser, fits one A4 sheet."""

import io

import pytest

from tests.factories import HearingFactory, HearingResponsePageFactory
from tests.pages.conftest import hearing_index

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


@pytest.fixture
def poster_url(live_server, council_a):
    response = HearingResponsePageFactory(
        parent=hearing_index(council_a),
        hearing=HearingFactory(council=council_a),
        title="Høringssvar om natcafeens åbningstider i weekenden",
        easy_read_summary=LONG_SUMMARY,
        published=True,
    )
    return live_server.url + response.get_url_parts()[2] + "opslag/"


def test_the_poster_prints_on_one_a4_page(poster_url, open_page):
    from pypdf import PdfReader

    tab = open_page(1280)
    tab.goto(poster_url)
    assert tab.get_by_role("button", name="Udskriv opslaget").is_visible()
    pdf = tab.pdf(prefer_css_page_size=True, print_background=True)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 1
    width, height = (round(float(v)) for v in pages[0].mediabox[2:])
    assert (width, height) == A4_POINTS
    text = pages[0].extract_text()
    assert "Kort fortalt" in text
    assert "Udskriv opslaget" not in text  # the toolbar is not printed
