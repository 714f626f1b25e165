from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from cms.two_factor import two_factor_reset


class Command(BaseCommand):
    help = (
        "Remove a person's authenticator app and recovery codes (a lost "
        "phone): at the next login they set up a new app. The same as "
        "'Reset second factor' in the admin's list of users."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(options["username"])
        except User.DoesNotExist as exc:
            raise CommandError(
                _("No user is called %(username)s.") % {"username": options["username"]}
            ) from exc
        removed = two_factor_reset(user=user)
        self.stdout.write(
            self.style.SUCCESS(
                _("The second factor of %(username)s is reset (%(count)s removed).")
                % {"username": user.get_username(), "count": removed}
            )
        )
