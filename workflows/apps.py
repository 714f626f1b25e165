from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    """The chair-approval workflow, its tasks, checks and notifications."""

    name = "workflows"
    verbose_name = _("Workflows")

    def ready(self):
        from workflows.signal_handlers import register_signal_handlers

        register_signal_handlers()
