"""Approval under faults and under concurrency: one outcome, one publish, one
log entry; a failure in the middle of approving leaves the old state whole.

The concurrency tests need PostgreSQL's row locks and real parallel
connections; on SQLite they skip (see tests/conftest.py).
"""

import threading
import time

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from hearings import receivers
from hearings.models import HearingResponsePage, ResponseDelivery
from tests.workflows.conftest import response_form_data
from workflows import task_actions


def counts(page):
    logs = PageLogEntry.objects.filter(page_id=page.pk)
    return {
        "approve": logs.filter(action="wagtail.workflow.approve").count(),
        "reject": logs.filter(action="wagtail.workflow.reject").count(),
        "publish": logs.filter(action="wagtail.publish").count(),
        "deliveries": ResponseDelivery.objects.filter(page_id=page.pk).count(),
    }


def test_a_failure_in_the_middle_of_approving_leaves_the_old_state_whole(
    admin, monkeypatch, response_a, secretary_a, chair_a
):
    admin.submit(secretary_a, response_a)
    task_state = HearingResponsePage.objects.get(
        pk=response_a.pk
    ).current_workflow_task_state
    mail.outbox.clear()

    def fail_after_publishing(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(receivers, "response_delivery_create", fail_after_publishing)
    with pytest.raises(RuntimeError):
        admin.approve(chair_a, response_a)

    page = HearingResponsePage.objects.get(pk=response_a.pk)
    task_state.refresh_from_db()
    assert not page.live
    assert page.live_revision is None
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert counts(page) == {"approve": 0, "reject": 0, "publish": 0, "deliveries": 0}
    assert mail.outbox == []

    monkeypatch.undo()
    admin.approve(chair_a, response_a)

    assert HearingResponsePage.objects.get(pk=response_a.pk).live


def act_at_once(page, *actions):
    """Run (user, action, data) on the page's task from separate threads and
    connections, released at the same moment."""
    task_state = HearingResponsePage.objects.get(pk=page.pk).current_workflow_task_state
    barrier = threading.Barrier(len(actions))
    results = [None] * len(actions)

    def act(index, user, action, data):
        client = Client()
        client.force_login(user)
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]
        )
        try:
            barrier.wait()
            results[index] = client.post(url, data).status_code
        finally:
            connection.close()

    threads = [
        threading.Thread(target=act, args=(index, *action))
        for index, action in enumerate(actions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.fixture
def slow_locks(monkeypatch):
    """Hold the page lock a little longer, so the second request surely
    arrives while the first one is still approving."""
    take_lock = task_actions.page_lock

    def take_and_linger(page_id):
        page = take_lock(page_id)
        time.sleep(0.3)
        return page

    monkeypatch.setattr(task_actions, "page_lock", take_and_linger)


def submitted(page, secretary):
    client = Client()
    client.force_login(secretary)
    data = response_form_data(page)
    data["action-submit"] = "1"
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    mail.outbox.clear()
    return page


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_chairs_approving_at_once_publish_once(
    response_a, secretary_a, chair_a, vice_chair_a, slow_locks
):
    submitted(response_a, secretary_a)

    statuses = act_at_once(
        response_a,
        (chair_a, "approve", {"comment": ""}),
        (vice_chair_a, "approve", {"comment": ""}),
    )

    page = HearingResponsePage.objects.get(pk=response_a.pk)
    assert page.live
    assert counts(page) == {"approve": 1, "reject": 0, "publish": 1, "deliveries": 1}
    assert sorted(statuses) == [302, 302]
    approved = [m for m in mail.outbox if m.to == [secretary_a.email]]
    assert len(approved) == 1
    assert TaskState.objects.filter(status=TaskState.STATUS_APPROVED).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_approve_against_request_changes_ends_in_one_outcome(
    response_a, secretary_a, chair_a, vice_chair_a, slow_locks
):
    submitted(response_a, secretary_a)

    act_at_once(
        response_a,
        (chair_a, "approve", {"comment": ""}),
        (vice_chair_a, "reject", {"comment": "Vent lidt."}),
    )

    page = HearingResponsePage.objects.get(pk=response_a.pk)
    outcome = counts(page)
    assert outcome["approve"] + outcome["reject"] == 1
    if outcome["approve"]:
        assert page.live
        assert outcome == {"approve": 1, "reject": 0, "publish": 1, "deliveries": 1}
    else:
        assert not page.live
        assert outcome == {"approve": 0, "reject": 1, "publish": 0, "deliveries": 0}
        state = page.current_workflow_state
        assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert len([m for m in mail.outbox if m.to == [secretary_a.email]]) == 1
