"""The one field of the second-factor pages: a code, checked on submit."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cms import two_factor
from cms.two_factor import Outcome

MESSAGES = {
    Outcome.WRONG: _(
        "The code is not right. Check the time on your phone and try again."
    ),
    Outcome.WAIT: _("Wait a few seconds before you try another code."),
    Outcome.LOCKED: _(
        "Too many wrong codes. Try again in %(minutes)s minutes, or ask the "
        "platform administrator to reset your second factor."
    ),
}


class TwoFactorCodeForm(forms.Form):
    """Checking the code is the form's validation, so a wrong code shows
    beside the field like any other input error (and the throttles count
    it)."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True}
        ),
    )

    def __init__(self, *args, request, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.device = device
        self.outcome = None

    def clean_code(self):
        code = self.cleaned_data["code"]
        self.outcome = two_factor.code_check(
            request=self.request, code=code, device=self.device
        )
        if self.outcome is not Outcome.ACCEPTED:
            minutes = settings.TWO_FACTOR_COOLOFF_MINUTES
            raise forms.ValidationError(
                MESSAGES[self.outcome], params={"minutes": minutes}
            )
        return code
