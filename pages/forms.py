"""Editor forms of the page types whose choices belong to one council."""

from django.utils.translation import gettext as _

from cms.models import MeetingPlace
from cms.references import owner_of
from workflows.forms import GuardedPageForm


class MeetingPageForm(GuardedPageForm):
    """Offers only the meeting places of the council the meeting is under,
    so an editor neither sees another council's places nor can post one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "place" in self.fields:
            # A council's page has its site's id as owner; anything else
            # (the shared tree root) owns no places.
            site_ids = [i for i in owner_of(self.parent_page) if isinstance(i, int)]
            self.fields["place"].queryset = MeetingPlace.objects.filter(
                council_settings__site_id__in=site_ids
            )


class AnnualPlanPageForm(GuardedPageForm):
    """A council plans a year once: a second plan for the same year under
    the same home page is refused on the year field."""

    def clean(self):
        cleaned_data = super().clean()
        year = cleaned_data.get("year")
        if year and self._year_is_planned(year):
            self.add_error(
                "year",
                _("The council already has an annual plan for %(year)s.")
                % {"year": year},
            )
        return cleaned_data

    def _year_is_planned(self, year):
        plans = type(self.instance).objects.child_of(self.parent_page)
        return plans.filter(year=year).exclude(pk=self.instance.pk).exists()
