from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """Project app: councils (sites), their settings, groups and commands."""

    name = "cms"
    verbose_name = _("Councils")

    def ready(self):
        from cms import checks  # noqa: F401  (registers the system checks)
