"""No group holds rights beyond one council: Wagtail's stock groups and
workflow are removed, and the system check fails on any such right."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.checks import run_checks
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from cms.models import CouncilRole
from cms.selectors import council_group
from cms.services import council_collection
from tests.factories import ContentPageFactory, UserFactory

STOCK_GROUPS = ["Editors", "Moderators"]
migration = importlib.import_module("cms.migrations.0004_remove_platform_wide_groups")


def talerror_check_ids():
    return sorted(
        message.id
        for message in run_checks(tags=["security"], databases=["default"])
        if message.id.startswith("talerror.")
    )


def grant_page_right(group, page, codename="change_page"):
    GroupPagePermission.objects.create(
        group=group,
        page=page,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        ),
    )


def grant_collection_right(group, collection, codename="choose_document"):
    GroupCollectionPermission.objects.create(
        group=group,
        collection=collection,
        permission=Permission.objects.get(
            content_type__app_label="wagtaildocs", codename=codename
        ),
    )


@pytest.fixture
def secretariat_a(council_a):
    return council_group(site=council_a, role=CouncilRole.SECRETARIAT)


def test_migrations_leave_no_stock_groups_or_workflow(db):
    assert not Group.objects.filter(name__in=STOCK_GROUPS).exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
    assert not WorkflowPage.objects.filter(page__depth=1).exists()
    assert not GroupPagePermission.objects.filter(page__depth=1).exists()
    assert not GroupCollectionPermission.objects.filter(collection__depth=1).exists()


def test_creating_councils_does_not_bring_them_back(council_a, council_b):
    assert not Group.objects.filter(name__in=STOCK_GROUPS).exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not WorkflowPage.objects.filter(page__depth=1).exists()
    assert not GroupPagePermission.objects.filter(page__depth=1).exists()


def test_check_passes_on_a_fresh_installation_with_two_councils(council_a, council_b):
    assert talerror_check_ids() == []


def test_check_fails_on_page_rights_on_the_tree_root(secretariat_a):
    grant_page_right(secretariat_a, Page.get_first_root_node())

    assert talerror_check_ids() == ["talerror.E001"]


def test_check_fails_on_page_rights_in_another_councils_tree(secretariat_a, council_b):
    about_b = council_b.root_page.get_children().get(slug="om-raadet")
    grant_page_right(secretariat_a, about_b)

    assert talerror_check_ids() == ["talerror.E002"]


def test_check_fails_on_page_rights_outside_every_council(secretariat_a, council_a):
    outside = ContentPageFactory(
        parent=Page.get_first_root_node(), title="Løs side", live=False
    )
    grant_page_right(secretariat_a, outside)

    assert talerror_check_ids() == ["talerror.E002"]


def test_check_fails_on_rights_of_a_group_of_no_council(council_a):
    loose = Group.objects.create(name="Løse redaktører")
    grant_page_right(loose, council_a.root_page)
    grant_collection_right(loose, council_collection(council_a))

    assert talerror_check_ids() == ["talerror.E003", "talerror.E003"]


def test_check_fails_on_rights_on_the_root_collection(secretariat_a):
    grant_collection_right(secretariat_a, Collection.get_first_root_node())

    assert talerror_check_ids() == ["talerror.E004"]


def test_check_fails_on_rights_on_another_councils_collection(secretariat_a, council_b):
    grant_collection_right(secretariat_a, council_collection(council_b))

    assert talerror_check_ids() == ["talerror.E005"]


def test_check_names_the_group_and_the_page(secretariat_a, council_b):
    grant_page_right(secretariat_a, council_b.root_page)

    checks = run_checks(tags=["security"], databases=["default"])
    (error,) = [e for e in checks if e.id == "talerror.E002"]
    assert secretariat_a.name in error.msg
    assert council_b.root_page.title in error.msg


# The migration on an installation where the stock parts are still there ----


def stock_group(name):
    """A stock group as Wagtail's migrations leave it."""
    group = Group.objects.create(name=name)
    grant_page_right(group, Page.get_first_root_node(), "publish_page")
    grant_collection_right(group, Collection.get_first_root_node())
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return group


def stock_workflow(moderators):
    task = GroupApprovalTask.objects.create(name="Moderators approval")
    task.groups.set([moderators])
    workflow = Workflow.objects.create(name="Moderators approval")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=Page.get_first_root_node())
    return workflow


def test_migration_deletes_empty_stock_groups_and_the_workflow(db):
    stock_workflow(stock_group("Moderators"))
    stock_group("Editors")

    migration.remove_stock_groups(apps, None)
    migration.remove_stock_workflow(apps, None)

    assert not Group.objects.filter(name__in=STOCK_GROUPS).exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
    assert not WorkflowPage.objects.exists()


def test_migration_keeps_a_stock_group_with_members_without_its_rights(db):
    editors = stock_group("Editors")
    UserFactory(username="gammel-redaktoer").groups.add(editors)

    migration.remove_stock_groups(apps, None)

    editors.refresh_from_db()
    assert editors.user_set.count() == 1
    assert not editors.permissions.exists()
    assert not editors.page_permissions.exists()
    assert not editors.collection_permissions.exists()
    assert talerror_check_ids() == []


def test_migration_only_switches_off_a_workflow_pages_have_been_through(
    council_a, secretary_a
):
    workflow = stock_workflow(stock_group("Moderators"))
    page = ContentPageFactory(
        parent=council_a.root_page, title="Gammel sag", live=False
    )
    page.save_revision(user=secretary_a)
    workflow.start(page, secretary_a)

    migration.remove_stock_workflow(apps, None)

    workflow.refresh_from_db()
    assert not workflow.active
    assert not WorkflowPage.objects.filter(workflow=workflow).exists()
    state = WorkflowState.objects.get(workflow=workflow)
    assert state.status == WorkflowState.STATUS_CANCELLED
    assert state.current_task_state.status == "cancelled"


def test_migration_leaves_council_groups_alone(secretariat_a):
    rights_before = secretariat_a.page_permissions.count()

    migration.remove_stock_groups(apps, None)
    migration.remove_stock_workflow(apps, None)

    assert secretariat_a.page_permissions.count() == rights_before
    assert Workflow.objects.filter(active=True).count() == 1
