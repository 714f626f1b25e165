"""Editor forms of the page types whose choices belong to one council."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from cms.models import MeetingPlace
from cms.references import owner_of
from cms.selectors import user_display_name
from pages.attendance import meeting_attendees
from workflows.forms import GuardedPageForm


def _site_ids(page):
    # A council's page has its site's id as owner; anything else (the
    # shared tree root) owns nothing.
    return [i for i in owner_of(page) if isinstance(i, int)]


class MeetingPageForm(GuardedPageForm):
    """Offers only the meeting places of the council the meeting is under,
    so an editor neither sees another council's places nor can post one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "place" in self.fields:
            self.fields["place"].queryset = MeetingPlace.objects.filter(
                council_settings__site_id__in=_site_ids(self.parent_page)
            )


class AnnualPlanPageForm(GuardedPageForm):
    """A council plans a year once: a second plan for the same year under
    the same home page is refused on the year field, and an entry's dates
    outside the year on the entry's own date fields."""

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

    def is_valid(self):
        valid = super().is_valid()
        return self._entries_in_year() and valid

    def _entries_in_year(self):
        year = (getattr(self, "cleaned_data", None) or {}).get("year")
        inside = True
        for row in self.formsets["entries"].forms if year else ():
            data = getattr(row, "cleaned_data", None) or {}
            for name in ("starts_on", "ends_on"):
                day = data.get(name)
                if data.get("DELETE") or not day or day.year == year:
                    continue
                if name not in row.errors:
                    message = _("The date must be in %(year)s, the year of this plan.")
                    row.add_error(name, message % {"year": year})
                inside = False
        return inside


def _rows_choosing(formset, field_name, queryset, label=None):
    """Make every row of the formset (the empty one to copy included) offer
    only ``queryset`` for ``field_name``."""

    class Row(formset.form):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields[field_name].queryset = queryset
            if label is not None:
                self.fields[field_name].label_from_instance = label

    formset.form = Row
    formset.__dict__.pop("forms", None)  # built again with the new rows


class MeetingMinutesPageForm(GuardedPageForm):
    """The minutes offer the decisions only the agenda items of their own
    meeting, and the attendance only the council's members and chairs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        meeting = self.parent_page.specific
        items = getattr(meeting, "agenda_items", None)
        if "decisions" in self.formsets and items is not None:
            _rows_choosing(self.formsets["decisions"], "agenda_item", items.all())
        if "attendance" in self.formsets:
            members = meeting_attendees(site_ids=_site_ids(self.parent_page))
            _rows_choosing(
                self.formsets["attendance"], "member", members, user_display_name
            )
        if not self.instance.pk and not self.initial.get("title"):
            self.initial["title"] = _("Minutes")

    def is_valid(self):
        valid = super().is_valid()
        return self._members_listed_once() and valid

    def _members_listed_once(self):
        seen, once = set(), True
        for row in self.formsets["attendance"].forms:
            data = getattr(row, "cleaned_data", None) or {}
            member = data.get("member")
            if member is None or data.get("DELETE"):
                continue
            if member in seen:
                message = _("This member is already listed.")
                row.add_error("member", ValidationError(message, code="twice"))
                once = False
            seen.add(member)
        return once
