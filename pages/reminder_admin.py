"""The admin's view of meeting reminders that could not be sent: a report
for the council's secretariat, in the reports menu, and a dashboard panel
when there are any."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from pages.meeting_reminders import MAX_ATTEMPTS
from pages.reminder_selectors import failed_meeting_reminders, secretariat_sites

FAILED_REMINDERS_URL_NAME = "pages_failed_reminders"


def failed_reminders(request):
    """The council's failed reminders: who, which meeting, how, the error."""
    if not secretariat_sites(user=request.user).exists():
        raise PermissionDenied
    context = {
        "reminders": failed_meeting_reminders(user=request.user),
        "max_attempts": MAX_ATTEMPTS,
    }
    return TemplateResponse(request, "pages/admin/failed_reminders.html", context)


def reminder_urlpatterns():
    return [
        path(
            "moedepaamindelser/",
            failed_reminders,
            name=FAILED_REMINDERS_URL_NAME,
        )
    ]


class SecretariatMenuItem(MenuItem):
    """Shown to the secretariat only."""

    def is_shown(self, request):
        return secretariat_sites(user=request.user).exists()


def reminders_menu_item():
    return SecretariatMenuItem(
        _("Meeting reminders not sent"),
        reverse(FAILED_REMINDERS_URL_NAME),
        icon_name="warning",
        order=900,
        name="failed-meeting-reminders",
    )


class FailedRemindersPanel(Component):
    """On the secretariat's dashboard while reminders are failing, so a
    member who would miss the meeting is called in time."""

    name = "failed_meeting_reminders"
    template_name = "pages/admin/failed_reminders_panel.html"
    order = 40

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        return {"count": self.count, "url": reverse(FAILED_REMINDERS_URL_NAME)}


def dashboard_panels_add(*, request, panels):
    count = failed_meeting_reminders(user=request.user).count()
    if count:
        panels.append(FailedRemindersPanel(count))
