"""Wagtail's publish_scheduled, through the publish guard and safe to overlap.

Wagtail's command publishes every revision whose go-live time has come. This
one (found first: workflows comes before wagtail in INSTALLED_APPS) does the
same, but tells the publish guard that it is publishing a scheduled revision,
so a revision goes live only if the chairs approved it (or a platform
administrator scheduled it); a refused one is logged and the others still
go live. Each revision is published under a lock on its row, so two runs at
the same time publish it once.
"""

from django.apps import apps
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.management.commands.publish_scheduled import Command as WagtailCommand
from wagtail.models import DraftStateMixin, Page, Revision

from workflows import publish_guard
from workflows.publish_guard import PublishRefused


class Command(WagtailCommand):
    help = "Publish the scheduled revisions that are due and unpublish expired pages."

    def handle(self, *args, **options):
        if options["dryrun"]:
            return super().handle(*args, **options)
        self._unpublish_expired()
        refused = [pk for pk in self._due_revision_ids() if not self._publish(pk)]
        if refused:
            raise CommandError(
                _("Not published without the chairs' approval: revisions %(ids)s.")
                % {"ids": ", ".join(map(str, refused))}
            )
        return None

    def _unpublish_expired(self):
        models = [Page] + [
            model
            for model in apps.get_models()
            if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
        ]
        for model in models:
            expired = model.objects.filter(live=True, expire_at__lt=timezone.now())
            for obj in list(expired.order_by("expire_at")):
                obj.unpublish(
                    set_expired=True, log_action="wagtail.unpublish.scheduled"
                )

    def _due_revision_ids(self):
        due = Revision.objects.filter(approved_go_live_at__lt=timezone.now())
        return list(due.order_by("approved_go_live_at").values_list("pk", flat=True))

    def _publish(self, revision_id):
        """Publish one due revision; False if the guard refused it."""
        try:
            with transaction.atomic():
                revision = (
                    Revision.objects.select_for_update()
                    .filter(pk=revision_id, approved_go_live_at__lt=timezone.now())
                    .first()
                )
                if revision is None:
                    return True  # another run has just published it
                with publish_guard.scheduled_publish(revision=revision):
                    revision.publish(log_action="wagtail.publish.scheduled")
        except PublishRefused as refusal:
            self.stderr.write(f"{revision_id}: {refusal}")
            return False
        return True
