"""The derived status of a hearing, for every state, from one function."""

import datetime

import pytest
from django.utils import timezone

from hearings.models import Hearing, HearingStatus
from hearings.selectors import (
    deadline_words,
    hearing_status,
    hearings_with_status,
)
from tests.factories import HearingFactory, HearingResponsePageFactory

TODAY = datetime.date(2026, 5, 11)


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def open_hearing(council_a):
    return HearingFactory(council=council_a, received_on=days(-10), deadline=days(5))


@pytest.fixture
def past_deadline(council_a):
    return HearingFactory(council=council_a, received_on=days(-40), deadline=days(-1))


def status(hearing):
    return hearing_status(hearing=hearing, today=TODAY)


def test_received_until_someone_starts_a_response(open_hearing):
    assert status(open_hearing) == HearingStatus.RECEIVED


def test_drafting_once_a_response_page_exists(open_hearing, index_a):
    HearingResponsePageFactory(parent=index_a, hearing=open_hearing)
    assert status(open_hearing) == HearingStatus.DRAFTING


def test_awaiting_chair_while_the_council_workflow_runs(
    open_hearing, index_a, secretary_a
):
    page = HearingResponsePageFactory(parent=index_a, hearing=open_hearing)
    page.save_revision(user=secretary_a)
    page.get_workflow().start(page, secretary_a)
    assert status(open_hearing) == HearingStatus.AWAITING_CHAIR


def test_back_to_drafting_when_the_workflow_is_cancelled(
    open_hearing, index_a, secretary_a
):
    page = HearingResponsePageFactory(parent=index_a, hearing=open_hearing)
    page.save_revision(user=secretary_a)
    state = page.get_workflow().start(page, secretary_a)
    state.cancel(user=secretary_a)
    assert status(open_hearing) == HearingStatus.DRAFTING


def test_published_when_the_response_is_live(open_hearing, index_a):
    HearingResponsePageFactory(parent=index_a, hearing=open_hearing, published=True)
    assert status(open_hearing) == HearingStatus.PUBLISHED


def test_decided_once_the_decision_is_recorded(open_hearing, index_a):
    HearingResponsePageFactory(parent=index_a, hearing=open_hearing, published=True)
    open_hearing.decided_on = days(-1)
    open_hearing.save()
    assert status(open_hearing) == HearingStatus.DECIDED


@pytest.mark.parametrize("response", [None, "draft", "workflow"])
def test_overdue_when_the_deadline_passed_without_a_published_response(
    past_deadline, index_a, secretary_a, response
):
    if response:
        page = HearingResponsePageFactory(parent=index_a, hearing=past_deadline)
        page.save_revision(user=secretary_a)
        if response == "workflow":
            page.get_workflow().start(page, secretary_a)
    assert status(past_deadline) == HearingStatus.OVERDUE


def test_not_overdue_on_the_deadline_day_itself(council_a):
    hearing = HearingFactory(council=council_a, received_on=days(-20), deadline=TODAY)
    assert status(hearing) == HearingStatus.RECEIVED


def test_a_late_but_published_response_is_published_not_overdue(past_deadline, index_a):
    HearingResponsePageFactory(parent=index_a, hearing=past_deadline, published=True)
    assert status(past_deadline) == HearingStatus.PUBLISHED


def test_unpublished_response_counts_as_a_draft_again(open_hearing, index_a):
    page = HearingResponsePageFactory(
        parent=index_a, hearing=open_hearing, published=True
    )
    page.unpublish()
    assert status(open_hearing) == HearingStatus.DRAFTING


def test_the_list_annotation_and_the_single_lookup_agree(
    open_hearing, past_deadline, index_a
):
    HearingResponsePageFactory(parent=index_a, hearing=open_hearing)
    annotated = {
        h.pk: h.status for h in hearings_with_status(Hearing.objects.all(), today=TODAY)
    }
    assert annotated == {
        open_hearing.pk: HearingStatus.DRAFTING,
        past_deadline.pk: HearingStatus.OVERDUE,
    }


def test_status_counts_from_today_by_default(council_a):
    today = timezone.localdate()
    hearing = HearingFactory(
        council=council_a,
        received_on=today - datetime.timedelta(days=30),
        deadline=today - datetime.timedelta(days=1),
    )
    assert hearing_status(hearing=hearing) == HearingStatus.OVERDUE


@pytest.mark.parametrize(
    ("deadline", "words"),
    [
        (5, "5 dage tilbage"),
        (1, "1 dag tilbage"),
        (0, "Fristen er i dag"),
        (-3, "Fristen er overskredet med 3 dage"),
    ],
)
def test_deadline_said_in_words(council_a, deadline, words):
    hearing = HearingFactory(
        council=council_a, received_on=days(-30), deadline=days(deadline)
    )
    assert deadline_words(hearing, today=TODAY) == words
