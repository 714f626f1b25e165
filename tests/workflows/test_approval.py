"""The approval workflow driven through the real admin views, as each role.

draft → submitted by the secretary → approved by a chair (published and
delivered) or sent back with a comment → resubmitted → approved.
"""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from hearings.history_timeline import hearing_history
from hearings.models import HearingResponsePage, ResponseDelivery
from tests.workflows.conftest import CONTACT, paragraph, recipients
from workflows.selectors import council_workflow
from workflows.task_actions import ApprovalRefused, task_state_act

DENIED = {302, 403, 404}


def fresh(page):
    return HearingResponsePage.objects.get(pk=page.pk)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


# Submitting ---------------------------------------------------------------


def test_secretary_submits_and_only_this_councils_chairs_are_told(
    admin, response_a, council_a, secretary_a, chair_a, vice_chair_a, member_a,
    secretary_b, chair_b, superuser,
):  # fmt: skip
    response = admin.submit(secretary_a, response_a)

    assert response.status_code == 302
    page = fresh(response_a)
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow == council_workflow(site=council_a)
    assert state.requested_by == secretary_a
    assert state.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert state.current_task_state.revision == page.get_latest_revision()
    assert not page.live
    assert recipients() == sorted([chair_a.email, vice_chair_a.email])
    assert mail.outbox[0].subject == "Til godkendelse: Rådets svar om væresteder"


def test_secretary_posting_publish_leaves_the_page_unpublished(
    admin, response_a, secretary_a
):
    admin.edit(secretary_a, response_a, "publish", title="Udgivet alligevel")

    page = fresh(response_a)
    assert not page.live
    assert page.live_revision is None
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.publish")


def test_the_page_is_locked_for_the_secretary_while_it_awaits_the_chairs(
    admin, response_a, secretary_a
):
    admin.submit(secretary_a, response_a)
    revisions = response_a.revisions.count()

    response = admin.save(secretary_a, response_a, title="Ændret i smug")

    assert response.status_code == 200
    assert response_a.revisions.count() == revisions
    assert fresh(response_a).get_latest_revision_as_object().title == (
        "Rådets svar om væresteder"
    )
    page = admin.get(secretary_a, edit_url(response_a))
    assert any(
        "afventer “Formandens godkendelse”" in message for message in messages_of(page)
    )


# Approving ------------------------------------------------------------------


def test_a_chair_approves_and_exactly_the_submitted_version_goes_live(
    admin, response_a, secretary_a, chair_a, vice_chair_a
):
    admin.submit(secretary_a, response_a, easy_read_summary="Vi siger ja.")
    submitted = fresh(response_a).get_latest_revision()
    mail.outbox.clear()

    admin.approve(chair_a, response_a, comment="Fint og klart.")

    page = fresh(response_a)
    assert page.live
    assert page.live_revision == submitted
    assert page.easy_read_summary == "Vi siger ja."
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_APPROVED
    task_state = state.current_task_state
    assert (task_state.status, task_state.finished_by) == ("approved", chair_a)
    assert recipients("Godkendt og offentliggjort") == [secretary_a.email]
    approved_mail = next(m for m in mail.outbox if m.to == [secretary_a.email])
    assert "Fint og klart." in approved_mail.body


def test_approval_delivers_the_full_text_to_the_hearing_and_logs_it(
    admin, response_a, secretary_a, chair_a, hearing_a
):
    admin.submit(
        secretary_a,
        response_a,
        body=[paragraph("<p>Rådet bakker op om forslaget.</p>")],
        signed_by="Karen Holm",
    )
    mail.outbox.clear()

    admin.approve(chair_a, response_a)

    delivery = mail.outbox[0]
    assert delivery.to == [CONTACT]
    assert delivery.subject == (
        "Høringssvar fra Udsatterådet i Eksempelby: Høring om nye væresteder"
    )
    for text in (
        "Rådet bakker op om forslaget.",
        "Kort fortalt",
        "Karen Holm",
        fresh(response_a).full_url,
    ):
        assert text in delivery.body
    assert ResponseDelivery.objects.get().status == ResponseDelivery.Status.SENT
    log = PageLogEntry.objects.get(action="hearings.response_delivered")
    assert log.page_id == response_a.pk
    assert log.data["recipient"] == CONTACT
    assert any(
        entry.title == f"Høringssvaret er sendt med e-mail til {CONTACT}"
        for entry in hearing_history(hearing=hearing_a)
    )


def test_a_draft_saved_after_approval_is_not_published(
    admin, response_a, secretary_a, chair_a
):
    admin.submit(secretary_a, response_a)
    admin.approve(chair_a, response_a)
    approved = fresh(response_a).live_revision

    admin.save(secretary_a, response_a, title="Et nyt udkast")

    page = fresh(response_a)
    assert page.live_revision == approved
    assert page.title == "Rådets svar om væresteder"
    assert page.has_unpublished_changes


# Requesting changes ---------------------------------------------------------


def test_request_changes_sends_it_back_with_the_comment_then_resubmit_and_approve(
    admin, response_a, secretary_a, chair_a, vice_chair_a
):
    admin.submit(secretary_a, response_a)
    mail.outbox.clear()

    admin.reject(chair_a, response_a, comment="Afsnit 2 skal være kortere.")

    page = fresh(response_a)
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.status == TaskState.STATUS_REJECTED
    assert not page.live
    assert recipients() == [secretary_a.email]
    assert mail.outbox[0].subject == "Ændringer ønsket: Rådets svar om væresteder"
    assert "Afsnit 2 skal være kortere." in mail.outbox[0].body

    editor = admin.get(secretary_a, edit_url(response_a))
    assert editor.status_code == 200
    assert any("Afsnit 2 skal være kortere." in m for m in messages_of(editor))

    mail.outbox.clear()
    admin.submit(secretary_a, response_a, title="Rådets korte svar om væresteder")
    assert fresh(response_a).current_workflow_state == state
    assert recipients() == sorted([chair_a.email, vice_chair_a.email])

    admin.approve(vice_chair_a, response_a)

    page = fresh(response_a)
    assert page.live
    assert page.title == "Rådets korte svar om væresteder"
    assert page.live_revision == page.get_latest_revision()


def test_request_changes_needs_a_comment(admin, response_a, secretary_a, chair_a):
    admin.submit(secretary_a, response_a)

    response = admin.reject(chair_a, response_a, comment="")
    modal = admin.reject(
        chair_a, response_a, comment="", headers={"x-requested-with": "XMLHttpRequest"}
    )

    assert response.status_code in DENIED
    assert modal.json()["step"] == "action"
    assert "Hvad skal ændres?" in modal.json()["html"]
    assert "Dette felt er påkrævet." in modal.json()["html"]
    state = fresh(response_a).current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


# Four eyes ----------------------------------------------------------------


def test_a_chair_cannot_approve_a_draft_they_submitted_themselves(
    admin, response_a, chair_a, vice_chair_a
):
    admin.submit(chair_a, response_a)
    assert recipients() == [vice_chair_a.email]

    editor = admin.get(chair_a, edit_url(response_a))
    response = admin.approve(chair_a, response_a)

    assert any(
        "kan ikke selv godkende" in m and vice_chair_a.get_full_name() in m
        for m in messages_of(editor)
    )
    assert "Godkend og offentliggør" not in editor.content.decode()
    assert response.status_code in DENIED
    page = fresh(response_a)
    assert not page.live
    assert page.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS

    other_editor = admin.get(vice_chair_a, edit_url(response_a))
    assert "Godkend og offentliggør" in other_editor.content.decode()

    admin.approve(vice_chair_a, response_a)

    assert fresh(response_a).live


def awaiting_review(admin, user):
    """The titles in the dashboard panel "Awaiting your review"."""
    dashboard = admin.get(user, reverse("wagtailadmin_home"))
    panel = BeautifulSoup(dashboard.content, "html.parser").find(
        id="awaiting-review-section"
    )
    return panel.get_text() if panel else ""


def test_the_dashboard_offers_the_review_only_to_those_who_may_approve(
    admin, response_a, chair_a, vice_chair_a, secretary_a
):
    admin.submit(chair_a, response_a)

    assert "Rådets svar om væresteder" in awaiting_review(admin, vice_chair_a)
    assert "Rådets svar om væresteder" not in awaiting_review(admin, chair_a)
    assert "Rådets svar om væresteder" not in awaiting_review(admin, secretary_a)


def test_a_chair_who_changed_the_draft_during_review_cannot_approve_it(
    admin, response_a, secretary_a, chair_a, vice_chair_a
):
    admin.submit(secretary_a, response_a)
    first_task_state = fresh(response_a).current_workflow_task_state

    admin.save(chair_a, response_a, title="Rådets svar, rettet af formanden")

    page = fresh(response_a)
    restarted = page.current_workflow_task_state
    first_task_state.refresh_from_db()
    assert first_task_state.status == TaskState.STATUS_CANCELLED
    assert restarted.revision == page.get_latest_revision()
    assert restarted.revision.user == chair_a

    assert admin.approve(chair_a, response_a).status_code in DENIED
    assert not fresh(response_a).live

    admin.approve(vice_chair_a, response_a)

    page = fresh(response_a)
    assert page.live
    assert page.live_revision == restarted.revision
    assert page.title == "Rådets svar, rettet af formanden"


def test_a_chair_can_approve_from_the_editor_without_changes(
    admin, response_a, secretary_a, chair_a
):
    admin.submit(secretary_a, response_a)
    submitted = fresh(response_a).get_latest_revision()

    admin.edit(
        chair_a, response_a, "workflow-action", **{"workflow-action-name": "approve"}
    )

    page = fresh(response_a)
    assert page.live
    assert page.live_revision == submitted


def test_a_chair_cannot_change_and_approve_in_one_step(
    admin, response_a, secretary_a, chair_a
):
    admin.submit(secretary_a, response_a)
    revisions = response_a.revisions.count()

    response = admin.edit(
        chair_a,
        response_a,
        "workflow-action",
        title="Rettet og godkendt på én gang",
        **{"workflow-action-name": "approve"},
    )

    assert response.status_code == 200
    assert "ingen godkender sine egne ændringer" in response.content.decode()
    assert response_a.revisions.count() == revisions
    assert not fresh(response_a).live


# Another council ------------------------------------------------------------


def test_the_chair_of_another_council_cannot_see_or_act_on_the_task(
    admin, response_a, secretary_a, chair_b
):
    admin.submit(secretary_a, response_a)
    task_state = fresh(response_a).current_workflow_task_state
    assert chair_b.email not in recipients()

    editor = admin.get(chair_b, edit_url(response_a))
    preview = admin.get(
        chair_b,
        reverse(
            "wagtailadmin_pages:workflow_preview",
            args=[response_a.pk, task_state.task_id],
        ),
    )
    dashboard = admin.get(chair_b, reverse("wagtailadmin_home"))
    approve = admin.approve(chair_b, response_a)
    approve_xhr = admin.approve(
        chair_b, response_a, headers={"x-requested-with": "XMLHttpRequest"}
    )

    for response in (editor, preview, approve):
        assert response.status_code in DENIED
        assert "Rådets svar om væresteder" not in response.content.decode()
    assert "Rådets svar om væresteder" not in dashboard.content.decode()
    # Another council's page is not there for them at all: 404, not a 403
    # that would confirm it exists.
    assert approve_xhr.status_code == 404
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not fresh(response_a).live


# A published response changed later ------------------------------------------


def test_the_chair_sees_what_changed_against_the_published_version(
    admin, response_a, secretary_a, chair_a, vice_chair_a
):
    admin.submit(secretary_a, response_a)
    admin.approve(chair_a, response_a)
    live = fresh(response_a).live_revision
    mail.outbox.clear()

    admin.submit(secretary_a, response_a, easy_read_summary="Rådet har ændret mening.")

    latest = fresh(response_a).get_latest_revision()
    # The chairs last reviewed the version they approved: the live one.
    compare = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[response_a.pk, live.pk, latest.pk],
    )
    submitted_mail = next(m for m in mail.outbox if m.to == [vice_chair_a.email])
    assert compare in submitted_mail.body
    editor = admin.get(vice_chair_a, edit_url(response_a))
    assert any(compare in m for m in messages_of(editor))
    diff = admin.get(vice_chair_a, compare)
    assert diff.status_code == 200
    assert '<span class="addition">har ændret mening.</span>' in (diff.content.decode())
    assert fresh(response_a).live_revision == live


# The service behind the buttons ---------------------------------------------


def test_the_service_refuses_what_the_buttons_hide(
    admin, response_a, secretary_a, chair_a, vice_chair_a
):
    admin.submit(chair_a, response_a)
    task_state = fresh(response_a).current_workflow_task_state

    with pytest.raises(ApprovalRefused, match="kan ikke selv godkende"):
        task_state_act(task_state=task_state, user=chair_a, action="approve")
    with pytest.raises(ApprovalRefused, match="Kun rådets formandskab"):
        task_state_act(task_state=task_state, user=secretary_a, action="approve")

    task_state_act(task_state=task_state, user=vice_chair_a, action="approve")

    with pytest.raises(ApprovalRefused, match="allerede klaret"):
        task_state_act(
            task_state=task_state, user=vice_chair_a, action="reject", comment="Nej"
        )
    assert fresh(response_a).live
