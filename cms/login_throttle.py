"""Throttling of everything that lets someone guess their way into an account.

django-axes counts wrong passwords (settings: AXES_*); this module adds what
axes does not cover: who the client is behind a proxy, a limit on
password-reset mails and a small counter the second-factor check uses too
(cms.two_factor). Counters live in the cache: Redis in production, so every
worker process sees the same count.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

logger = logging.getLogger(__name__)

PASSWORD_RESET_VIEW = "wagtailadmin_password_reset"


def client_ip(request):
    """The client's address (AXES_CLIENT_IP_CALLABLE): REMOTE_ADDR, or the
    address the nearest of TRUSTED_PROXY_COUNT proxies saw. Entries further
    left in X-Forwarded-For are the client's own to forge, so never trusted."""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if proxies and len(hops) >= proxies:
        return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def lockout_response(request, original_response, credentials):
    """The page django-axes shows a locked-out login (AXES_LOCKOUT_CALLABLE):
    429, and when to try again. Every further try restarts the wait."""
    context = {"minutes": settings.AXES_COOLOFF_MINUTES}
    return render(request, "cms/login_locked.html", context, status=429)


def _key(kind, value):
    digest = hashlib.sha256(str(value).strip().lower().encode()).hexdigest()
    return f"throttle:{kind}:{digest}"


def attempts(kind, value):
    """How many attempts of this kind were counted for this value."""
    return cache.get(_key(kind, value), 0)


def attempt_count(kind, value, *, minutes):
    """Count one attempt; the count is forgotten `minutes` after the first."""
    key = _key(kind, value)
    if cache.add(key, 1, timeout=minutes * 60):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=minutes * 60)
        return 1


def attempts_forget(kind, value):
    cache.delete(_key(kind, value))


def password_reset_allowed(request):
    """Count a password-reset request by address and by e-mail; False once
    either is over the limit. The same for an e-mail nobody has: the answer
    must not tell whether an account exists."""
    window = settings.PASSWORD_RESET_WINDOW_MINUTES
    limit = settings.PASSWORD_RESET_LIMIT
    by_ip = attempt_count("reset-ip", client_ip(request), minutes=window)
    email = request.POST.get("email", "")
    by_email = attempt_count("reset-email", email, minutes=window) if email else 0
    return max(by_ip, by_email) <= limit


class PasswordResetThrottleMiddleware:
    """Wagtail's password-reset view sends a mail for every request; this
    stops a flood of them (to one person, or from one address) with a
    Danish page that says when to try again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None:
            return None
        if match.view_name != PASSWORD_RESET_VIEW or password_reset_allowed(request):
            return None
        logger.warning(
            "Password reset refused: too many requests from %s", client_ip(request)
        )
        context = {"minutes": settings.PASSWORD_RESET_WINDOW_MINUTES}
        return render(request, "cms/password_reset_throttled.html", context, status=429)
