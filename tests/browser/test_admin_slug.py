"""In the real page editor, the address Wagtail's script makes from the
title as it is typed is plain ASCII, Danish letters spelled out."""

import pytest

from tests.browser.test_admin_csp import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("django_db_serialized_rollback"),
]


def test_typing_a_danish_title_fills_in_an_ascii_slug(
    live_server, open_page, council_a, secretary_a
):
    from playwright.sync_api import expect

    tab = open_page(1280)
    log_in(tab, live_server.url, secretary_a)
    home = council_a.root_page_id
    tab.goto(f"{live_server.url}/admin/pages/add/pages/contentpage/{home}/")
    tab.wait_for_load_state("networkidle")
    title = tab.locator("#id_title")
    title.press_sequentially("Nye åbningstider på værestedet")
    title.blur()
    slug = tab.locator("#id_slug")
    # Wagtail's sync waits a moment after the last key (debounced).
    expect(slug).to_have_value("nye-aabningstider-paa-vaerestedet", timeout=5000)
    # A slug typed by hand is spelled out too when the field is left.
    tab.get_by_role("tab", name="Promover").click()
    slug.fill("møde-i-æblehaven")
    slug.blur()
    expect(slug).to_have_value("moede-i-aeblehaven", timeout=5000)
