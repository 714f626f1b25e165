import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from cms.demo import DEMO_USERS, demo_seed


class Command(BaseCommand):
    help = (
        "Create two fictitious demo councils (Eksempelby, Prøvestrup), their "
        "users and Danish demo content. Safe to run again: nothing is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (never on a real installation).",
        )
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                _(
                    "seed_demo creates demo users with a known password and only "
                    "runs with DEBUG on. Use --force if you really mean it."
                )
            )
        # The demo's people and municipalities have addresses under the
        # reserved .example domain, to which no mail is ever sent.
        result = demo_seed(
            password=os.environ.get("DEMO_PASSWORD") or None, port=options["port"]
        )
        self._report(result, port=options["port"])

    def _report(self, result, *, port):
        self.stdout.write(
            _("Demo councils: http://127.0.0.1:%(port)s/ (Eksempelby), ")
            % {"port": port}
            + f"http://provestrup.localhost:{port}/ (Prøvestrup)"
        )
        self.stdout.write(_("Admin: http://127.0.0.1:%(port)s/admin/") % {"port": port})
        users = ["admin"] + [u[0] for u in DEMO_USERS]
        self.stdout.write(_("Demo logins: %(users)s") % {"users": ", ".join(users)})
        if result.password_generated:
            self.stdout.write(
                self.style.WARNING(
                    _("Password for new demo users (shown only this once): %(pw)s")
                    % {"pw": result.password}
                )
            )
        elif result.password:
            self.stdout.write(_("Password: the value of DEMO_PASSWORD."))
        else:
            self.stdout.write(
                _(
                    "The demo users already exist; their password is unchanged. "
                    "Set DEMO_PASSWORD to choose a new one."
                )
            )
