"""The public form that asks for e-mail alerts of new hearing responses."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hearings.alert_selectors import alert_themes


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


class AlertSubscribeForm(forms.Form):
    """An address and, optionally, themes. "website" is a honeypot: hidden
    from people and their screen readers, filled in only by robots."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        error_messages={
            "required": _("Write your e-mail address."),
            "invalid": _(
                "Write the whole e-mail address, for example navn@eksempel.dk."
            ),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    themes = ThemeChoiceField(
        label=_("Only responses about these themes (optional)"),
        help_text=_("Choose none to get every new response."),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"}),
        error_messages={"invalid_choice": _("Choose among the themes shown.")},
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = alert_themes()

    def full_clean(self):
        """Each field in error points screen readers to its message."""
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"{name}-error"}
                )

    def is_robot(self):
        """Whether the hidden field was filled in (call after is_valid)."""
        return bool(self.cleaned_data.get("website"))
