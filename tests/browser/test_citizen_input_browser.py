"""'Skriv til rådet' in a real Chromium: a refused message (a CPR number)
comes back with no WCAG 2.1 AA violation at 320 and 1280 px and with
everything typed, the hidden honeypot is never reached with the keyboard,
and a corrected message is sent and receipted."""

import datetime

import pytest
from django.utils import timezone

from hearings.models import CitizenInput
from tests.browser.test_public_accessibility import WCAG_TAGS
from tests.factories import HearingFactory
from tests.pages.conftest import hearing_index

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("django_db_serialized_rollback"),
]


@pytest.fixture
def form_url(live_server, council_a):
    hearing = HearingFactory(
        council=council_a,
        title="Høring om værestedets åbningstid",
        deadline=timezone.localdate() + datetime.timedelta(days=7),
    )
    return (
        live_server.url + hearing_index(council_a).url + f"hoering/{hearing.pk}/skriv/"
    )


@pytest.mark.parametrize("width", [1280, 320])
def test_a_refused_message_is_accessible_and_keeps_the_text(form_url, open_page, width):
    from axe_playwright_python.sync_playwright import Axe

    tab = open_page(width)
    tab.goto(form_url)
    tab.fill("#id_text", "Mit CPR-nummer er 010190-1234, ring til mig.")
    tab.fill("#id_name", "Jens Jensen")
    tab.click(".citizen-input-form button[type=submit]")
    tab.wait_for_load_state("load")

    assert "CPR-nummer (010190-XXXX)" in tab.inner_text("main")
    assert tab.input_value("#id_text") == "Mit CPR-nummer er 010190-1234, ring til mig."
    assert tab.input_value("#id_name") == "Jens Jensen"
    result = Axe().run(tab, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert result.response["violations"] == []
    # Chromium notes the refusal's status (400) itself; nothing else (CSP).
    assert [text for text in tab.problems if "status of 400" not in text] == []
    assert not CitizenInput.objects.exists()


def test_the_keyboard_never_reaches_the_honeypot_and_a_message_is_sent(
    form_url, open_page
):
    tab = open_page(1280)
    tab.goto(form_url)
    reached = set()
    for _ in range(40):
        tab.keyboard.press("Tab")
        reached.add(tab.evaluate("document.activeElement.name || ''"))
    assert {"text", "name", "contact"} <= reached
    assert "website" not in reached

    tab.fill("#id_text", "Hold åbent til kl. 22, tak.")
    tab.click(".citizen-input-form button[type=submit]")
    tab.wait_for_load_state("load")

    assert tab.inner_text("h1") == "Tak, fordi du skrev til rådet"
    assert CitizenInput.objects.get().text == "Hold åbent til kl. 22, tak."
