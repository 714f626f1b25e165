"""The draft-text screen's URL, its button in the text's editor and its
door in the admin's policy (imported by HearingsConfig.ready())."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import HeaderButton

from cms.admin_guard import allow_staff_urls, register_parameter_model
from hearings.group_drafts.selectors import may_make_response_of
from hearings.group_drafts.views import URL_NAMESPACE, ResponseFromDraftView
from pages.working_groups.admin import WORKING_GROUP_TEXT_BUTTONS
from pages.working_groups.models import WorkingGroupText, WorkingGroupTextKind

allow_staff_urls(namespaces=(URL_NAMESPACE,))
register_parameter_model(f"{URL_NAMESPACE}:*", "pk", WorkingGroupText)


@hooks.register("register_admin_urls")
def register_group_draft_urls():
    patterns = [
        path("<int:pk>/", ResponseFromDraftView.as_view(), name="respond"),
    ]
    return [path("working-group-drafts/", include((patterns, URL_NAMESPACE)))]


@hooks.register(WORKING_GROUP_TEXT_BUTTONS)
def response_draft_button(*, user, text):
    """A draft text's editor offers the secretariat to make it a response."""
    if text.kind != WorkingGroupTextKind.DRAFT:
        return []
    if not may_make_response_of(user=user, text=text):
        return []
    return [
        HeaderButton(
            _("Make it a response's draft"),
            reverse(f"{URL_NAMESPACE}:respond", args=[text.pk]),
            icon_name="edit",
        )
    ]
