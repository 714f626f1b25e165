"""Daily (and a few times more): remind the council's members and chairs of
tomorrow's and today's meetings, and the secretariat of late agendas.

Run from cron (see README). Safe to run more often or twice in parallel:
each reminder is recorded before it is sent and never sent twice; a failed
one is tried again on the next run. Each reminder is a background task:
sent here and now with the immediate backend, by `manage.py db_worker` with
the database queue.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from hearings.management.date_option import date_option_add, date_option_value
from pages.meeting_reminders import meeting_reminders_send
from pages.models import MeetingReminder

Status = MeetingReminder.Status


class Command(BaseCommand):
    help = (
        "Remind members and chairs of meetings the day before and on the day "
        "(e-mail, text message), and the secretariat of agendas not published "
        "in time."
    )

    def add_arguments(self, parser):
        date_option_add(parser)

    def handle(self, *args, **options):
        ids = meeting_reminders_send(today=date_option_value(options))
        # The tasks are enqueued when the transaction commits (at once here,
        # outside one); the report waits for the same moment, after them.
        transaction.on_commit(lambda: self.report(ids))

    def report(self, ids):
        """What went out, what waits for the worker, what failed."""
        reminders = MeetingReminder.objects.filter(pk__in=ids)
        counts = {status: reminders.filter(status=status).count() for status in Status}
        waiting = counts[Status.PENDING] + counts[Status.SENDING]
        self.stdout.write(
            f"{counts[Status.SENT]} reminder(s) sent, {waiting} queued, "
            f"{counts[Status.CANCELLED]} no longer wanted."
        )
        if counts[Status.FAILED]:
            raise CommandError(
                f"{counts[Status.FAILED]} reminder(s) could not be sent; they "
                "will be tried again on the next run."
            )
