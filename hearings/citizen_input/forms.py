"""The public form of "Skriv til rådet"."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cms.text_checks import cpr_field_errors
from hearings.models.citizen_input import CitizenInput

MAX_TEXT_LENGTH = 5000


class CitizenInputForm(forms.Form):
    """What a citizen writes to the council. Only the text is required: a
    view may be sent without a name. "website" is a honeypot: hidden from
    people (and from screen readers), filled in by form-filling robots."""

    text = forms.CharField(
        label=_("What do you want to tell the council?"),
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write what you want to tell the council.")},
    )
    name = forms.CharField(
        label=_("Your name (optional)"), max_length=200, required=False
    )
    contact = forms.CharField(
        label=_("Your e-mail or phone number (optional)"),
        help_text=_("Only if you want the council to be able to answer you."),
        max_length=200,
        required=False,
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_robot(self):
        """Whether the hidden field was filled in (call after is_valid)."""
        return bool(self.cleaned_data.get("website"))

    def clean(self):
        cleaned = super().clean()
        draft = CitizenInput(
            text=cleaned.get("text", ""),
            name=cleaned.get("name", ""),
            contact=cleaned.get("contact", ""),
        )
        for field, message in cpr_field_errors(draft, _cpr_message).items():
            self.add_error(field, message)
        return cleaned


# How a CPR message names each field (the labels are whole questions).
FIELD_NAMES = {
    "text": _("Your text"),
    "name": _("Your name"),
    "contact": _("Your e-mail or phone number"),
}


def _cpr_message(field, numbers):
    label = FIELD_NAMES.get(field.name, field.verbose_name)
    return gettext(
        "%(field)s seems to contain a CPR number (%(number)s). The council does "
        "not handle anyone's own case and does not need a CPR number: remove "
        "it and send again."
    ) % {"field": capfirst(str(label)), "number": ", ".join(numbers)}
