"""Daily: delete what citizens wrote about hearings once its time is up.

Run once a day from cron (see README): input goes CITIZEN_INPUT_RETENTION_DAYS
after the hearing's decision is recorded, or
CITIZEN_INPUT_UNDECIDED_RETENTION_DAYS after the deadline if none ever is.
Safe to run more often or twice in parallel.
"""

from django.core.management.base import BaseCommand

from hearings.citizen_input.services import citizen_inputs_expired_delete
from hearings.management.date_option import date_option_add, date_option_value


class Command(BaseCommand):
    help = (
        "Delete citizens' input to hearings decided longer ago than "
        "CITIZEN_INPUT_RETENTION_DAYS (or never decided, with a deadline "
        "longer ago than CITIZEN_INPUT_UNDECIDED_RETENTION_DAYS)."
    )

    def add_arguments(self, parser):
        date_option_add(parser)

    def handle(self, *args, **options):
        today = date_option_value(options)
        deleted = citizen_inputs_expired_delete(today=today)
        self.stdout.write(f"{deleted} input(s) from citizens deleted.")
