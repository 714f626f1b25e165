"""Two factors for the admin: a password alone does not open it.

A secretary's login drafts in the council's name and a chair's publishes,
so with TWO_FACTOR_REQUIRED every admin session must also show a code from
an authenticator app (TOTP, django-otp) or one of its single-use recovery
codes. Until it has, every admin URL but the second-factor pages, login and
logout leads to the code check (or, without an app yet, to enrolment), and
the public site treats the session as anonymous: a password alone does not
fetch a draft's documents either.

Code checks are throttled twice: django-otp slows each device down after a
wrong code (OTP_TOTP_THROTTLE_FACTOR), and a person is stopped for a while
after TWO_FACTOR_FAILURE_LIMIT wrong codes in a row (cms.login_throttle).
"""

import enum
import logging
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms import login_throttle
from cms.admin_guard import ADMIN_PATH

logger = logging.getLogger(__name__)

RECOVERY_CODE_COUNT = 10
ENROL_URL = "cms_two_factor_enrol"
VERIFY_URL = "cms_two_factor_verify"
RECOVERY_CODES_URL = "cms_two_factor_recovery_codes"
RESET_URL = "cms_two_factor_reset"
# Pages of the second factor itself; every staff member may open them.
TWO_FACTOR_URL_NAMES = frozenset({ENROL_URL, VERIFY_URL, RECOVERY_CODES_URL})
# What an admin session that has not shown its second factor may open.
OPEN_URL_NAMES = TWO_FACTOR_URL_NAMES | {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}
_FAILURES = "two-factor"


class Outcome(enum.Enum):
    """What a code check came to; the form words it for the person."""

    ACCEPTED = "accepted"
    WRONG = "wrong"
    WAIT = "wait"  # the device's own throttle: a few seconds
    LOCKED = "locked"  # too many wrong codes: TWO_FACTOR_COOLOFF_MINUTES


def must_verify(user):
    """Whether this session still owes its second factor."""
    return (
        settings.TWO_FACTOR_REQUIRED
        and user.is_authenticated
        and not user.is_verified()
    )


def app_device(user):
    """The person's confirmed authenticator app, or None."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


@transaction.atomic
def enrolment_device(*, user):
    """The app being set up: kept until confirmed, so reloading the page
    shows the same QR code."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(
        user=user, name="Godkendelsesapp", confirmed=False
    )


def _normalised(code):
    return "".join(code.split()).replace("-", "").lower()


def _check_device(device, code):
    """Outcome of one device's check (its throttle counts a wrong code)."""
    with transaction.atomic():
        device = type(device).objects.select_for_update().get(pk=device.pk)
        allowed, _details = device.verify_is_allowed()
        if not allowed:
            return Outcome.WAIT, device
        if device.verify_token(code):
            return Outcome.ACCEPTED, device
        return Outcome.WRONG, device


def code_check(*, request, code, device=None):
    """Check a code against the given device (enrolment) or the person's
    app or recovery codes; a good code verifies the session."""
    user = request.user
    if login_throttle.attempts(_FAILURES, user.pk) >= settings.TWO_FACTOR_FAILURE_LIMIT:
        return Outcome.LOCKED
    code = _normalised(code)
    device = device or _device_for(user, code)
    outcome = _check_device(device, code)[0] if device else Outcome.WRONG
    if outcome is Outcome.WRONG:
        _count_failure(request)
    elif outcome is Outcome.ACCEPTED:
        login_throttle.attempts_forget(_FAILURES, user.pk)
        _verify_session(request, device)
    return outcome


def _device_for(user, code):
    """Six digits are the app's; anything else is a recovery code."""
    if code.isdigit() and len(code) == 6:
        return app_device(user)
    return StaticDevice.objects.devices_for_user(user, confirmed=True).first()


def _count_failure(request):
    user = request.user
    failures = login_throttle.attempt_count(
        _FAILURES, user.pk, minutes=settings.TWO_FACTOR_COOLOFF_MINUTES
    )
    logger.warning(
        "Second factor: wrong code for %s from %s (%d in a row)",
        user.get_username(),
        login_throttle.client_ip(request),
        failures,
    )


def _verify_session(request, device):
    """Mark the session verified; an app confirmed by its first code."""
    if not device.confirmed:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        logger.info("Second factor: %s set up an app", request.user.get_username())
    otp_login(request, device)
    logger.info(
        "Second factor: %s verified from %s",
        request.user.get_username(),
        login_throttle.client_ip(request),
    )


@transaction.atomic
def recovery_codes_create(*, user):
    """New single-use recovery codes; the old ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(
        user=user, name="Gendannelseskoder", confirmed=True
    )
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code) for code in codes
    )
    return codes


@transaction.atomic
def two_factor_reset(*, user, by=None):
    """Remove every device of the person: their next login enrols anew.
    `by` is the administrator doing it (None: the command line)."""
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    login_throttle.attempts_forget(_FAILURES, user.pk)
    logger.warning(
        "Second factor of %s reset by %s (%d devices removed)",
        user.get_username(),
        by.get_username() if by else "manage.py reset_two_factor",
        len(devices),
    )
    return len(devices)


def _second_factor_url(request):
    name = VERIFY_URL if app_device(request.user) else ENROL_URL
    url = reverse(name)
    if request.method == "GET":
        url += "?" + urlencode({"next": request.get_full_path()})
    return url


class TwoFactorMiddleware:
    """Apply the policy above; after django-otp's OTPMiddleware, before the
    admin's door policy (cms.admin_guard)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(ADMIN_PATH) and must_verify(request.user):
            request.user = AnonymousUser()
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(ADMIN_PATH):
            return None
        if not must_verify(request.user):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in OPEN_URL_NAMES:
            return None
        return redirect(_second_factor_url(request))
