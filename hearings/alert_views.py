"""The public pages of the response alerts: asking for them (a route of the
council's HearingIndexPage), confirming, and stopping them.

Stopping is a plain view, not a route: the one-click unsubscribe of RFC 8058
is a POST from the reader's mail program, with no CSRF token to send, and
only a Django view can be exempt from the CSRF check. The signed token in
the address is what authorises it.
"""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from cms.login_throttle import attempt_count, attempts, client_ip
from hearings import alert_links
from hearings.alert_forms import AlertSubscribeForm
from hearings.alerts import (
    alert_subscription_confirm,
    alert_subscription_erase,
    alert_subscription_request,
)

# A client gets this many confirmation mails sent per hour; an address this
# many a day (nobody fills another person's mailbox through the form).
CLIENT_LIMIT, CLIENT_WINDOW_MINUTES = 10, 60
ADDRESS_LIMIT, ADDRESS_WINDOW_MINUTES = 3, 24 * 60


def alert_subscribe(request, *, index):
    """The form; a valid request leads to the "check your mail" page."""
    form = AlertSubscribeForm(request.POST if request.method == "POST" else None)
    status = 200
    if form.is_bound and form.is_valid():
        if form.is_robot():
            return redirect(_route_url(request, index, "alert_sent"))
        if _throttled(request, form.cleaned_data["email"]):
            form.add_error(None, _too_many_message())
            status = 429
        else:
            alert_subscription_request(
                council=Site.find_for_request(request),
                email=form.cleaned_data["email"],
                themes=form.cleaned_data["themes"],
                language=translation.get_language(),
            )
            return redirect(_route_url(request, index, "alert_sent"))
    response = index.render(
        request,
        template="hearings/alert_subscribe.html",
        context_overrides={"form": form, "breadcrumb_current": _("E-mail alerts")},
    )
    response.status_code = status
    return response


def _route_url(request, index, name, args=()):
    return index.get_url(request) + index.reverse_subpage(name, args=args)


def _throttled(request, email):
    """Count this request; True once the client or the address asked too often."""
    client = client_ip(request)
    address = email.strip().lower()
    if attempts("alert_client", client) >= CLIENT_LIMIT:
        return True
    if attempts("alert_address", address) >= ADDRESS_LIMIT:
        return True
    attempt_count("alert_client", client, minutes=CLIENT_WINDOW_MINUTES)
    attempt_count("alert_address", address, minutes=ADDRESS_WINDOW_MINUTES)
    return False


def _too_many_message():
    return _(
        "We have sent many confirmation e-mails from here or to this address "
        "lately. Check your inbox and spam folder, or try again tomorrow."
    )


def alert_sent(request, *, index):
    return index.render(
        request,
        template="hearings/alert_sent.html",
        context_overrides={
            "breadcrumb_current": _("E-mail alerts"),
            "confirm_days": alert_links.CONFIRM_MAX_AGE.days,
        },
    )


def alert_confirm(request, *, index, token):
    """The confirmation link's page: a button (a link checker that opens the
    link confirms nothing), and the confirmation once it is pressed."""
    context = {"breadcrumb_current": _("E-mail alerts")}
    status = 200
    try:
        subscription = alert_links.subscription_for_confirm_token(
            council=Site.find_for_request(request), token=token
        )
    except alert_links.AlertLinkRefused as refusal:
        context["refusal"], status = refusal.message, refusal.status
    else:
        if request.method == "POST":
            alert_subscription_confirm(subscription=subscription)
        context["subscription"] = subscription
    response = index.render(
        request, template="hearings/alert_confirm.html", context_overrides=context
    )
    response.status_code = status
    add_never_cache_headers(response)
    return response


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def alert_unsubscribe(request, token):
    """Erase the subscription: the button on this page, or the mail
    program's one-click POST (body List-Unsubscribe=One-Click)."""
    context = {"breadcrumb_current": _("Stop e-mail alerts")}
    status = 200
    try:
        subscription = alert_links.subscription_for_unsubscribe_token(
            council=Site.find_for_request(request), token=token
        )
    except alert_links.AlertLinkRefused as refusal:
        context["refusal"], status = refusal.message, refusal.status
    else:
        if request.method == "POST":
            alert_subscription_erase(subscription=subscription)
            subscription = None
        context["erased"] = subscription is None
    return TemplateResponse(
        request, "hearings/alert_unsubscribe.html", context, status=status
    )
