"""Who may do what with working groups in the admin.

The council role decides, not a model permission: the secretariat keeps its
council's groups, every member of the council reads them, and a group's
texts are written by its members and the secretariat. Every answer is
scoped to the councils the user serves (pages.working_groups.selectors), so
another council's group is never the user's to act on.
"""

from wagtail.permission_policies.base import BasePermissionPolicy

from pages.working_groups.models import WorkingGroup, WorkingGroupText
from pages.working_groups.selectors import (
    secretariat_sites,
    working_group_texts_for_user,
    working_groups_for_user,
    working_groups_managed_by,
    working_groups_written_in,
)

KEEPING_ACTIONS = frozenset({"add", "change", "delete"})


def _answer(user, question, compute):
    """One database answer per user object and question. The admin asks the
    same question many times while it draws one page (menus, dashboard,
    listing buttons); a request has its own user object, so no answer
    outlives the request."""
    answers = getattr(user, "_working_group_answers", None)
    if answers is None:
        answers = {}
        user._working_group_answers = answers
    if question not in answers:
        answers[question] = compute()
    return answers[question]


class WorkingGroupPermissionPolicy(BasePermissionPolicy):
    """The secretariat keeps its council's groups; the council reads them."""

    def user_has_permission(self, user, action):
        if not user.is_authenticated or not user.is_active:
            return False
        if action in KEEPING_ACTIONS:
            return _answer(user, "keeps", lambda: secretariat_sites(user=user).exists())
        if action != "view":
            return False
        return _answer(
            user, "reads", lambda: working_groups_for_user(user=user).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not user.is_authenticated or not user.is_active:
            return WorkingGroup.objects.none()
        if set(actions) & KEEPING_ACTIONS:
            kept = working_groups_managed_by(user=user)
            if "view" not in actions:
                return kept
        return working_groups_for_user(user=user)

    def user_has_permission_for_instance(self, user, action, instance):
        actions = [action]
        return (
            self.instances_user_has_any_permission_for(user, actions)
            .filter(pk=instance.pk)
            .exists()
        )

    def users_with_any_permission(self, actions):
        raise NotImplementedError  # nothing here asks who may


class WorkingGroupTextPermissionPolicy(BasePermissionPolicy):
    """The group's members and the council's secretariat write its texts;
    nobody else reads them."""

    def user_has_permission(self, user, action):
        if not user.is_authenticated or not user.is_active:
            return False
        return _answer(
            user, "writes", lambda: working_groups_written_in(user=user).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not user.is_authenticated or not user.is_active:
            return WorkingGroupText.objects.none()
        return working_group_texts_for_user(user=user)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.instances_user_has_any_permission_for(user, [action])
            .filter(pk=instance.pk)
            .exists()
        )

    def users_with_any_permission(self, actions):
        raise NotImplementedError  # nothing here asks who may


WORKING_GROUP_PERMISSIONS = WorkingGroupPermissionPolicy(WorkingGroup)
WORKING_GROUP_TEXT_PERMISSIONS = WorkingGroupTextPermissionPolicy(WorkingGroupText)
