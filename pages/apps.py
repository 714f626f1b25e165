from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Home, content and meeting pages of a council's public site, and the
    council's working groups (pages.working_groups)."""

    name = "pages"
    verbose_name = _("Pages")

    def import_models(self):
        super().import_models()
        # Django: the working groups keep their models in their own package,
        # registered as this app's models while the registry loads models.
        import_module("pages.working_groups.models")

    def ready(self):
        # Django: signal receivers, tenancy rules and the working groups'
        # Wagtail hooks register once the app registry is ready.
        from pages import receivers  # noqa: F401
        from pages.working_groups import tenancy
        from pages.working_groups import wagtail_hooks as _hooks  # noqa: F401

        tenancy.register()
