"""Send again approved responses whose e-mail to the municipality failed.

Run from cron, e.g. every 15 minutes (see README).
"""

from django.core.management.base import BaseCommand

from hearings.deliveries import response_deliveries_retry


class Command(BaseCommand):
    help = "Send approved hearing responses whose delivery e-mail has not gone out."

    def handle(self, *args, **options):
        sent, failed = response_deliveries_retry()
        self.stdout.write(f"{sent} delivered, {failed} still failing.")
        if failed:
            self.stderr.write(
                f"{failed} delivery(ies) failed again; see the pages' history."
            )
