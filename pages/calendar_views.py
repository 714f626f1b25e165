""" "Add to calendar": one meeting as an iCalendar file (hearings serves its
deadlines the same way), next to the council's whole feed in pages.views."""

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe
from wagtail.models import Site

from pages.calendar import calendar_file, meeting_event
from pages.models import MeetingPage


def calendar_file_response(body, *, filename):
    """An .ics file the browser hands to the reader's calendar program."""
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def meeting_ics(request, page_id):
    """One live meeting of this council (its site, in any language)."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    site_root = site.root_page.localized
    meeting = MeetingPage.objects.live().public().filter(pk=page_id).first()
    if meeting is None or not _on_site(meeting, site):
        raise Http404
    event = meeting_event(meeting, site=site, site_root=site_root, request=request)
    body = calendar_file(site=site, event=event)
    return calendar_file_response(body, filename=f"moede-{meeting.pk}.ics")


def _on_site(page, site):
    """Whether the page is under the site's home page or a translation of it."""
    roots = site.root_page.get_translations(inclusive=True)
    return any(page.is_descendant_of(root) for root in roots)
