"""HTTP headers: shared caching for the public site, a CSP on every page
and a Permissions-Policy on every response.

Public pages are the same for every anonymous reader, so a CDN or proxy may
keep them for a while; anything that depends on who is asking must never land
in a shared cache. The templates have no inline scripts or styles, which is
what lets the Content-Security-Policy forbid them.
"""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

SHAREABLE_STATUS_CODES = {200, 203, 204, 301, 404, 410}


def _is_admin(request):
    return request.path.startswith(("/admin/", "/django-admin/"))


def _is_anonymous(request):
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


class PublicCacheMiddleware:
    """Cache-Control: public for anonymous reads, never for anything personal."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control") or _is_admin(request):
            return response
        if not _is_anonymous(request) or getattr(request, "is_preview", False):
            add_never_cache_headers(response)
        elif (
            request.method in ("GET", "HEAD")
            and response.status_code in SHAREABLE_STATUS_CODES
            and not response.cookies
        ):
            patch_cache_control(
                response, public=True, max_age=settings.PUBLIC_CACHE_MAX_AGE
            )
        else:
            patch_cache_control(response, private=True, no_cache=True)
        return response


class ContentSecurityPolicyMiddleware:
    """Send a CSP with every HTML page: the strict public one on the site
    (logged in or not: a draft's text is no more trusted than a visitor's),
    ADMIN_CONTENT_SECURITY_POLICY in Wagtail's admin, whose own templates
    and widgets need more (see the setting)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _is_admin(request):
            policy = getattr(settings, "ADMIN_CONTENT_SECURITY_POLICY", "")
        else:
            policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")
        if (
            policy
            and response.get("Content-Type", "").startswith("text/html")
            and not response.has_header("Content-Security-Policy")
        ):
            response["Content-Security-Policy"] = policy
        return response


class PermissionsPolicyMiddleware:
    """Neither the site nor the admin uses a camera, a microphone, the
    location or payments: every response says so (PERMISSIONS_POLICY), so
    no embedded frame or injected script can ask for them either."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy and not response.has_header("Permissions-Policy"):
            response["Permissions-Policy"] = policy
        return response
