"""Deliveries and deadline reminders belong to hearings now: the tables are
renamed for the hearings app and leave this app's state; hearings' migration
0005 takes them into its state. No row is copied or lost."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0001_chair_approval_deliveries_reminders"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(
                    name="responsedelivery", table="hearings_responsedelivery"
                ),
                migrations.AlterModelTable(
                    name="deadlinereminder", table="hearings_deadlinereminder"
                ),
            ],
            state_operations=[
                migrations.DeleteModel(name="ResponseDelivery"),
                migrations.DeleteModel(name="DeadlineReminder"),
            ],
        ),
    ]
