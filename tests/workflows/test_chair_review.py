"""The chairs' review through the real admin views: what changed since they
last looked (dashboard and mail), who is told when approval passes to the
other chair, and what the dashboard's buttons say they did."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from hearings.models import HearingResponsePage
from tests.workflows.conftest import paragraph

pytestmark = pytest.mark.django_db

HOME = reverse("wagtailadmin_home")


def fresh(page):
    return HearingResponsePage.objects.get(pk=page.pk)


def compare_url(page, older, newer):
    return reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, older, newer])


def review_panel(response):
    return BeautifulSoup(response.content, "html.parser").find(
        id="awaiting-review-section"
    )


def panel_links(response):
    panel = review_panel(response)
    return (
        {a.get_text(strip=True): a["href"] for a in panel.find_all("a")}
        if panel
        else {}
    )


def action_url(page, action, state=None):
    state = state or fresh(page).current_workflow_task_state
    return reverse("workflows_review_action", args=[page.pk, action, state.pk])


def messages_of(response):
    return [" ".join(str(m).split()) for m in response.context["messages"]]


def sent_back_and_resubmitted(admin, page, secretary, chair):
    admin.submit(secretary, page)
    reviewed = fresh(page).current_workflow_task_state.revision
    admin.reject(chair, page, comment="Skriv kortere.")
    admin.submit(secretary, page, body=[paragraph("<p>Et kortere svar.</p>")])
    return reviewed, fresh(page).current_workflow_task_state.revision


# What changed since the chairs last looked --------------------------------


def test_after_changes_the_chair_compares_with_the_version_they_sent_back(
    admin, response_a, secretary_a, chair_a, vice_chair_a
):
    mail.outbox.clear()
    reviewed, resubmitted = sent_back_and_resubmitted(
        admin, response_a, secretary_a, chair_a
    )
    expected = compare_url(response_a, reviewed.pk, resubmitted.pk)

    dashboard = admin.get(chair_a, HOME)
    links = panel_links(dashboard)
    label = "Se, hvad der er ændret, siden formandskabet sidst så det"
    assert links[label] == expected
    comparison = admin.get(chair_a, expected)
    assert comparison.status_code == 200
    text = " ".join(BeautifulSoup(comparison.content, "html.parser").get_text().split())
    assert "Et kortere svar." in text
    assert "Rådet har læst forslaget." in text
    # The mail of the resubmission offers the same comparison.
    resubmission = [m for m in mail.outbox if m.to == [chair_a.email]][-1]
    assert resubmission.subject == "Til godkendelse: Rådets svar om væresteder"
    assert expected in resubmission.body
    assert "siden formandskabet sidst så det" in resubmission.body


def test_nothing_is_offered_when_nothing_differs(
    admin, response_a, secretary_a, chair_a
):
    admin.submit(secretary_a, response_a)
    admin.reject(chair_a, response_a, comment="Se det igen.")
    mail.outbox.clear()
    admin.submit(secretary_a, response_a)

    links = panel_links(admin.get(chair_a, HOME))
    assert links  # the page awaits the chair
    assert not any(
        "revisions/compare" in url or "compare" in url for url in links.values()
    )
    mail_to_chair = [m for m in mail.outbox if m.to == [chair_a.email]]
    assert mail_to_chair and "compare" not in mail_to_chair[0].body


def test_a_first_submission_of_a_live_page_compares_with_the_live_version(
    admin, response_a, secretary_a, chair_a
):
    admin.submit(secretary_a, response_a)
    admin.approve(chair_a, response_a)
    live = fresh(response_a).live_revision
    admin.submit(secretary_a, response_a, body=[paragraph("<p>Rettet svar.</p>")])
    submitted = fresh(response_a).current_workflow_task_state.revision

    links = panel_links(admin.get(chair_a, HOME))

    # The chairs last reviewed the live version: both rules give it.
    assert compare_url(response_a, live.pk, submitted.pk) in links.values()


# Approval passing to the other chair ---------------------------------------


def test_vice_chair_is_told_when_a_chairs_edit_makes_the_approval_theirs(
    admin, response_a, secretary_a, chair_a, vice_chair_a
):
    admin.submit(secretary_a, response_a)
    mail.outbox.clear()

    admin.save(chair_a, response_a, body=[paragraph("<p>Formandens rettelse.</p>")])

    assert [m.to for m in mail.outbox] == [[vice_chair_a.email]]
    message = mail.outbox[0]
    assert message.subject == (
        "Ændret under godkendelsen, til din godkendelse: Rådets svar om væresteder"
    )
    assert chair_a.get_full_name() in message.body
    assert "godkendelsen er nu din" in message.body
    state = fresh(response_a).current_workflow_task_state
    assert state.revision.user == chair_a
    assert (
        reverse(
            "wagtailadmin_pages:workflow_preview", args=[response_a.pk, state.task_id]
        )
        in message.body
    )


# The dashboard's buttons say what they did ----------------------------------


def test_approving_from_the_dashboard_confirms_it_is_published(
    admin, response_a, secretary_a, chair_a
):
    admin.submit(secretary_a, response_a)
    admin.as_user(chair_a)

    with admin.capture(execute=True):
        response = admin.client.post(
            action_url(response_a, "approve"),
            {"comment": "", "next": HOME},
            follow=True,
        )

    assert fresh(response_a).live
    assert "Godkendt og offentliggjort: Rådets svar om væresteder" in messages_of(
        response
    )


def test_requesting_changes_from_the_dashboard_names_who_gets_it_back(
    admin, response_a, secretary_a, chair_a
):
    admin.submit(secretary_a, response_a)
    admin.as_user(chair_a)
    xhr = {"x-requested-with": "XMLHttpRequest"}

    with admin.capture(execute=True):
        answer = admin.client.post(
            action_url(response_a, "reject"),
            {"comment": "Tilføj tallene.", "next": HOME},
            headers=xhr,
        )
    assert answer.json()["step"] == "success"

    page = admin.client.get(HOME)
    name = secretary_a.get_full_name()
    assert f"Sendt tilbage til {name}: Rådets svar om væresteder" in messages_of(page)
    state = fresh(response_a).current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_sending_back_without_a_comment_does_nothing_and_says_nothing_done(
    admin, response_a, secretary_a, chair_a
):
    admin.submit(secretary_a, response_a)
    admin.as_user(chair_a)

    response = admin.client.post(
        action_url(response_a, "reject"),
        {"comment": ""},
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    assert response.json()["step"] == "action"  # the form again, with its error
    state = fresh(response_a).current_workflow_task_state
    assert state.status == TaskState.STATUS_IN_PROGRESS


def test_a_chair_who_changed_the_page_cannot_approve_from_the_dashboard(
    admin, response_a, secretary_a, chair_a
):
    admin.submit(secretary_a, response_a)
    admin.save(chair_a, response_a, body=[paragraph("<p>Formandens rettelse.</p>")])
    admin.as_user(chair_a)

    response = admin.client.post(action_url(response_a, "approve"), {"comment": ""})

    # Refused (the admin answers a refusal by going back with a message).
    assert response.status_code in (302, 403)
    assert not fresh(response_a).live
    state = fresh(response_a).current_workflow_task_state
    assert state.status == TaskState.STATUS_IN_PROGRESS


def test_other_councils_chair_and_anonymous_are_refused(
    admin, client, response_a, secretary_a, chair_b
):
    admin.submit(secretary_a, response_a)
    url = action_url(response_a, "approve")

    assert admin.get(chair_b, HOME).status_code == 200
    assert "Rådets svar om væresteder" not in admin.get(chair_b, HOME).content.decode()
    assert admin.client.post(url, {"comment": ""}).status_code == 404
    admin.client.logout()
    anonymous = admin.client.post(url, {"comment": ""})
    assert anonymous.status_code == 302
    assert reverse("wagtailadmin_login") in anonymous["Location"]
    assert not fresh(response_a).live
