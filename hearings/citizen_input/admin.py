"""The hearing's admin view of citizens' input: every text with the name and
contact the sender gave, for the council's secretariat and chairs; one can
be deleted (spam, or at the sender's request)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from hearings.citizen_input.selectors import (
    citizen_inputs_for,
    may_read_citizen_input,
)
from hearings.citizen_input.services import citizen_input_delete
from hearings.views import OwnCouncilHearingMixin


class CitizenInputReaderMixin:
    """After OwnCouncilHearingMixin (the hearing is the user's own council's,
    else 404): its input is read by the secretariat and chairs only, not by
    every member, because it holds personal data."""

    def dispatch(self, request, *args, **kwargs):
        if not may_read_citizen_input(
            user=request.user, council_id=self.hearing.council_id
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class CitizenInputView(
    OwnCouncilHearingMixin,
    CitizenInputReaderMixin,
    WagtailAdminTemplateMixin,
    TemplateView,
):
    template_name = "hearings/admin/citizen_input.html"
    page_title = gettext_lazy("Input from citizens")
    header_icon = "mail"

    def get_page_subtitle(self):
        return self.hearing.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("hearings_hearing:list"), "label": _("Hearings")},
            {
                "url": reverse("hearings_hearing:edit", args=[self.hearing.pk]),
                "label": self.hearing.title,
            },
            {"url": "", "label": _("Input from citizens")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            hearing=self.hearing,
            inputs=list(citizen_inputs_for(hearing=self.hearing)),
            retention_days=settings.CITIZEN_INPUT_RETENTION_DAYS,
        )
        return context


class CitizenInputDeleteView(OwnCouncilHearingMixin, CitizenInputReaderMixin, View):
    """POST only: delete one input of this hearing for good."""

    http_method_names = ["post"]

    def post(self, request, pk, input_id):
        citizen_input = get_object_or_404(
            citizen_inputs_for(hearing=self.hearing), pk=input_id
        )
        citizen_input_delete(citizen_input=citizen_input)
        messages.success(request, _("The input has been deleted."))
        return redirect("hearings_hearing:citizen_input", pk)
