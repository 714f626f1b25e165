from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    """The chair-approval workflow, its tasks, checks and notifications."""

    name = "workflows"
    verbose_name = _("Workflows")

    def ready(self):
        # Django: these need the models of every app, loaded only by now.
        from workflows import admin_access, publish_guard, signal_handlers

        signal_handlers.register_signal_handlers()
        # Every page model's saves pass the publish guard.
        publish_guard.connect()
        admin_access.register()
