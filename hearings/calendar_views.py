""" "Add to calendar" for one hearing's deadline: an iCalendar file with the
same event (and UID) as the council's feed has."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe
from wagtail.models import Site

from hearings import public_contributions, selectors
from pages.calendar import calendar_file
from pages.calendar_views import calendar_file_response


@require_safe
def hearing_deadline_ics(request, hearing_id):
    """The deadline of one of this council's hearings (those its feed has)."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    hearing = get_object_or_404(
        selectors.hearings_for_calendar(site=site), pk=hearing_id
    )
    event = public_contributions.hearing_deadline_event(
        hearing=hearing,
        site=site,
        index=selectors.hearing_index_for(council=site),
        request=request,
    )
    body = calendar_file(site=site, event=event)
    return calendar_file_response(body, filename=f"hoeringsfrist-{hearing.pk}.ics")
