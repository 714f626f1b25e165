"""The forms of the council's people screens (cms.people_views)."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms.models import CouncilRole, MemberProfile
from cms.people import member_profile_save, phone_consent_time

# Digits, optionally after a + and with spaces: +45 12 34 56 78.
PHONE_PATTERN = re.compile(r"^\+?[0-9]{8,15}$")


class RoleField(forms.ChoiceField):
    """One of a council's own roles, nothing else."""

    def __init__(self, **kwargs):
        super().__init__(
            label=_("Role in the council"),
            choices=CouncilRole.choices,
            widget=forms.RadioSelect,
            **kwargs,
        )


class PersonInviteForm(forms.Form):
    """Who to invite and as what; the council is asked only of someone who
    manages more than one (the platform administrator)."""

    name = forms.CharField(label=_("Name"), max_length=300)
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_(
            "The person gets a mail here with a link to choose a password. "
            "The address is also their user name."
        ),
    )
    role = RoleField()

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.councils = list(councils)
        if len(self.councils) > 1:
            self.fields["council"] = forms.ChoiceField(
                label=_("Council"),
                choices=[(council.pk, council.site_name) for council in self.councils],
            )

    def cleaned_council(self):
        if len(self.councils) == 1:
            return self.councils[0]
        chosen = int(self.cleaned_data["council"])
        return next(council for council in self.councils if council.pk == chosen)


class PersonRoleForm(forms.Form):
    """A person holds one role in a council; changing it replaces the old."""

    role = RoleField()


class MemberProfileForm(forms.ModelForm):
    """A person's choices; the phone number needs their consent, recorded
    with the time it is saved (cms.people.member_profile_save)."""

    phone_consent = forms.BooleanField(
        label=_("The person agrees to text messages at this number"),
        required=False,
    )

    class Meta:
        model = MemberProfile
        fields = ["publicly_named", "phone", "remind_by_email", "remind_by_sms"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.saved = (self.instance.phone, self.instance.phone_consent_at)
        self.fields["phone_consent"].initial = bool(self.instance.phone_consent_at)
        self.fields["phone"].help_text = _(
            "Optional. Kept only with the person's consent, and deleted when they ask."
        )

    def clean_phone(self):
        phone = self.cleaned_data["phone"].replace(" ", "")
        if phone and not PHONE_PATTERN.match(phone):
            raise ValidationError(
                _("Write the mobile number as digits, e.g. 12345678.")
            )
        return phone

    def _post_clean(self):
        # The model's own checks (a number only with consent, text messages
        # only with a number) see the consent as it would be saved.
        self.instance.phone_consent_at = phone_consent_time(
            saved_phone=self.saved[0],
            saved_consent_at=self.saved[1],
            phone=self.cleaned_data.get("phone"),
            consent=self.cleaned_data.get("phone_consent"),
        )
        super()._post_clean()

    def choices(self):
        return {name: self.cleaned_data[name] for name in self._meta.fields}

    def save(self, commit=True):
        """Saved through the service (Wagtail's account view calls this)."""
        return member_profile_save(
            person=self.instance.user,
            choices=self.choices(),
            phone_consent=self.cleaned_data["phone_consent"],
        )


class OwnChoicesForm(MemberProfileForm):
    """The same choices, worded for the person themselves."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone_consent"].label = _(
            "I agree to get text messages at this number"
        )
        self.fields["phone"].help_text = _(
            "Optional. Kept only with your consent. Empty the field to delete it."
        )
