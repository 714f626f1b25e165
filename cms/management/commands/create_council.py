from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from cms.services import CouncilError, council_create


class Command(BaseCommand):
    help = (
        "Create a council: its Wagtail site, home page, standard pages, "
        "document collection and its secretariat, chair and member groups."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="Udsatterådet i …")
        parser.add_argument("--municipality", required=True, help="… Kommune")
        parser.add_argument("--hostname", required=True, help="e.g. raad.example.dk")
        parser.add_argument("--port", type=int, default=80)
        parser.add_argument(
            "--default", action="store_true", help="Make this the default site."
        )

    def handle(self, *args, **options):
        try:
            result = council_create(
                name=options["name"],
                municipality=options["municipality"],
                hostname=options["hostname"],
                port=options["port"],
                is_default=options["default"],
            )
        except CouncilError as exc:
            raise CommandError(str(exc)) from exc
        name = options["name"].strip()
        if result.changed:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Created %(name)s: %(parts)s")
                    % {"name": name, "parts": ", ".join(result.created)}
                )
            )
        else:
            self.stdout.write(
                _("%(name)s already exists; nothing changed.") % {"name": name}
            )
