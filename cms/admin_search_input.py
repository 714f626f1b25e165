"""Admin searches get the same safe search words as the public site.

Wagtail's admin searches (pages, snippets such as hearings, documents,
images, users, reports, every chooser, the explorer's API) each read the
search box themselves and hand its text to the search backend, where a
quote or a few hundred words break the query (cms.search_terms). Wagtail
has no hook for that text, so this middleware replaces it on every admin GET
request before any view reads it: one place for all of them, including
searches that a later Wagtail version adds.
"""

from django.contrib import messages
from django.http import QueryDict
from django.utils.translation import gettext as _

from cms.admin_guard import ADMIN_PATH
from cms.search_terms import search_terms_from

# The admin views' search box, and the admin API's search parameter.
SEARCH_PARAMETERS = ("q", "search")


def _sanitised(query_dict):
    """A copy of the query with safe search words, and whether any was cut."""
    copy = query_dict.copy()
    shortened = False
    for name in SEARCH_PARAMETERS:
        if name not in copy:
            continue
        terms = [search_terms_from(value) for value in copy.getlist(name)]
        copy.setlist(name, [term.text for term in terms])
        shortened = shortened or any(term.shortened for term in terms)
    return QueryDict(copy.urlencode()), shortened


def _is_page_load(request):
    """A whole admin page, not the results that its search box fetches (a
    message added there would show up on the next page instead)."""
    return request.headers.get("x-requested-with") != "XMLHttpRequest"


class AdminSearchInputMiddleware:
    """Replace the search text of admin GET requests by its safe words and
    say so when the search was shortened."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "GET" and request.path_info.startswith(ADMIN_PATH):
            self._sanitise(request)
        return self.get_response(request)

    @staticmethod
    def _sanitise(request):
        if not any(name in request.GET for name in SEARCH_PARAMETERS):
            return
        request.GET, shortened = _sanitised(request.GET)
        if shortened and _is_page_load(request):
            messages.info(
                request,
                _("The search was too long and has been shortened to its first words."),
                fail_silently=True,
            )
