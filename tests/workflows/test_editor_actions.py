"""The editor's footer as the council's staff see it: sending to the chairs
is the primary button, named in plain Danish, and nobody but the platform
administrator is offered cancelling or restarting the chairs' review."""

from bs4 import BeautifulSoup
from django.urls import reverse

from tests.workflows.conftest import paragraph

PLATFORM_ONLY = {"action-cancel-workflow", "action-restart-workflow"}


def footer_actions(client, page):
    """The names of the editor's action buttons, primary (first) first."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    form = BeautifulSoup(response.content, "html.parser").find(
        "form", attrs={"data-edit-form": True}
    ) or BeautifulSoup(response.content, "html.parser")
    return [
        button
        for button in form.find_all(["button", "a"])
        if str(button.get("name", "")).startswith("action-")
    ]


def test_a_draft_offers_sending_to_the_chairs_as_its_primary_action(
    client_as, secretary_a, response_a
):
    actions = footer_actions(client_as(secretary_a), response_a)

    assert actions[0]["name"] == "action-submit"
    assert actions[0].get_text(strip=True) == "Send til formandskabet til godkendelse"


def action_names(client, user, page):
    client.force_login(user)
    return {button["name"] for button in footer_actions(client, page)}


def test_staff_are_not_offered_cancelling_or_restarting_the_review(
    admin, client, secretary_a, chair_a, response_a
):
    admin.submit(secretary_a, response_a, body=[paragraph("Første udkast.")])
    response_a.refresh_from_db()

    for user in (secretary_a, chair_a):
        assert not action_names(client, user, response_a) & PLATFORM_ONLY, user

    admin.reject(chair_a, response_a, comment="Gør det kortere.")
    for user in (secretary_a, chair_a):
        assert not action_names(client, user, response_a) & PLATFORM_ONLY, user
