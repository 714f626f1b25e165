from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """Project app: councils (sites), their settings, groups and commands."""

    name = "cms"
    verbose_name = _("Councils")

    def ready(self):
        # Django: system checks and signal receivers register once the app
        # registry is ready.
        from cms import checks, frontend_purge, page_cache_receivers  # noqa: F401
