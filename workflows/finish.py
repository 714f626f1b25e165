"""The action Wagtail runs when a workflow is approved (see settings).

Wagtail imports this while its own models are being loaded, so the module
imports nothing at load time and hands over to workflows.services.
"""


def publish_approved_revision(workflow_state, user=None):
    """Adapter with the signature Wagtail calls the finish action with."""
    from workflows.services import workflow_state_publish

    return workflow_state_publish(workflow_state=workflow_state, user=user)
