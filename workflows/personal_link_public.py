"""The public page a personal link opens (not in the admin): one draft as
the council's members read it, and a form to comment on the whole text or
one part of it. Nothing else of the council's drafts or of the admin is
reachable from here.

The page is personal: never stored by a cache, never indexed, and no
address in it is passed on as a referrer. A refused comment (a CPR number,
too many in a short time) shows the form again as typed.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from wagtail.models import Site

from cms.login_throttle import attempt_count, attempts, client_ip
from cms.selectors import user_display_name
from workflows.member_reading import comment_targets, reading_version
from workflows.member_views import (
    MemberCommentForm,
    add_service_errors,
    reading_preview,
)
from workflows.personal_link_services import personal_link_comment_create
from workflows.personal_links import PersonalLinkRefused, link_for_token

# Comments through one link, and from one client address, within the window.
LINK_LIMIT_DEFAULT = 10
CLIENT_LIMIT_DEFAULT = 30
WINDOW_MINUTES_DEFAULT = 60
SENT_PARAMETER = "sendt"


def _limits():
    return (
        getattr(settings, "PERSONAL_LINK_LIMIT", LINK_LIMIT_DEFAULT),
        getattr(settings, "PERSONAL_LINK_CLIENT_LIMIT", CLIENT_LIMIT_DEFAULT),
        getattr(settings, "PERSONAL_LINK_WINDOW_MINUTES", WINDOW_MINUTES_DEFAULT),
    )


class PersonalLinkCommentForm(MemberCommentForm):
    """The members' comment form, with DKFDS's select on the public site."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contentpath"].widget.attrs["class"] = "form-select"
        self.fields["text"].widget.attrs["rows"] = 8


def _personal(response):
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _open_link(request, token):
    return link_for_token(token=token, site=Site.find_for_request(request))


@never_cache
def personal_link_page(request, token):
    """GET: the draft and the form. POST: refuse (too many, invalid, a CPR
    number) with the text kept, or store the comment and say thanks."""
    try:
        link = _open_link(request, token)
    except PersonalLinkRefused as refusal:
        return _refused(request, refusal)
    version = reading_version(page=link.page.specific)
    targets = comment_targets(version=version)
    bound = request.method == "POST"
    form = PersonalLinkCommentForm(request.POST if bound else None, targets=targets)
    status = 200
    if bound:
        status = _comment(request, link, form)
        if status is None:
            return redirect(f"{request.path}?{SENT_PARAMETER}=1")
    context = {
        "link": link,
        "page": None,
        "draft_title": version.title,
        "member_name": user_display_name(link.member),
        "preview_url": request.path + "udkast/",
        "form": form,
        "sent": not bound and SENT_PARAMETER in request.GET,
        "breadcrumb_current": _("Comment on a draft"),
    }
    return _personal(
        TemplateResponse(
            request, "workflows/personal_link.html", context, status=status
        )
    )


def _comment(request, link, form):
    """None once the comment is stored, else the status of the refusal."""
    link_limit, client_limit, minutes = _limits()
    client = client_ip(request)
    if (
        attempts("personal-link", link.key) >= link_limit
        or attempts("personal-link-client", client) >= client_limit
    ):
        form.is_valid()
        form.add_error(None, _too_many_message(minutes))
        return 429
    attempt_count("personal-link", link.key, minutes=minutes)
    attempt_count("personal-link-client", client, minutes=minutes)
    if not form.is_valid():
        return 400
    try:
        personal_link_comment_create(link=link, **form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
        return 400
    return None


def _too_many_message(minutes):
    return ngettext(
        "Many comments have been sent in a short time. Wait %(minutes)d "
        "minute and send again; your text is kept below.",
        "Many comments have been sent in a short time. Wait %(minutes)d "
        "minutes and send again; your text is kept below.",
        minutes,
    ) % {"minutes": minutes}


def _refused(request, refusal):
    context = {"refusal": refusal.message, "breadcrumb_current": _("Personal link")}
    return _personal(
        TemplateResponse(
            request,
            "workflows/personal_link_refused.html",
            context,
            status=refusal.status,
        )
    )


@never_cache
@xframe_options_sameorigin
def personal_link_preview(request, token):
    """The draft as the public will see it, in the version members read
    (the one awaiting the chairs, else the latest): framed by the page."""
    try:
        link = _open_link(request, token)
    except PersonalLinkRefused as refusal:
        return _refused(request, refusal)
    return _personal(reading_preview(request, link.page.specific))
