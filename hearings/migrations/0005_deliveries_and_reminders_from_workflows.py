"""Takes ResponseDelivery and DeadlineReminder over from the workflows app
(whose migration 0002 renamed their tables), moves their content types and
the deliveries' history entries to this app, and names the index anew."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

OLD_ACTIONS = {
    "workflows.response_delivered": "hearings.response_delivered",
    "workflows.response_delivery_failed": "hearings.response_delivery_failed",
}


def content_types_and_actions_move(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    PageLogEntry = apps.get_model("wagtailcore", "PageLogEntry")
    ContentType.objects.filter(
        app_label="workflows", model__in=["responsedelivery", "deadlinereminder"]
    ).update(app_label="hearings")
    for old, new in OLD_ACTIONS.items():
        PageLogEntry.objects.filter(action=old).update(action=new)


def content_types_and_actions_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    PageLogEntry = apps.get_model("wagtailcore", "PageLogEntry")
    ContentType.objects.filter(
        app_label="hearings", model__in=["responsedelivery", "deadlinereminder"]
    ).update(app_label="workflows")
    for old, new in OLD_ACTIONS.items():
        PageLogEntry.objects.filter(action=new).update(action=old)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("hearings", "0004_english_theme_names"),
        ("wagtailcore", "0098_apitoken"),
        ("workflows", "0002_deliveries_and_reminders_move_to_hearings"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ResponseDelivery",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("recipient", models.EmailField(max_length=254, verbose_name="recipient")),
                        ("status", models.CharField(choices=[("pending", "Waiting to be sent"), ("sent", "Sent"), ("failed", "Sending failed")], default="pending", max_length=10, verbose_name="status")),
                        ("attempts", models.PositiveSmallIntegerField(default=0, verbose_name="attempts")),
                        ("last_error", models.TextField(blank=True, verbose_name="last error")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                        ("sent_at", models.DateTimeField(blank=True, null=True, verbose_name="sent at")),
                        ("page", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="response_deliveries", to=settings.WAGTAIL_PAGE_MODEL, verbose_name="page")),
                        ("revision", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="wagtailcore.revision", verbose_name="approved revision")),
                    ],
                    options={
                        "verbose_name": "response delivery",
                        "verbose_name_plural": "response deliveries",
                        "ordering": ["-created_at", "-pk"],
                        "indexes": [models.Index(fields=["status", "created_at"], name="workflows_r_status_50eb44_idx")],
                    },
                ),
                migrations.CreateModel(
                    name="DeadlineReminder",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("kind", models.CharField(choices=[("week", "One week before the deadline"), ("two_days", "Two days before the deadline"), ("overdue", "Deadline passed")], max_length=10, verbose_name="kind")),
                        ("deadline", models.DateField(verbose_name="deadline")),
                        ("recipient_count", models.PositiveSmallIntegerField(default=0, verbose_name="recipients")),
                        ("sent_at", models.DateTimeField(auto_now_add=True, verbose_name="sent at")),
                        ("hearing", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="deadline_reminders", to="hearings.hearing", verbose_name="hearing")),
                    ],
                    options={
                        "verbose_name": "deadline reminder",
                        "verbose_name_plural": "deadline reminders",
                        "constraints": [models.UniqueConstraint(fields=("hearing", "kind", "deadline"), name="unique_deadline_reminder")],
                    },
                ),
            ],
        ),
        migrations.RenameIndex(
            model_name="responsedelivery",
            new_name="delivery_status_created_idx",
            old_name="workflows_r_status_50eb44_idx",
        ),
        migrations.RunPython(
            content_types_and_actions_move, content_types_and_actions_back
        ),
    ]
