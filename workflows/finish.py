"""The action Wagtail runs when a workflow is approved (see settings).

Wagtail imports this while its own models are being loaded, so the module
imports nothing at load time and hands over to workflows.services.
"""


def publish_approved_revision(workflow_state, user=None):
    """Adapter with the signature Wagtail calls the finish action with."""
    # Wagtail: WAGTAIL_FINISH_WORKFLOW_ACTION is imported while its own
    # models load, before the services' models exist.
    from workflows.services import workflow_state_publish

    return workflow_state_publish(workflow_state=workflow_state, user=user)
