"""Admin requests that Wagtail cannot carry out answer 4xx with a message.

Some of Wagtail's admin views read their forms' hidden parts straight from
the request (a page editor's ``body-count``, the copy form's parent, an
upload's file) and fail with a server error when they are missing; a
delete that other rows still protect fails the same way. Neither is a
fault of the server, and neither changed anything (the request's
transaction is rolled back). This middleware answers them as what they
are: a request that cannot be carried out, with a Danish explanation.
"""

import logging

from django.db.models import ProtectedError
from django.shortcuts import render
from django.utils.datastructures import MultiValueDictKeyError
from django.utils.translation import gettext as _

from cms.admin_guard import ADMIN_PATH

logger = logging.getLogger(__name__)


def _incomplete_form(request):
    return render(
        request,
        "cms/admin_bad_request.html",
        {
            "heading": _("The form was incomplete"),
            "message": _(
                "Part of the form was missing when it was sent, so nothing was "
                "saved. Open the page again and repeat the change."
            ),
        },
        status=400,
    )


def _protected(request):
    return render(
        request,
        "cms/admin_bad_request.html",
        {
            "heading": _("This cannot be deleted"),
            "message": _(
                "Other content still refers to it, so nothing was deleted. "
                "Remove those references first."
            ),
        },
        status=409,
    )


class AdminErrorsMiddleware:
    """Turn the two kinds of failure above into 400 and 409 answers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not request.path_info.startswith(ADMIN_PATH):
            return None
        if isinstance(exception, MultiValueDictKeyError):
            logger.warning(
                "Incomplete admin form: %s %s lacks %s",
                request.method,
                request.path,
                exception,
            )
            return _incomplete_form(request)
        if isinstance(exception, ProtectedError):
            return _protected(request)
        return None
