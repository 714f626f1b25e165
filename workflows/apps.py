from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    """The chair-approval workflow, its tasks, checks and notifications."""

    name = "workflows"
    verbose_name = _("Workflows")

    def ready(self):
        from workflows.signal_handlers import register_signal_handlers

        register_signal_handlers()
        # Every page model's saves pass the publish guard.
        from workflows import publish_guard

        publish_guard.connect()
        # Imported here: the guard imports models, which load after apps.
        from cms.admin_guard import allow_staff_urls

        allow_staff_urls(
            names=("workflows_readability", "workflows_translation_submit")
        )
