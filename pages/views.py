"""Public views that are not Wagtail pages: site search and the calendar
feed; and Wagtail's own page view, as readers' requests reach it."""

from functools import wraps
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail import views as wagtail_views
from wagtail.models import Site

from cms.search_terms import search_terms_from
from pages import selectors
from pages.calendar import calendar_build

SEARCH_RESULTS_PER_PAGE = 10
READING_METHODS = ("GET", "HEAD")


def reading_without_transaction(view):
    """The view without the request's transaction (ATOMIC_REQUESTS) when it
    only reads: a GET or HEAD, which no public page, route or form answers
    by writing (forms write on POST). Its BEGIN and COMMIT were two round
    trips to the database on every page a reader opens; every other method
    runs in a transaction as before."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method in READING_METHODS:
            return view(request, *args, **kwargs)
        with transaction.atomic():
            return view(request, *args, **kwargs)

    return transaction.non_atomic_requests(wrapped)


# Routed before Wagtail's own URLs in cms/urls.py, under the same name.
serve = reading_without_transaction(wagtail_views.serve)


def _site_root(request):
    site = Site.find_for_request(request)
    return site.root_page.localized if site else None


@reading_without_transaction
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


@reading_without_transaction
@require_safe
def calendar_feed(request):
    """Hearing deadlines and meetings of this council as an iCalendar file."""
    site = Site.find_for_request(request)
    body = calendar_build(site=site, request=request)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="kalender.ics"'
    return response
