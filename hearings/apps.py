from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HearingsConfig(AppConfig):
    """Hearings from the municipality and the council's responses to them."""

    name = "hearings"
    verbose_name = _("Hearings")

    def ready(self):
        # Django: receivers, tenancy rules and the working groups' draft
        # texts' hooks need the models, loaded by now.
        from hearings import alert_receivers, receivers, tenancy  # noqa: F401
        from hearings.group_drafts import wagtail_hooks as _hooks  # noqa: F401

        tenancy.register()
