from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Home, content and meeting pages of a council's public site."""

    name = "pages"
    verbose_name = _("Pages")

    def ready(self):
        # Django: signal receivers register once the app registry is ready.
        from pages import receivers  # noqa: F401
