"""Remove Wagtail's stock "Editors" and "Moderators" groups and the
"Moderators approval" workflow.

Wagtail's initial migrations give those groups rights on the root of the
page tree and the root collection: whoever is put in them may edit or
moderate every council's pages and files. Here, rights belong to a
council's own groups only (cms.services, checked by cms.checks).

A stock group that already has members is kept, stripped of every right,
so that nobody's account breaks; an empty one is deleted. The workflow is
deleted unless pages have been through it; then it is only detached and
deactivated, keeping their moderation history. Reversing does nothing.
"""

from django.db import migrations

STOCK_GROUPS = ["Editors", "Moderators"]
STOCK_WORKFLOW = "Moderators approval"
OPEN = ["in_progress", "needs_changes"]


def remove_stock_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    stock = Group.objects.filter(name__in=STOCK_GROUPS, council_group__isnull=True)
    for group in stock:
        _strip_rights(apps, group)
        if not group.user_set.exists():
            group.delete()


def _strip_rights(apps, group):
    """Remove the rights the stock migrations gave: on the tree root, the
    root collection, and the group's model permissions."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    GroupPagePermission.objects.filter(group=group, page__depth=1).delete()
    GroupCollectionPermission.objects.filter(group=group, collection__depth=1).delete()
    group.permissions.clear()


def remove_stock_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    for workflow in Workflow.objects.filter(name=STOCK_WORKFLOW):
        tasks = Task.objects.filter(workflow_tasks__workflow=workflow)
        tasks = list(tasks.filter(name=STOCK_WORKFLOW))
        if _has_history(apps, workflow):
            _deactivate(apps, workflow, tasks)
        else:
            workflow.delete()
            for task in tasks:
                if not task.workflow_tasks.exists():
                    task.delete()


def _has_history(apps, workflow):
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    return WorkflowState.objects.filter(workflow=workflow).exists()


def _deactivate(apps, workflow, tasks):
    """As Workflow.deactivate() does: cancel what is open, detach, switch off."""
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    states = WorkflowState.objects.filter(workflow=workflow, status__in=OPEN)
    TaskState.objects.filter(workflow_state__in=states, status="in_progress").update(
        status="cancelled"
    )
    states.update(status="cancelled")
    WorkflowPage.objects.filter(workflow=workflow).delete()
    workflow.workflow_content_types.all().delete()
    workflow.active = False
    workflow.save(update_fields=["active"])
    for task in tasks:
        task.active = False
        task.save(update_fields=["active"])


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_council_root_page_and_collection"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        # These two also hand the stock groups permissions; run after them.
        ("wagtailadmin", "0006_formstate"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RunPython(remove_stock_groups, migrations.RunPython.noop),
        migrations.RunPython(remove_stock_workflow, migrations.RunPython.noop),
    ]
