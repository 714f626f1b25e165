"""Daily: delete what citizens wrote about hearings once its time is up.

Run once a day from cron (see README): input goes CITIZEN_INPUT_RETENTION_DAYS
after the hearing's decision is recorded, or
CITIZEN_INPUT_UNDECIDED_RETENTION_DAYS after the deadline if none ever is.
Safe to run more often or twice in parallel.
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from hearings.citizen_input.services import citizen_inputs_expired_delete


class Command(BaseCommand):
    help = (
        "Delete citizens' input to hearings decided longer ago than "
        "CITIZEN_INPUT_RETENTION_DAYS (or never decided, with a deadline "
        "longer ago than CITIZEN_INPUT_UNDECIDED_RETENTION_DAYS)."
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
        deleted = citizen_inputs_expired_delete(today=today)
        self.stdout.write(f"{deleted} input(s) from citizens deleted.")
