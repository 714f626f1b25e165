"""Daily: remind each council's secretariat and chairs of hearing deadlines.

Run once a day from cron (see README). Safe to run more often or twice in
parallel: a reminder is recorded before it is sent and never sent twice.
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from hearings.reminders import deadline_reminders_send


class Command(BaseCommand):
    help = (
        "Mail the secretariat and chairs about hearings whose deadline is 7 or "
        "2 days away, or has passed, with no published response."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help="Act as if today were this date (YYYY-MM-DD); for testing.",
        )

    def handle(self, *args, **options):
        today = None
        if options["date"]:
            try:
                today = date.fromisoformat(options["date"])
            except ValueError as exc:
                raise CommandError("--date must be YYYY-MM-DD.") from exc
        sent, failed = deadline_reminders_send(today=today)
        for reminder in sent:
            self.stdout.write(
                f"{reminder.kind}: {reminder.hearing} ({reminder.recipient_count})"
            )
        self.stdout.write(f"{len(sent)} reminder(s) sent.")
        if failed:
            names = ", ".join(str(hearing.pk) for hearing in failed)
            raise CommandError(
                f"Reminders for hearing(s) {names} could not be sent; "
                "they will be tried again on the next run."
            )
