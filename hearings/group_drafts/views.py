"""The secretariat's screen that makes a working group's draft text the
draft of a hearing's response."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from hearings.group_drafts.selectors import (
    draft_text_for_response,
    hearings_for_draft_text,
)
from hearings.group_drafts.services import response_draft_from_text
from hearings.services import HearingError

URL_NAMESPACE = "hearings_group_drafts"


class HearingChoiceForm(forms.Form):
    hearing = forms.ModelChoiceField(
        label=gettext_lazy("Hearing"),
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": gettext_lazy(
                "Choose an open hearing of the council that has no response yet."
            )
        },
    )

    def __init__(self, *args, text, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hearing"].queryset = hearings_for_draft_text(text=text)


class ResponseFromDraftView(WagtailAdminTemplateMixin, FormView):
    """GET asks which open hearing the text answers; POST makes the draft
    response and opens it in the editor. Another council's text, or a user
    who is not the council's secretariat, gets a 404."""

    template_name = "hearings/admin/response_from_draft.html"
    form_class = HearingChoiceForm
    page_title = gettext_lazy("Make it a response's draft")
    header_icon = "edit"

    def dispatch(self, request, *args, **kwargs):
        self.text = draft_text_for_response(user=request.user, pk=kwargs["pk"])
        if self.text is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.text.title

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "text": self.text}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            text=self.text,
            cancel_url=reverse("working_group_texts:edit", args=[self.text.pk]),
        )
        return context

    def form_valid(self, form):
        try:
            page = response_draft_from_text(
                text=self.text,
                hearing=form.cleaned_data["hearing"],
                user=self.request.user,
            )
        except HearingError as error:
            form.add_error("hearing", str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "The draft text is now the response's draft. It goes to the "
                "chairs for approval like any other response."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
