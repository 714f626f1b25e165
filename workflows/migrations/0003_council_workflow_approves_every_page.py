"""The council's workflow approves every page of the council (meetings and
content pages as well as hearing responses): its purpose and its name say
so now. Existing workflows, their tasks and states are kept; only the
purpose value and, where it was never changed, the name are updated."""

from django.db import migrations, models

OLD_NAME, NEW_NAME = "Godkendelse af høringssvar", "Godkendelse af rådets sider"


def purpose_and_name_update(apps, schema_editor):
    CouncilWorkflow = apps.get_model("workflows", "CouncilWorkflow")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    CouncilWorkflow.objects.filter(purpose="hearing_responses").update(
        purpose="council_pages"
    )
    Workflow.objects.filter(
        council_workflow__isnull=False, name=OLD_NAME
    ).update(name=NEW_NAME)


def purpose_and_name_back(apps, schema_editor):
    CouncilWorkflow = apps.get_model("workflows", "CouncilWorkflow")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    CouncilWorkflow.objects.filter(purpose="council_pages").update(
        purpose="hearing_responses"
    )
    Workflow.objects.filter(
        council_workflow__isnull=False, name=NEW_NAME
    ).update(name=OLD_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0002_deliveries_and_reminders_move_to_hearings"),
    ]

    operations = [
        migrations.AlterField(
            model_name="councilworkflow",
            name="purpose",
            field=models.CharField(
                choices=[("council_pages", "The council's pages")],
                max_length=40,
                verbose_name="purpose",
            ),
        ),
        migrations.RunPython(purpose_and_name_update, purpose_and_name_back),
    ]
