"""The publish guard's part of each request (see workflows.publish_guard).

Requests in the admin that ask to publish some other way than by the
chairs' approval are refused before the view runs, so nothing is half made;
a refusal raised deeper down becomes the same message (the request's
transaction has been rolled back: ATOMIC_REQUESTS).
"""

import json

from django.contrib import messages
from django.http import JsonResponse
from django.http.request import RawPostDataException
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from workflows import publish_guard
from workflows.publish_guard import PublishRefused

# Where the page editor (Wagtail's and wagtail-localize's) posts.
EDITOR_VIEWS = (
    "wagtailadmin_pages:add",
    "wagtailadmin_pages:edit",
    "wagtailadmin_pages:revisions_revert",
)
# Views that show their form again on GET: a refusal returns to it.
FORM_VIEWS = (
    *EDITOR_VIEWS,
    "wagtailadmin_pages:copy",
    "wagtail_localize:update_translations",
    "wagtail_localize:convert_to_alias",
    "wagtailadmin_pages:convert_alias",
)
# Admin API actions that make something live, by action name.
API_ACTIONS = {"publish": "publish", "create_alias": "copy", "convert_alias": "alias"}


def _editor(request, kwargs):
    if request.POST.get("action-publish"):
        return "publish"
    # wagtail-localize's translation editor posts action=publish.
    return "translation" if request.POST.get("action") == "publish" else None


def _copy(request, kwargs):
    wanted = request.POST.get("publish_copies") or request.POST.get("alias")
    return "copy" if wanted else None


def _bulk(request, kwargs):
    page = (kwargs.get("app_label"), kwargs.get("model_name")) == (
        "wagtailcore",
        "page",
    )
    return "publish" if page and kwargs.get("action") == "publish" else None


def _update_translations(request, kwargs):
    return "translation" if request.POST.get("publish_translations") else None


def _alias(request, kwargs):
    return "alias" if request.method == "POST" else None


def _api_action(request, kwargs):
    name = kwargs.get("action_name")
    if name == "copy":
        # A copy through the API stays live unless keep_live is false.
        return None if _json_body(request).get("keep_live") is False else "copy"
    return API_ACTIONS.get(name)


def _json_body(request):
    try:
        body = json.loads(request.body or b"{}")
    except RawPostDataException:
        return {"keep_live": request.POST.get("keep_live") not in ("false", "0")}
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


PUBLISHING_VIEWS = {
    **dict.fromkeys(EDITOR_VIEWS, _editor),
    "wagtailadmin_pages:copy": _copy,
    "wagtail_bulk_action": _bulk,
    "wagtail_localize:update_translations": _update_translations,
    "wagtail_localize:convert_to_alias": _alias,
    "wagtailadmin_pages:convert_alias": _alias,
    "wagtailadmin_api:pages:action": _api_action,
}


def publishing_kind(request):
    """Which refusal this request earns if it asks to publish, else None."""
    match = request.resolver_match
    recognise = PUBLISHING_VIEWS.get(match.view_name) if match else None
    if recognise is None or request.method not in ("GET", "POST"):
        return None
    return recognise(request, match.kwargs)


def refusal_response(request, refusal):
    """The refusal in the admin's message area, back where the person was;
    JSON for the admin API and the editor's background saves."""
    if _wants_json(request):
        return JsonResponse({"detail": str(refusal)}, status=403)
    messages.error(request, str(refusal))
    return redirect(_back_url(request))


def _wants_json(request):
    match = request.resolver_match
    api = bool(match) and match.view_name.startswith("wagtailadmin_api:")
    return api or not request.accepts("text/html")


def _back_url(request):
    for url in (
        request.POST.get("next"),
        request.GET.get("next"),
        request.headers.get("referer"),
    ):
        if url and url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return url
    match = request.resolver_match
    if request.method == "POST" and match and match.view_name in FORM_VIEWS:
        return request.get_full_path()
    return reverse("wagtailadmin_home")


class PublishGuardMiddleware:
    """Tells the publish guard who is acting (a superuser may publish
    directly), refuses publishing requests of everyone else up front and
    shows any refusal as a message instead of an error page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with publish_guard.acting_user(getattr(request, "user", None)):
            return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_superuser:
            return None
        kind = publishing_kind(request)
        if kind is None:
            return None
        detail = f"{request.method} {request.path}"
        return refusal_response(request, publish_guard.refusal(kind, detail=detail))

    def process_exception(self, request, exception):
        if isinstance(exception, PublishRefused):
            return refusal_response(request, exception)
        return None
