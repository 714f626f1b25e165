"""The response editor's read-only panel of what citizens sent about the
hearing: the count and the texts, beside the draft. Its own module because
the response page model uses it while the models are still being loaded."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from hearings.citizen_input.selectors import (
    citizen_inputs_for,
    may_read_citizen_input,
)


class CitizenInputPanel(Panel):
    """Shown to the council's secretariat and chairs only (the input holds
    personal data); it has no form field, so nothing of it is saved in the
    page's revisions and deleting the input leaves no copy there."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Input from citizens"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "hearings/admin/citizen_input_panel.html"

        def is_shown(self):
            hearing_id = getattr(self.instance, "hearing_id", None)
            if not hearing_id or self.request is None:
                return False
            return may_read_citizen_input(
                user=self.request.user, council_id=self.instance.hearing.council_id
            )

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            hearing = self.instance.hearing
            context.update(
                inputs=list(citizen_inputs_for(hearing=hearing)),
                list_url=reverse("hearings_hearing:citizen_input", args=[hearing.pk]),
            )
            return context
