"""The public pages of "Skriv til rådet", served by HearingIndexPage's
routes: the form (its own page, so the hearing's page carries no CSRF token
and stays in the anonymous page cache), the receipt, and the polite answer
once a hearing is closed. Every refusal shows the form again as typed."""

from django.conf import settings
from django.shortcuts import redirect
from django.utils.translation import ngettext

from cms.login_throttle import attempt_count, attempts, client_ip
from cms.models import CouncilSettings
from hearings.citizen_input.forms import CitizenInputForm
from hearings.citizen_input.selectors import hearing_takes_input
from hearings.citizen_input.services import citizen_input_create

THROTTLE_KIND = "citizen-input"


def citizen_input_form(request, *, index, hearing):
    """GET: the form. POST: refuse (closed, too many, invalid) or store
    and go to the receipt."""
    if not hearing_takes_input(hearing=hearing):
        return _render(request, index, hearing, "closed", typed=request.POST)
    form = CitizenInputForm(request.POST if request.method == "POST" else None)
    if not form.is_bound:
        return _render(request, index, hearing, "form", form=form)
    if attempts(THROTTLE_KIND, client_ip(request)) >= settings.CITIZEN_INPUT_LIMIT:
        form.is_valid()
        form.add_error(None, _too_many_message())
        return _render(request, index, hearing, "form", form=form, status=429)
    if not form.is_valid():
        return _render(request, index, hearing, "form", form=form, status=400)
    attempt_count(
        THROTTLE_KIND,
        client_ip(request),
        minutes=settings.CITIZEN_INPUT_WINDOW_MINUTES,
    )
    if not form.is_robot():
        _store(request, hearing, form.cleaned_data)
    return redirect(index.citizen_input_url(hearing, request, sent=True))


def citizen_input_sent(request, *, index, hearing):
    """The receipt: what happens now. The same for everyone (it names no
    sender), so it may be cached like the hearing's page."""
    return _render(request, index, hearing, "sent")


def _store(request, hearing, data):
    citizen_input_create(
        hearing=hearing,
        text=data["text"],
        name=data["name"],
        contact=data["contact"],
        language=getattr(request, "LANGUAGE_CODE", ""),
    )


def _too_many_message():
    minutes = settings.CITIZEN_INPUT_WINDOW_MINUTES
    return ngettext(
        "Many messages have been sent from your connection in a short time. "
        "Wait %(minutes)d minute and send again; your text is kept below.",
        "Many messages have been sent from your connection in a short time. "
        "Wait %(minutes)d minutes and send again; your text is kept below.",
        minutes,
    ) % {"minutes": minutes}


def _render(request, index, hearing, kind, *, form=None, typed=None, status=200):
    context = {
        "hearing": hearing,
        "form": form,
        "typed_text": (typed or {}).get("text", ""),
        "hearing_url": index.hearing_url(hearing, request),
        "council_email": CouncilSettings.for_site(hearing.council).email,
        "retention_days": settings.CITIZEN_INPUT_RETENTION_DAYS,
        "undecided_retention_days": settings.CITIZEN_INPUT_UNDECIDED_RETENTION_DAYS,
    }
    response = index.render(
        request,
        template=f"hearings/citizen_input_{kind}.html",
        context_overrides=context,
    )
    response.status_code = status
    return response
