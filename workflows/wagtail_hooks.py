"""Admin wiring of the approval workflow: history entries, the live LIX
meter, the chair's comment at the top of the editor and the restart of
approval when a page is changed while it awaits the chairs."""

from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import LogFormatter
from wagtail.models import Locale, WorkflowState

from workflows import selectors, services, views
from workflows.page_protocol import readability_fields_in_use
from workflows.translations import translation_submit_problems


@hooks.register("register_log_actions")
def register_delivery_log_actions(actions):
    @actions.register_action(services.DELIVERED)
    class Delivered(LogFormatter):
        label = gettext_lazy("Response delivered")

        def format_message(self, log_entry):
            return _("Response sent by e-mail to %(recipient)s") % {
                "recipient": log_entry.data.get("recipient", "?")
            }

    @actions.register_action(services.DELIVERY_FAILED)
    class DeliveryFailed(LogFormatter):
        label = gettext_lazy("Response delivery failed")

        def format_message(self, log_entry):
            return _(
                "The response could not be sent to %(recipient)s (attempt "
                "%(attempt)s); it will be tried again."
            ) % {
                "recipient": log_entry.data.get("recipient", "?"),
                "attempt": log_entry.data.get("attempt", "?"),
            }


@hooks.register("register_admin_urls")
def register_workflow_admin_urls():
    return [
        path(
            "workflows/readability/",
            views.readability,
            name="workflows_readability",
        ),
        path(
            "workflows/translation/<int:page_id>/submit/",
            views.translation_submit,
            name="workflows_translation_submit",
        ),
    ]


@hooks.register("register_page_listing_more_buttons")
def translation_submit_button(page, user, next_url=None):
    """Offer "send for approval" on translations that are ready to be sent."""
    if page.locale_id == Locale.get_default().pk:
        return
    if translation_submit_problems(page=page, user=user):
        return
    yield ListingButton(
        _("Send translation for approval"),
        reverse("workflows_translation_submit", args=[page.pk]),
        icon_name="resubmit",
        priority=5,
    )


@hooks.register("insert_editor_js")
def readability_meter_js():
    return format_html(
        '<script src="{}" data-readability-url="{}" data-readability-fields="{}" '
        "defer></script>",
        versioned_static("workflows/js/readability.js"),
        reverse("workflows_readability"),
        " ".join(readability_fields_in_use()),
    )


@hooks.register("before_edit_page")
def show_requested_changes(request, page):
    """Put the chairs' comment at the top of the editor when a page has been
    sent back, so the secretary need not look for it."""
    if request.method != "GET":
        return None
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = selectors.last_task_state(workflow_state=state)
    if task_state is None or not task_state.comment:
        return None
    messages.warning(
        request,
        format_html(
            "{} “{}”",
            _("%(user)s has asked for changes:")
            % {"user": selectors.display_name(task_state.finished_by)},
            task_state.comment,
        ),
    )
    return None


@hooks.register("after_edit_page")
def restart_approval_after_edit(request, page):
    services.task_state_restart_if_changed(page=page, user=request.user)
