"""Putting demo content live the way a council does: the secretary submits,
a chair approves.

The demo's pages then carry a real history (submitted by the secretary,
approved by the chair) and pass the same publish guard as everything else.
A council without demo people (a test seeding one app alone) has nobody to
approve, so its demo pages go live as the platform's bootstrap instead.
"""

from cms.models import CouncilRole
from cms.selectors import council_group
from workflows import publish_guard, task_actions


def _first_member(site, role):
    return council_group(site=site, role=role).user_set.order_by("pk").first()


def demo_approve(*, page, site):
    """Save the page's current state and put it live through the council's
    approval, submitted by its secretary and approved by its first chair."""
    secretary = _first_member(site, CouncilRole.SECRETARIAT)
    chair = _first_member(site, CouncilRole.CHAIRS)
    workflow = page.get_workflow()
    if secretary is None or chair is None or workflow is None:
        with publish_guard.bootstrap(reason="demo seed without demo people"):
            page.save_revision(user=secretary).publish()
        return
    page.save_revision(user=secretary)
    state = workflow.start(page, secretary)
    task_actions.task_state_act(
        task_state=state.current_task_state, user=chair, action="approve"
    )
