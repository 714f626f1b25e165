"""Members and chairs are reminded of a meeting the day before and on the
day, by the channels each chose, once; the secretariat hears of a late
agenda, once. Driven through the daily command with its --date option."""

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection

from cms import text_messages
from cms.models import CouncilRole, CouncilSettings
from pages.meeting_reminders import meeting_reminders_send
from pages.models import MeetingReminder
from tests.conftest import council_user
from tests.pages.reminder_fixtures import (
    DAY_BEFORE,
    MEETING_DAY,
    choose,
    meeting_of,
    run_reminders,
)
from tests.task_queue import DATABASE_QUEUE, run_worker


@pytest.fixture(autouse=True)
def empty_outboxes():
    mail.outbox.clear()
    text_messages.outbox.clear()


@pytest.fixture
def people_a(secretary_a, chair_a, vice_chair_a, member_a):
    return {
        "secretary": secretary_a,
        "chairs": [chair_a, vice_chair_a],
        "member": member_a,
    }


def mailed_to():
    return sorted(address for message in mail.outbox for address in message.to)


def test_the_day_before_members_and_chairs_get_an_email(council_a, people_a, chair_b):
    meeting = meeting_of(council_a)

    run_reminders(DAY_BEFORE)

    reminded = [people_a["member"], *people_a["chairs"]]
    assert mailed_to() == sorted(user.email for user in reminded)
    message = next(m for m in mail.outbox if m.to == [people_a["member"].email])
    assert message.subject == "Rådsmøde i morgen kl. 17.00"
    assert "Rådet holder møde i morgen, onsdag 10. marts, kl. 17.00." in message.body
    assert "Sted: Værestedet Kilden, Kildevej 7, Eksempelby" in message.body
    assert meeting.get_full_url() in message.body


def test_on_the_day_the_reminder_says_today(council_a, member_a):
    meeting_of(council_a)

    run_reminders(MEETING_DAY)

    assert mailed_to() == [member_a.email]
    assert mail.outbox[0].subject == "Rådsmøde i dag kl. 17.00"
    assert (
        "Rådet holder møde i dag, onsdag 10. marts, kl. 17.00." in mail.outbox[0].body
    )


def test_no_reminder_on_other_days_or_for_a_draft_meeting(council_a, member_a):
    meeting_of(council_a)
    meeting_of(
        council_a,
        day=MEETING_DAY + datetime.timedelta(days=1),
        live=False,
        title="Ekstra rådsmøde",
    )

    run_reminders(MEETING_DAY - datetime.timedelta(days=2))
    run_reminders(MEETING_DAY + datetime.timedelta(days=1))

    assert mail.outbox == []


def test_the_same_reminder_is_never_sent_twice(council_a, people_a):
    meeting_of(council_a)

    run_reminders(DAY_BEFORE)
    run_reminders(DAY_BEFORE)

    assert len(mail.outbox) == 3
    assert MeetingReminder.objects.filter(status="sent").count() == 3
    run_reminders(MEETING_DAY)
    assert len(mail.outbox) == 6


def test_each_person_is_reached_by_the_channels_they_chose(
    council_a, chair_a, vice_chair_a, member_a
):
    meeting_of(council_a)
    choose(member_a, email=False, sms=True, phone="+4520304050")
    choose(chair_a, email=True, sms=True, phone="+4560708090")
    choose(vice_chair_a, email=False, sms=False)

    run_reminders(DAY_BEFORE)

    assert mailed_to() == [chair_a.email]
    assert sorted(sms["to"] for sms in text_messages.outbox) == [
        "+4520304050",
        "+4560708090",
    ]
    body = text_messages.outbox[0]["body"]
    assert body.startswith(
        "Udsatterådet i Eksempelby: møde i morgen, onsdag 10. marts, kl. 17.00. "
        "Sted: Værestedet Kilden, Kildevej 7, Eksempelby."
    )


def test_a_deleted_phone_number_stops_the_text_messages(council_a, member_a):
    meeting_of(council_a)
    choose(member_a, email=False, sms=True, phone="+4520304050")
    run_reminders(DAY_BEFORE)
    assert len(text_messages.outbox) == 1

    choose(member_a, email=False, sms=False, phone="")
    run_reminders(MEETING_DAY)

    assert len(text_messages.outbox) == 1


def test_a_text_message_waiting_when_the_number_is_deleted_is_not_sent(
    council_a, member_a, settings, monkeypatch
):
    meeting_of(council_a)
    choose(member_a, email=False, sms=True, phone="+4520304050")
    settings.TASKS = DATABASE_QUEUE
    run_reminders(DAY_BEFORE)

    choose(member_a, email=False, sms=False, phone="")
    run_worker(monkeypatch)

    assert text_messages.outbox == []
    assert MeetingReminder.objects.get().status == "cancelled"


def test_deactivated_people_get_nothing(council_a, member_a):
    meeting_of(council_a)
    member_a.is_active = False
    member_a.save()

    run_reminders(DAY_BEFORE)

    assert mail.outbox == []


def test_a_council_reminds_only_its_own_people(council_a, council_b, member_a):
    member_b = council_user("medlem-b", council_b, CouncilRole.MEMBERS)
    meeting_of(council_b)

    run_reminders(DAY_BEFORE)

    assert mailed_to() == [member_b.email]


def test_with_the_database_queue_the_worker_sends(
    council_a, member_a, settings, monkeypatch
):
    meeting_of(council_a)
    settings.TASKS = DATABASE_QUEUE

    output = run_reminders(DAY_BEFORE)

    assert "1 queued" in output
    assert mail.outbox == []
    run_worker(monkeypatch)
    assert mailed_to() == [member_a.email]


# The late agenda -------------------------------------------------------------


def test_the_secretariat_hears_once_of_an_agenda_not_published_in_time(
    council_a, people_a
):
    meeting = meeting_of(council_a, live=False, title="Rådsmøde om budgettet")

    run_reminders(MEETING_DAY - datetime.timedelta(days=8))
    assert mail.outbox == []

    run_reminders(MEETING_DAY - datetime.timedelta(days=7))
    run_reminders(MEETING_DAY - datetime.timedelta(days=6))

    assert mailed_to() == [people_a["secretary"].email]
    message = mail.outbox[0]
    assert message.subject == "Dagsordenen er forsinket: Rådsmøde om budgettet"
    assert "onsdag 10. marts kl. 17.00" in message.body
    assert "offentliggør dagsordenen 7 dage før et møde" in message.body
    assert f"/admin/pages/{meeting.pk}/edit/" in message.body


def test_the_council_sets_how_many_days_ahead(council_a, secretary_a):
    council = CouncilSettings.for_site(council_a)
    council.agenda_days_ahead = 14
    council.save()
    meeting_of(council_a, live=False)

    run_reminders(MEETING_DAY - datetime.timedelta(days=14))

    assert mailed_to() == [secretary_a.email]


def test_a_published_agenda_earns_no_late_reminder(council_a, secretary_a):
    meeting_of(council_a)

    run_reminders(MEETING_DAY - datetime.timedelta(days=5))

    assert mail.outbox == []


# Concurrency -----------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_runs_at_once_send_each_reminder_once(council_a, people_a):
    meeting_of(council_a)
    barrier = threading.Barrier(2)

    def run():
        try:
            barrier.wait()
            meeting_reminders_send(today=DAY_BEFORE)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(mail.outbox) == 3
    assert MeetingReminder.objects.filter(status="sent").count() == 3
