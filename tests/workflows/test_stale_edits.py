"""No lost update: two people edit the same response in their own browsers.

Whoever saves or submits from a form opened before the other's save is
refused with a message that names the other person and the time, their own
text stays in the form, the other's version is untouched, and the message
offers Wagtail's comparison; saving again from the refused form is a
deliberate choice and goes through.
"""

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import time_format
from django.utils.html import escape
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.models import CouncilRole
from tests.conftest import council_user
from tests.pages.html import parse
from tests.workflows.conftest import paragraph, response_form_data
from workflows.edit_conflicts import stale_page_message
from workflows.page_text import html_to_text

REVISION_FIELDS = ("loaded_revision_id", "loaded_revision_created_at")


@pytest.fixture
def second_secretary_a(council_a):
    return council_user("sekretaer-a2", council_a, CouncilRole.SECRETARIAT)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def opened_revision(response):
    """The revision fields of the editor form, as the browser would post them."""
    form = parse(response.content)
    return {
        name: form.find("input", name=name).attrs["value"] for name in REVISION_FIELDS
    }


@dataclass
class Editor:
    """One person's browser with the response editor open."""

    client: Client
    page: Page
    data: dict

    def post(self, action=None, body=None, **fields):
        if body is not None:
            self.data = {
                k: v for k, v in self.data.items() if not k.startswith("body-")
            }
            self.data.update(nested_form_data({"body": streamfield(body)}))
        self.data.update(fields)
        data = dict(self.data)
        if action:
            data[f"action-{action}"] = "1"
        return self.client.post(edit_url(self.page), data)

    def carry_on_from(self, response):
        """Keep working in the form the refused save showed again."""
        self.data.update(opened_revision(response))


def open_editor(user, page, client=None):
    client = client or Client()
    client.force_login(user)
    response = client.get(edit_url(page))
    assert response.status_code == 200
    return Editor(client, page, response_form_data(page) | opened_revision(response))


def latest(page):
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()


def body_text(page):
    return " ".join(html_to_text(block.value.source) for block in latest(page).body)


def refusal_names(response, page, user):
    """The refusal is shown, naming the one who saved the latest revision and
    when (the Danish words themselves are the catalogue's to hold)."""
    revision = Page.objects.get(pk=page.pk).latest_revision
    assert revision.user == user
    with translation.override("da"):
        message = stale_page_message(revision)
    when = time_format(timezone.localtime(revision.created_at), "H:i")
    assert user.get_full_name() in message and when in message
    return escape(message) in response.content.decode()


def test_a_save_from_an_older_form_is_refused_and_loses_nothing(
    response_a, secretary_a, second_secretary_a
):
    first = open_editor(secretary_a, response_a)
    second = open_editor(second_secretary_a, response_a)
    saved = first.post(
        body=[paragraph("<p>Vi anbefaler flere varmestuer.</p>")],
        easy_read_summary="Rådet vil have flere varmestuer.",
    )
    assert saved.status_code == 302

    refused = second.post(
        body=[paragraph("<p>Vi anbefaler flere natcaféer.</p>")],
        easy_read_summary="Rådet vil have flere natcaféer.",
    )

    assert refused.status_code == 200
    assert refusal_names(refused, response_a, secretary_a)
    assert "Rådet vil have flere natcaféer." in refused.content.decode()
    assert "natcaf" in refused.content.decode()  # the body, in the editor's data
    assert body_text(response_a) == "Vi anbefaler flere varmestuer."
    assert latest(response_a).easy_read_summary == "Rådet vil have flere varmestuer."

    second.carry_on_from(refused)
    assert second.post().status_code == 302
    assert body_text(response_a) == "Vi anbefaler flere natcaféer."
    assert latest(response_a).easy_read_summary == "Rådet vil have flere natcaféer."


def test_the_refusal_offers_the_comparison_of_both_versions(
    response_a, secretary_a, chair_a
):
    first = open_editor(chair_a, response_a)
    second = open_editor(secretary_a, response_a)
    opened_on = second.data["loaded_revision_id"]
    first.post(easy_read_summary="Formandens udgave.")
    newest = Page.objects.get(pk=response_a.pk).latest_revision_id

    refused = second.post(easy_read_summary="Sekretærens udgave.")

    comparison = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[response_a.pk, opened_on, newest],
    )
    link = parse(refused.content).find("a", href=comparison)
    assert link is not None and link.attrs.get("target") == "_blank"
    shown = second.client.get(comparison)
    assert shown.status_code == 200
    assert "Formandens udgave." in shown.content.decode()


def test_a_submit_from_an_older_form_is_refused_and_starts_no_approval(
    response_a, secretary_a, chair_a
):
    chair = open_editor(chair_a, response_a)
    secretary = open_editor(secretary_a, response_a)
    assert chair.post(easy_read_summary="Formandens rettelse.").status_code == 302

    refused = secretary.post("submit", easy_read_summary="Sekretærens udgave.")

    assert refused.status_code == 200
    assert refusal_names(refused, response_a, chair_a)
    assert "Sekretærens udgave." in refused.content.decode()
    assert not WorkflowState.objects.filter(object_id=str(response_a.pk)).exists()
    assert latest(response_a).easy_read_summary == "Formandens rettelse."

    secretary.carry_on_from(refused)
    assert secretary.post("submit").status_code == 302
    state = WorkflowState.objects.get(object_id=str(response_a.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert latest(response_a).easy_read_summary == "Sekretærens udgave."


def test_the_same_person_in_a_second_tab_is_refused_too(response_a, secretary_a):
    """The text typed in the other tab would be lost just the same."""
    client = Client()
    first_tab = open_editor(secretary_a, response_a, client)
    second_tab = open_editor(secretary_a, response_a, client)
    assert first_tab.post(easy_read_summary="Fra første faneblad.").status_code == 302

    refused = second_tab.post(easy_read_summary="Fra andet faneblad.")

    assert refused.status_code == 200
    assert refusal_names(refused, response_a, secretary_a)
    assert latest(response_a).easy_read_summary == "Fra første faneblad."


def test_a_save_from_an_up_to_date_form_goes_through(response_a, secretary_a, chair_a):
    first = open_editor(chair_a, response_a)
    assert first.post(easy_read_summary="Formandens rettelse.").status_code == 302
    second = open_editor(secretary_a, response_a)  # opened after the chair's save

    assert second.post("submit", easy_read_summary="Samlet udgave.").status_code == 302
    assert latest(response_a).easy_read_summary == "Samlet udgave."
    assert WorkflowState.objects.filter(object_id=str(response_a.pk)).exists()


def test_one_person_saving_twice_from_the_same_editor_is_not_refused(
    response_a, secretary_a
):
    """After a save Wagtail opens the editor again on the new revision."""
    editor = open_editor(secretary_a, response_a)
    assert editor.post(easy_read_summary="Første udkast.").status_code == 302
    reopened = open_editor(secretary_a, response_a, editor.client)
    assert reopened.post(easy_read_summary="Andet udkast.").status_code == 302
    assert latest(response_a).easy_read_summary == "Andet udkast."


def test_an_autosave_from_an_older_form_is_left_to_wagtail(
    response_a, secretary_a, chair_a
):
    """Wagtail refuses a conflicting autosave itself, in JSON; no message of
    ours waits for the next page the person opens."""
    chair = open_editor(chair_a, response_a)
    secretary = open_editor(secretary_a, response_a)
    chair.post(easy_read_summary="Formandens rettelse.")

    autosave = secretary.client.post(
        edit_url(response_a),
        secretary.data | {"easy_read_summary": "Autogemt."},
        headers={"Accept": "application/json"},
    )

    assert autosave.json()["error_code"] == "invalid_revision"
    assert latest(response_a).easy_read_summary == "Formandens rettelse."
    reopened = secretary.client.get(edit_url(response_a))
    assert "revisions/compare" not in reopened.content.decode()
