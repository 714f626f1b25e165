from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HearingsConfig(AppConfig):
    """Hearings from the municipality and the council's responses to them."""

    name = "hearings"
    verbose_name = _("Hearings")

    def ready(self):
        # Registers with the base layer's tenancy rules; needs the models.
        from hearings.tenancy import register

        register()
