"""Delete the e-mail alert requests nobody confirmed in time.

Run from cron, e.g. once an hour (see README); an expired link also deletes
its own request when someone opens it.
"""

from django.core.management.base import BaseCommand

from hearings.alerts import alert_subscriptions_expire


class Command(BaseCommand):
    help = "Delete unconfirmed e-mail alert subscriptions whose link has expired."

    def handle(self, *args, **options):
        count = alert_subscriptions_expire()
        self.stdout.write(f"{count} unconfirmed subscription(s) deleted.")
