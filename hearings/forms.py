"""Forms: the hearing and response editors' council rules, the public filters."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

from cms.models import CouncilSettings, MunicipalCommittee
from cms.references import CouncilReferencesMixin, owner_of
from cms.selectors import council_sites_for_user

# Imported from the modules, not the package: the response page model uses
# this module's form, so the package is still being loaded at this point.
from hearings.models.hearing import Hearing
from hearings.models.themes import Theme
from workflows.edit_conflicts import changed_by_words
from workflows.forms import GuardedPageForm

CONTACT_EMAIL_HELP = _(
    "Where the response is to be sent. A new hearing starts with the "
    "municipality's address from the council's settings. If you choose a "
    "committee that has its own address, and leave this address as it is or "
    "empty, the committee's address is used; type another address to send "
    "the response elsewhere."
)


class HearingAdminForm(CouncilReferencesMixin, WagtailAdminModelForm):
    """The hearing editor. Staff work for their own council only: the council
    of a new hearing is theirs, shown but not editable (a disabled field
    ignores whatever a tampered form posts); superusers may choose freely.
    The hearing's documents are its council's own (CouncilReferencesMixin).

    No lost update (as for pages, see workflows.edit_conflicts): the form
    carries the version of the hearing it was opened on, its latest history
    record, and a save from an older one is refused, naming who changed the
    hearing and when; the posted text stays in the form."""

    # Not in any panel: Wagtail renders such fields as they are, outside the
    # panels, which for a hidden input is all it needs.
    loaded_version = forms.CharField(required=False, widget=forms.HiddenInput)

    def reference_owner(self):
        return owner_of(self.instance)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.newer_version = None
        latest = _latest_version(self.instance)
        self.fields["loaded_version"].initial = latest.pk if latest else ""
        if "themes" in self.fields:
            self.fields["themes"].queryset = Theme.objects.filter(
                locale=Locale.get_default()
            )
        if "council" in self.fields and self.for_user is not None:
            self._limit_council(self.fields["council"])
        if "municipal_committee" in self.fields:
            self._offer_the_municipality()

    def _limit_council(self, council_field):
        user = self.for_user
        if user.is_superuser:
            return
        sites = council_sites_for_user(user=user)
        council_field.queryset = sites
        if self.instance.pk:
            council_field.disabled = True
        elif len(sites) == 1:
            council_field.initial = sites[0].pk
            council_field.disabled = True

    def _form_council_id(self):
        """The council the hearing is for, as far as the form knows it."""
        if self.instance.council_id:
            return self.instance.council_id
        field = self.fields.get("council")
        return field.initial if field is not None and field.disabled else None

    def _offer_the_municipality(self):
        """The committees of the hearing's council, and for a new hearing the
        municipality's address for responses."""
        field = self.fields["municipal_committee"]
        council_id = self._form_council_id()
        committees = MunicipalCommittee.objects.order_by("sort_order", "pk")
        if council_id is not None:
            committees = committees.filter(council_settings__site_id=council_id)
        elif not self.for_user or not self.for_user.is_superuser:
            committees = committees.none()
        field.queryset = committees
        field.error_messages["invalid_choice"] = _(
            "Choose one of this council's committees."
        )
        email = self.fields["contact_email"]
        email.required = False  # a chosen committee's own address may fill it
        email.help_text = CONTACT_EMAIL_HELP
        if self.instance.pk is None and council_id is not None:
            email.initial = self._default_email(council_id)

    def _default_email(self, council_id):
        if council_id is None:
            return ""
        settings = CouncilSettings.objects.filter(site_id=council_id).first()
        return settings.hearing_email if settings else ""

    def clean(self):
        cleaned_data = super().clean()
        self._refuse_stale_save(cleaned_data.get("loaded_version"))
        if "contact_email" in self.fields and "contact_email" not in self.errors:
            self._choose_contact_email(cleaned_data)
        return cleaned_data

    def _choose_contact_email(self, cleaned_data):
        """A newly chosen committee's own address gets the response (else the
        municipality's), unless an address of the secretary's own was typed:
        one that is neither the municipality's nor the former committee's."""
        council = cleaned_data.get("council")
        default = self._default_email(
            council.pk if council else self._form_council_id()
        )
        typed = cleaned_data.get("contact_email") or ""
        if "municipal_committee" in self.changed_data and typed in (
            "",
            default,
            _own_email(self.instance.municipal_committee),
        ):
            typed = _own_email(cleaned_data.get("municipal_committee"))
        cleaned_data["contact_email"] = typed or default
        if not cleaned_data["contact_email"]:
            self.add_error(
                "contact_email", _("Type the address the response is to be sent to.")
            )

    def _refuse_stale_save(self, opened):
        """A form that posts no version (not from the editor) is not judged."""
        latest = _latest_version(self.instance)
        if not opened or latest is None or opened == str(latest.pk):
            return
        self.newer_version = latest
        self.add_error(None, stale_hearing_message(latest))
        # Shown again, the form holds the posted text and now the latest
        # version, so saving it again after a look is a deliberate choice.
        self.data = self.data.copy()
        self.data[self.add_prefix("loaded_version")] = str(latest.pk)


def _own_email(committee):
    """The committee's own address for responses, or ""."""
    return committee.email if committee is not None else ""


def _latest_version(hearing):
    """The hearing's last history record (every save writes one), or None."""
    if hearing.pk is None:
        return None
    return hearing.history.order_by("-history_date", "-history_id").first()


def stale_hearing_message(record):
    return _(
        "The hearing was changed by %(name)s %(when)s after you opened it. Your "
        "text is not saved yet, but it is still in the form: compare and save "
        "again."
    ) % changed_by_words(record.history_user, record.history_date)


class HearingResponsePageForm(GuardedPageForm):
    """The response editor accepts only hearings of the page's own council,
    and none that already has a response (named in the refusal).
    GuardedPageForm adds the CPR and four-eyes checks of the workflow."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "hearing" in self.fields and self.parent_page is not None:
            field = self.fields["hearing"]
            field.queryset = Hearing.objects.filter(council=self.parent_page.get_site())
            field.error_messages["required"] = _(
                "Choose the hearing this response answers."
            )
            field.error_messages["invalid_choice"] = _(
                "Choose one of this council's hearings."
            )

    def clean(self):
        # Every save, drafts included (Wagtail checks only some of the model's
        # rules on drafts): one response per hearing.
        cleaned_data = super().clean()
        if "hearing" in self.fields and "hearing" not in self.errors:
            hearing = cleaned_data.get("hearing")
            problem = self.instance.hearing_problem(
                hearing_id=hearing.pk if hearing else None
            )
            if problem:
                self.add_error("hearing", problem)
        return cleaned_data


class ResponseFilterForm(forms.Form):
    """The public index's filters. Every field may be empty; bad values are
    dropped rather than answered with an error page."""

    q = forms.CharField(label=_("Search the responses"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int)
    decided = forms.ChoiceField(
        label=_("Decision"),
        required=False,
        choices=[
            ("", _("All")),
            ("yes", _("Decided by the municipality")),
            ("no", _("Not decided yet")),
        ],
    )

    def __init__(self, *args, themes=(), years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (theme.slug, theme.display_name) for theme in themes
        ]
        self.fields["year"].choices = [("", _("All years"))] + [
            (year, str(year)) for year in years
        ]

    def filters(self):
        """The valid filters as keyword arguments for published_responses()."""
        self.is_valid()  # invalid fields are left out of cleaned_data
        data = self.cleaned_data
        decided = {"yes": True, "no": False}.get(data.get("decided"))
        return {
            "theme": data.get("theme") or None,
            "year": data.get("year") or None,
            "decided": decided,
            "query": (data.get("q") or "").strip(),
        }
