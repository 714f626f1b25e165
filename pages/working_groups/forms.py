"""The admin forms of working groups and their texts: every choice offered
is the user's own council's, and a posted choice of another's is refused on
its field."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from cms.selectors import user_display_name
from pages.working_groups.selectors import (
    council_meeting_places,
    council_people,
    secretariat_sites,
    serves_council,
    working_groups_written_in,
)

NOT_OF_THIS_COUNCIL = _("%(name)s is not one of this council's people.")
OTHER_PLACE = _("Choose one of this council's meeting places.")


class PersonChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return user_display_name(obj)


class WorkingGroupForm(WagtailAdminModelForm):
    """The group editor of the secretariat: the council is the user's own
    (shown but fixed when there is one), the members are that council's
    people, and its meetings are held at that council's places."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        sites = secretariat_sites(user=user) if user else None
        if "council" in self.fields and sites is not None:
            self._limit_council(self.fields["council"], sites)
        if "members" in self.fields and sites is not None:
            self.fields["members"] = PersonChoices(
                queryset=council_people(sites=sites),
                required=False,
                label=self.fields["members"].label,
                help_text=self.fields["members"].help_text,
                widget=forms.CheckboxSelectMultiple,
                error_messages={
                    "invalid_choice": _(
                        "Only people of this council can be members of its "
                        "working groups."
                    )
                },
            )

    def _limit_council(self, field, sites):
        if self.for_user.is_superuser:
            return
        field.queryset = sites
        if self.instance.pk:
            field.disabled = True
        elif len(sites) == 1:
            field.initial = sites[0].pk
            field.disabled = True

    def clean(self):
        cleaned_data = super().clean()
        council = cleaned_data.get("council")
        members = cleaned_data.get("members") or []
        strangers = [
            person
            for person in members
            if council and not serves_council(user=person, council_id=council.pk)
        ]
        if strangers:
            self.add_error(
                "members",
                NOT_OF_THIS_COUNCIL % {"name": user_display_name(strangers[0])},
            )
        if council is not None and "meetings" in self.formsets:
            self._refuse_other_places(council)
        return cleaned_data

    def _refuse_other_places(self, council):
        """A secretariat of two councils is offered both councils' places:
        a meeting is held at one of its own group's council."""
        for form in self.formsets["meetings"].forms:
            place = form.is_valid() and form.cleaned_data.get("place")
            if place and place.council_settings.site_id != council.pk:
                form.add_error("place", OTHER_PLACE)


class WorkingGroupMeetingForm(WagtailAdminModelForm):
    """A row of the group's meetings: the places offered are those of the
    user's secretariat's councils (the group's form checks which one)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "place" in self.fields and self.for_user is not None:
            sites = secretariat_sites(user=self.for_user)
            self.fields["place"].queryset = council_meeting_places(sites=sites)


class WorkingGroupTextForm(WagtailAdminModelForm):
    """A note or draft text: written in one of the groups the user writes
    in; its author is whoever wrote it first."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "group" in self.fields and self.for_user is not None:
            self.fields["group"].queryset = working_groups_written_in(
                user=self.for_user
            )
            self.fields["group"].error_messages["invalid_choice"] = _(
                "Choose one of the working groups you write in."
            )

    def save(self, commit=True):
        if self.instance.author_id is None and self.for_user is not None:
            self.instance.author = self.for_user
        return super().save(commit=commit)
