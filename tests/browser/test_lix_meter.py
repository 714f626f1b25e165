"""The live LIX meter in the real editor, in Chromium: as the secretary
types the easy-read summary, a coloured bar and the band in words follow."""

import pytest

from tests.browser.test_admin_csp import log_in
from tests.factories import HearingFactory, HearingResponsePageFactory
from tests.pages.conftest import hearing_index

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("django_db_serialized_rollback"),
]

EASY = "Vi vil have flere varmestuer. Der skal være åbent om natten."
HARD = (
    "Kommunalbestyrelsen skal sikre koordinerede og helhedsorienterede "
    "indsatser på tværs af forvaltningerne."
)


def test_the_meter_follows_the_summary_in_colour_and_words(
    live_server, open_page, council_a, secretary_a
):
    response = HearingResponsePageFactory(
        parent=hearing_index(council_a),
        hearing=HearingFactory(council=council_a),
        title="Rådets svar om varmestuer",
    )
    tab = open_page(1280)
    log_in(tab, live_server.url, secretary_a)
    tab.goto(f"{live_server.url}/admin/pages/{response.pk}/edit/")
    summary = tab.locator('textarea[name="easy_read_summary"]')
    meter = tab.locator("textarea[name=easy_read_summary] + .readability-meter")

    summary.fill(EASY)
    tab.wait_for_function(
        "() => document.querySelector('[name=easy_read_summary] + "
        ".readability-meter meter').value === 15"
    )
    assert meter.get_attribute("data-band") == "easy"
    assert meter.locator("meter").is_visible()
    assert meter.locator("meter").evaluate("bar => bar.value") == 15
    assert meter.inner_text().startswith("LIX 15: let at læse.")

    summary.fill(HARD)
    tab.wait_for_function(
        "() => document.querySelector('[name=easy_read_summary] + "
        ".readability-meter').dataset.band === 'very_hard'"
    )
    assert "meget svær at læse" in meter.inner_text()
    described = summary.get_attribute("aria-describedby").split()
    assert meter.locator("p").get_attribute("id") in described
