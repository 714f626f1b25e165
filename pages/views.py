"""Public views that are not Wagtail pages: site search and the calendar feed."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Site

from cms.search_terms import search_terms_from
from pages import selectors
from pages.calendar import calendar_build

SEARCH_RESULTS_PER_PAGE = 10


def _site_root(request):
    site = Site.find_for_request(request)
    return site.root_page.localized if site else None


@require_safe
def search(request):
    """Search this council's published pages; paginated, filters kept in links;
    a close spelling from the council's own words offered when nothing is found."""
    terms = search_terms_from(request.GET.get("q"))
    site_root = _site_root(request)
    results = selectors.site_search(site_root=site_root, query=terms.text)
    page = Paginator(results, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    suggestion = ""
    if terms and not page.paginator.count:
        suggestion = selectors.search_suggestion(site_root=site_root, query=terms.text)
    return TemplateResponse(
        request,
        "search/search_results.html",
        {
            "search_query": terms.text,
            "search_shortened": terms.shortened,
            "search_suggestion": suggestion,
            "search_suggestion_url": "?" + urlencode({"q": suggestion}),
            "results": page,
            "breadcrumb_current": _("Search"),
        },
    )


@require_safe
def calendar_feed(request):
    """Hearing deadlines and meetings of this council as an iCalendar file."""
    site = Site.find_for_request(request)
    body = calendar_build(site=site, request=request)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="kalender.ics"'
    return response
