"""Daily: remind each council's secretariat and chairs of hearing deadlines.

Run once a day from cron (see README). Safe to run more often or twice in
parallel: a reminder is recorded before it is sent and never sent twice.
Each reminder is a background task: sent here and now with the immediate
backend, by `manage.py db_worker` with the database queue.
"""

from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from hearings.management.date_option import date_option_add, date_option_value
from hearings.reminders import deadline_reminders_send


class Command(BaseCommand):
    help = (
        "Mail the secretariat and chairs about hearings whose deadline is 7 or "
        "2 days away, or has passed, with no published response."
    )

    def add_arguments(self, parser):
        date_option_add(parser)

    def handle(self, *args, **options):
        today = date_option_value(options)
        by_status = {}
        for hearing, result in deadline_reminders_send(today=today):
            by_status.setdefault(result.status, []).append((hearing, result))
        self.report(by_status)

    def report(self, by_status):
        """What went out (finished tasks) and what waits for the worker."""
        sent = by_status.get(TaskResultStatus.SUCCESSFUL, [])
        for hearing, result in sent:
            if result.return_value is not None:
                self.stdout.write(f"{hearing} ({result.return_value})")
        queued = by_status.get(TaskResultStatus.READY, [])
        self.stdout.write(f"{len(sent)} reminder(s) sent, {len(queued)} queued.")
        failed = by_status.get(TaskResultStatus.FAILED, [])
        if failed:
            names = ", ".join(str(hearing.pk) for hearing, _ in failed)
            raise CommandError(
                f"Reminders for hearing(s) {names} could not be sent; "
                "they will be tried again on the next run."
            )
