"""Deadline reminders: a week and two days before a hearing's deadline, and
once it has passed, to the council's secretariat and chairs, while no
response is published. Each is recorded so it is never sent twice (see
DeadlineReminder); if sending fails the record is rolled back, so the next
run tries again. The daily command enqueues one background task per due
reminder (cms.background_tasks); the task records and mails it.
"""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from cms.models import CouncilSettings
from hearings.models import DeadlineReminder, Hearing, HearingStatus
from hearings.selectors import (
    deadline_words,
    hearing_response,
    hearing_status,
    hearings_with_status,
)
from workflows.mail import admin_url, send_to_users
from workflows.selectors import council_staff

# How long after a deadline an "overdue" reminder is still worth sending: it
# keeps a first run on old data (or a cron that was down) from flooding staff.
OVERDUE_REMINDER_WINDOW = timedelta(days=14)


def reminder_kind(*, days_left):
    """Which reminder a hearing with this many days left is due, or None."""
    if days_left < 0:
        return DeadlineReminder.Kind.OVERDUE
    if days_left <= 2:
        return DeadlineReminder.Kind.TWO_DAYS
    if days_left <= 7:
        return DeadlineReminder.Kind.WEEK
    return None


def due_reminders(*, today=None):
    """(hearing, kind) for every reminder due today and not yet sent: the
    deadline is within a week, or passed, and no response is published."""
    today = today or timezone.localdate()
    window = Hearing.objects.filter(
        deadline__lte=today + timedelta(days=7),
        deadline__gte=today - OVERDUE_REMINDER_WINDOW,
    )
    hearings = (
        hearings_with_status(window, today=today)
        .exclude(status__in=[HearingStatus.PUBLISHED, HearingStatus.DECIDED])
        .select_related("council")
        .order_by("deadline", "pk")
    )
    sent = set(
        DeadlineReminder.objects.filter(hearing__in=window).values_list(
            "hearing_id", "kind", "deadline"
        )
    )
    due = []
    for hearing in hearings:
        kind = reminder_kind(days_left=(hearing.deadline - today).days)
        if kind and (hearing.pk, kind, hearing.deadline) not in sent:
            due.append((hearing, kind))
    return due


def deadline_reminders_send(*, today=None):
    """Enqueue every reminder due today, one task each. Returns (hearing,
    task result) pairs: finished at once with the immediate backend, waiting
    for the worker with the database queue."""
    today = today or timezone.localdate()
    return [
        (hearing, deadline_reminder_task.enqueue(hearing.pk, kind, today.isoformat()))
        for hearing, kind in due_reminders(today=today)
    ]


@task()
def deadline_reminder_task(hearing_id, kind, today):
    """Background task: record and send one reminder. Returns how many
    people were mailed, or None if another run sent it a moment ago."""
    hearing = Hearing.objects.select_related("council").get(pk=hearing_id)
    try:
        reminder = _deadline_reminder_send(hearing, kind, date.fromisoformat(today))
    except IntegrityError:
        return None
    return reminder.recipient_count


def _deadline_reminder_send(hearing, kind, today):
    with transaction.atomic():
        reminder = hearing.deadline_reminders.create(
            kind=kind, deadline=hearing.deadline
        )
        reminder.recipient_count = reminder_send(
            hearing=hearing, kind=kind, today=today
        )
        reminder.save(update_fields=["recipient_count"])
    return reminder


def reminder_send(*, hearing, kind, today=None):
    """Remind the council's secretariat and chairs of a hearing's deadline.
    Returns how many people were mailed."""
    response = hearing_response(hearing=hearing)
    context = {
        "hearing": hearing,
        "kind": kind,
        "days_left": (hearing.deadline - (today or timezone.localdate())).days,
        "deadline_words": deadline_words(hearing, today=today),
        "status": hearing_status(hearing=hearing, today=today).label,
        "council": CouncilSettings.for_site(hearing.council).name,
        "response": response,
        "response_url": admin_url("wagtailadmin_pages:edit", response.pk)
        if response
        else "",
        "hearing_url": admin_url("hearings_hearing:edit", hearing.pk),
    }
    staff = council_staff(site=hearing.council)
    return len(
        send_to_users(
            "hearings/mail/deadline_reminder", context, staff, raise_errors=True
        )
    )
