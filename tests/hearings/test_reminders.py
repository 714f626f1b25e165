"""Daily deadline reminders: a week and two days before, and once overdue;
to the council's secretariat and chairs; never the same reminder twice."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from hearings.models import DeadlineReminder
from tests.factories import HearingFactory, HearingResponsePageFactory

TODAY = timezone.localdate()


def run(on=TODAY):
    call_command("send_deadline_reminders", date=on.isoformat(), stdout=StringIO())


def hearing(council, days, **kwargs):
    return HearingFactory(
        council=council,
        title=kwargs.pop("title", f"Høring med frist om {days} dage"),
        received_on=TODAY - timedelta(days=40),
        deadline=TODAY + timedelta(days=days),
        **kwargs,
    )


def mailed(title_part):
    return sorted(
        address
        for message in mail.outbox
        if title_part in message.subject
        for address in message.to
    )


@pytest.fixture
def staff_a(secretary_a, chair_a, vice_chair_a, member_a):
    return sorted([secretary_a.email, chair_a.email, vice_chair_a.email])


def test_reminders_go_to_the_councils_secretariat_and_chairs(
    council_a, council_b, staff_a, secretary_b, chair_b, index_a
):
    week = hearing(council_a, 7, title="Høring om boliger")
    two = hearing(council_a, 2, title="Høring om varmestuer")
    hearing(council_a, -1, title="Høring om misbrug")
    hearing(council_a, 8, title="Høring langt ude")
    hearing(council_a, -30, title="Høring fra længe siden")
    hearing(council_a, -1, title="Høring afgjort", decided_on=TODAY)
    answered = hearing(council_a, 2, title="Høring besvaret")
    HearingResponsePageFactory(parent=index_a, hearing=answered, published=True)
    hearing(council_b, 7, title="Høring i Prøvestrup")
    mail.outbox.clear()

    run()

    assert mailed("Høring om boliger") == staff_a
    assert mailed("Høring om varmestuer") == staff_a
    assert mailed("Fristen er overskredet: Høring om misbrug") == staff_a
    assert mailed("Høring i Prøvestrup") == sorted([secretary_b.email, chair_b.email])
    for quiet in ("langt ude", "længe siden", "afgjort", "besvaret"):
        assert mailed(quiet) == []
    kinds = dict(DeadlineReminder.objects.values_list("hearing_id", "kind"))
    assert (kinds[week.pk], kinds[two.pk]) == ("week", "two_days")


def test_the_same_reminder_is_never_sent_twice(council_a, staff_a):
    hearing(council_a, 7, title="Høring om boliger")
    run()
    mail.outbox.clear()

    run()
    run(TODAY + timedelta(days=1))  # six days left: the week reminder is sent

    assert mail.outbox == []
    assert DeadlineReminder.objects.count() == 1


def test_two_days_before_and_after_the_deadline_come_once_each(council_a, staff_a):
    hearing(council_a, 7, title="Høring om boliger")

    for day in range(0, 12):
        run(TODAY + timedelta(days=day))

    kinds = sorted(DeadlineReminder.objects.values_list("kind", flat=True))
    assert kinds == ["overdue", "two_days", "week"]
    assert len(mail.outbox) == 3 * len(staff_a)


def test_a_moved_deadline_earns_new_reminders(council_a, staff_a):
    moved = hearing(council_a, 7, title="Høring om boliger")
    run()

    moved.deadline = TODAY + timedelta(days=5)
    moved.save()
    mail.outbox.clear()
    run()

    assert mailed("Høring om boliger") == staff_a


def test_a_reminder_that_could_not_be_sent_is_tried_again(council_a, staff_a, settings):
    hearing(council_a, 2, title="Høring om varmestuer")
    settings.EMAIL_BACKEND = "tests.workflows.mail_backends.RefusingBackend"

    with pytest.raises(CommandError):
        run()

    assert DeadlineReminder.objects.count() == 0
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run()
    assert mailed("Høring om varmestuer") == staff_a
