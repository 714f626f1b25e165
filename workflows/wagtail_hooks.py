"""Admin wiring of the approval workflow: the live LIX meter, the chair's
comment at the top of the editor and the restart of approval when a page is
changed while it awaits the chairs."""

from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, WorkflowState

from cms.selectors import user_display_name
from workflows import (
    dashboard,
    member_views,
    personal_link_log,
    personal_link_views,
    review_views,
    selectors,
    services,
    views,
)
from workflows.edit_conflicts import newer_revision, revision_comparison_url
from workflows.page_protocol import readability_fields_in_use
from workflows.personal_links import may_manage_links
from workflows.translation_submit import translation_submit_problems


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
        path(
            "workflows/drafts/<int:page_id>/",
            member_views.MemberDraftView.as_view(),
            name="workflows_member_draft",
        ),
        path(
            "workflows/drafts/<int:page_id>/preview/",
            member_views.member_preview,
            name="workflows_member_preview",
        ),
        path(
            "workflows/drafts/<int:page_id>/links/",
            personal_link_views.PersonalLinksView.as_view(),
            name="workflows_personal_links",
        ),
        path(
            "workflows/links/<int:link_id>/revoke/",
            personal_link_views.personal_link_revoke_view,
            name="workflows_personal_link_revoke",
        ),
        path(
            "workflows/links/<int:link_id>/sheet/",
            personal_link_views.personal_link_sheet,
            name="workflows_personal_link_sheet",
        ),
        path(
            "workflows/review/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
            review_views.ReviewActionView.as_view(),
            name=review_views.REVIEW_ACTION_URL_NAME,
        ),
    ]


@hooks.register("construct_homepage_panels")
def workflow_dashboard_panels(request, panels):
    dashboard.dashboard_panels_adjust(request=request, panels=panels)


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


@hooks.register("register_page_header_buttons")
def personal_links_button(page, user, view_name=None, next_url=None):
    """Offer "Personal link" to the secretariat in the header menu of the
    editor of a page members read."""
    if not may_manage_links(user=user, page=page):
        return
    yield ListingButton(
        _("Personal link"),
        reverse("workflows_personal_links", args=[page.pk]),
        icon_name="link",
        priority=45,
    )


@hooks.register("register_log_actions")
def personal_link_log_actions(actions):
    personal_link_log.register(actions)


@hooks.register("insert_editor_js")
def readability_meter_js():
    return format_html(
        '<script src="{}" data-readability-url="{}" data-readability-fields="{}" '
        "defer></script>",
        versioned_static("workflows/js/readability.js"),
        reverse("workflows_readability"),
        " ".join(readability_fields_in_use()),
    )


@hooks.register("insert_global_admin_css")
def readability_meter_css():
    return format_html(
        '<link rel="stylesheet" href="{}">',
        versioned_static("workflows/css/readability.css"),
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
            % {"user": user_display_name(task_state.finished_by)},
            task_state.comment,
        ),
    )
    return None


@hooks.register("before_edit_page")
def offer_comparison_of_a_stale_save(request, page):
    """The page form refuses a save from a form older than the page's latest
    version (workflows.edit_conflicts); this adds the button to Wagtail's
    comparison, in a new tab so the refused text stays open, which a form
    error cannot carry (Wagtail's editor shows form errors as plain text)."""
    if request.method != "POST" or not request.accepts("text/html"):
        return None  # autosaves ask for JSON; Wagtail answers their conflicts
    latest = newer_revision(page, request.POST)
    if latest is None:
        return None
    messages.warning(
        request,
        _("See what was changed since you opened the page, then save again."),
        buttons=[
            messages.button(
                revision_comparison_url(page, request.POST, latest),
                _("Compare the versions"),
                new_window=True,
            )
        ],
    )
    return None


@hooks.register("after_edit_page")
def restart_approval_after_edit(request, page):
    services.task_state_restart_if_changed(page=page, user=request.user)


# The editor's footer ---------------------------------------------------------


class SendToChairsMenuItem(ActionMenuItem):
    """Wagtail's "Submit to <workflow>" in plain words: sending a finished
    draft to the chairs is what the secretary came to do."""

    name = "action-submit"
    icon_name = "resubmit"
    label = gettext_lazy("Send to the chairs for approval")


# Cancelling or restarting a workflow is a repair for the platform
# administrator; to the council's staff it only loses the chairs' review.
PLATFORM_ONLY_ACTIONS = ("action-cancel-workflow", "action-restart-workflow")


@hooks.register("construct_page_action_menu")
def send_to_chairs_first(menu_items, request, context):
    """The send-to-chairs action is the primary button when it is offered."""
    if not request.user.is_superuser:
        menu_items[:] = [i for i in menu_items if i.name not in PLATFORM_ONLY_ACTIONS]
    for position, item in enumerate(menu_items):
        if item.name == "action-submit":
            menu_items.pop(position)
            menu_items.insert(0, SendToChairsMenuItem(order=item.order))
            return
