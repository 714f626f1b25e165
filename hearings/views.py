"""Admin views of a hearing that Wagtail's snippet views do not provide:
its one merged history, restoring an earlier version, starting the response."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from hearings.history_timeline import hearing_history
from hearings.models import Hearing
from hearings.selectors import (
    hearing_response,
    hearing_status,
    hearings_for_user,
)
from hearings.services import HearingError, hearing_restore, response_draft_create


class OwnCouncilHearingMixin:
    """Looks the hearing up among the user's own council's hearings only, so
    another council's hearing is a 404, not a page that leaks its title."""

    permission_required = "view"

    def dispatch(self, request, *args, **kwargs):
        self.hearing = get_object_or_404(
            hearings_for_user(user=request.user), pk=kwargs["pk"]
        )
        policy = policy_registry.get_by_type(Hearing)
        if not policy.user_has_permission_for_instance(
            request.user, self.permission_required, self.hearing
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class HearingHistoryView(
    OwnCouncilHearingMixin, WagtailAdminTemplateMixin, TemplateView
):
    """One history per hearing: its versions, documents, response and workflow."""

    template_name = "hearings/admin/hearing_history.html"
    page_title = gettext_lazy("History")
    header_icon = "history"
    edit_url_name = None
    index_url_name = None
    restore_url_name = None

    def get_page_subtitle(self):
        return self.hearing.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("Hearings")},
            {
                "url": reverse(self.edit_url_name, args=[self.hearing.pk]),
                "label": self.hearing.title,
            },
            {"url": "", "label": _("History")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        policy = policy_registry.get_by_type(Hearing)
        context.update(
            hearing=self.hearing,
            status=hearing_status(hearing=self.hearing),
            entries=hearing_history(hearing=self.hearing),
            can_restore=policy.user_has_permission_for_instance(
                self.request.user, "change", self.hearing
            ),
            restore_url_name=self.restore_url_name,
        )
        return context


class HearingRestoreView(OwnCouncilHearingMixin, View):
    """POST only: make an earlier version of the hearing the current one."""

    permission_required = "change"
    http_method_names = ["post"]
    history_url_name = None

    def post(self, request, pk, history_id):
        try:
            hearing_restore(
                hearing=self.hearing, history_id=history_id, user=request.user
            )
        except (HearingError, ValidationError) as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("The earlier version has been restored."))
        return redirect(self.history_url_name, pk)


class ResponseStartView(
    OwnCouncilHearingMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Open the hearing's response for editing. GET goes to the response if
    there is one, else asks; only POST creates the draft (a link never does)."""

    template_name = "hearings/admin/response_start.html"
    page_title = gettext_lazy("Write the response")
    header_icon = "edit"
    edit_url_name = None

    def get(self, request, pk):
        page = hearing_response(hearing=self.hearing)
        if page is not None:
            return redirect("wagtailadmin_pages:edit", page.pk)
        return super().get(request, pk=pk)

    def get_page_subtitle(self):
        return self.hearing.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            hearing=self.hearing,
            cancel_url=reverse(self.edit_url_name, args=[self.hearing.pk]),
        )
        return context

    def post(self, request, pk):
        try:
            page = response_draft_create(hearing=self.hearing, user=request.user)
        except HearingError as error:
            messages.error(request, str(error))
            return redirect(self.edit_url_name, pk)
        return redirect("wagtailadmin_pages:edit", page.pk)


def _error_text(error):
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)
