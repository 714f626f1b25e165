"""Whole public pages kept in the configured cache for anonymous readers.

A page is stored only when it was rendered for a visitor with no session
(so nobody is logged in and no view restriction was passed), without a CSRF
token, cookie, preview or private Cache-Control: whatever it holds, every
anonymous reader would have been shown the same. Stored pages are therefore
free of secrets, which is what makes compressing them safe (BREACH needs a
secret and an attacker's text in one compressed body).

Invalidation never scans keys: each council (site) has a generation token in
the cache, and every stored page remembers the tokens it was rendered under.
Changing a council's token after a commit makes all its pages misses at
once, on Redis, the file cache and local memory alike. The tokens are read
before a page is rendered, so a page rendered from data older than a change
is always stored under the token that change replaced.
"""

import gzip
import hashlib
import secrets
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.dispatch import Signal
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from wagtail.models import Site

from cms.tenancy import SHARED, object_owner

KEY_VERSION = "page-cache:v1"
ALL_COUNCILS = f"{KEY_VERSION}:generation:all"
# Never served from the cache: the admin, documents (their own permission
# check on every request), static and uploaded files.
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/")
# Headers that belong to one delivery, not to the page.
UNSTORED_HEADERS = {"content-length", "content-encoding", "set-cookie"}
# A response may vary on these only: the cache key covers them.
HARMLESS_VARY = {"cookie", "accept-encoding", "accept-language"}
PRIVATE_DIRECTIVES = ("private", "no-store", "no-cache")
COMPRESSIBLE_TYPES = (
    "text/",
    "application/atom+xml",
    "application/rss+xml",
    "application/xml",
    "application/json",
)
MIN_COMPRESSED_SIZE = 200

# Sent after commit, once this cache dropped the pages, with site_ids (a
# list) or site_ids=None for every council: for caches outside the
# application that hold the same pages, such as a CDN (cms.frontend_purge).
council_pages_changed = Signal()


def page_cache_timeout():
    """Seconds a page stays stored (PAGE_CACHE_TIMEOUT); 0 turns it off."""
    return getattr(settings, "PAGE_CACHE_TIMEOUT", 0)


# Generations -----------------------------------------------------------------


def _council_generation_key(site_id):
    return f"{KEY_VERSION}:generation:{site_id}"


def _new_token():
    return secrets.token_hex(8)


def _bump(keys):
    cache.set_many({key: _new_token() for key in keys}, timeout=None)


def _drop(site_ids):
    if site_ids is None:
        _bump([ALL_COUNCILS])
    else:
        _bump([_council_generation_key(site_id) for site_id in site_ids])
    council_pages_changed.send(sender=None, site_ids=site_ids)


def _generations_for(site_id):
    """The current (all councils, this council) tokens, made if missing."""
    keys = [ALL_COUNCILS, _council_generation_key(site_id)]
    tokens = cache.get_many(keys)
    for key in keys:
        if key not in tokens:
            cache.add(key, _new_token(), timeout=None)
            tokens[key] = cache.get(key)
    return tuple(tokens[key] for key in keys)


def page_cache_invalidate(*, site_ids):
    """After the running transaction commits, no stored page of these
    councils is served again (at once, if no transaction is running)."""
    site_ids = list(site_ids)
    if site_ids:
        transaction.on_commit(partial(_drop, site_ids))


def page_cache_invalidate_all():
    """After commit, no stored page of any council is served again: for
    what every council shows (the sites themselves, locales, themes)."""
    transaction.on_commit(partial(_drop, None))


def page_cache_invalidate_owner(*, obj):
    """Invalidate the pages of the councils that own obj (cms.tenancy)."""
    owner = object_owner(obj)
    if owner == SHARED:
        page_cache_invalidate_all()
    else:
        page_cache_invalidate(site_ids=owner)


# Parts every page of a council repeats -------------------------------------------


def fragment_cache_timeout():
    """Seconds a council fragment stays stored: COUNCIL_FRAGMENT_TIMEOUT, or
    PAGE_CACHE_TIMEOUT's when that is unset (-1); 0 turns fragments off."""
    timeout = getattr(settings, "COUNCIL_FRAGMENT_TIMEOUT", -1)
    return page_cache_timeout() if timeout < 0 else timeout


def council_fragment(*, site_id, name, compute, request=None):
    """compute() once per council until its pages change (then again): for
    what every page of the council shows alike, such as the main menu. Off
    when fragment_cache_timeout() is 0. The value must be picklable and the
    same for every reader. With the request, the council's tokens are read
    once for all its fragments (and taken from the page cache's miss)."""
    timeout = fragment_cache_timeout()
    if timeout <= 0 or site_id is None:
        return compute()
    generations = _request_generations(request, site_id)  # before computing
    key = f"{KEY_VERSION}:fragment:{site_id}:{name}:{':'.join(generations)}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=timeout)
    return value


def _request_generations(request, site_id):
    known = getattr(request, "council_generations", None)
    if known is not None and site_id in known:
        return known[site_id]
    generations = _generations_for(site_id)
    if request is not None:
        request.council_generations = {site_id: generations}
    return generations


# The council that answers a host, and its home page ---------------------------


def _site_entry_key(request):
    hostname = split_domain_port(request._get_raw_host())[0]  # as Wagtail does
    return f"{KEY_VERSION}:site:{hostname}:{request.get_port()}:{get_language()}"


def _is_reading_request(request):
    return request.method in ("GET", "HEAD") and not request.path.startswith(
        EXCLUDED_PREFIXES
    )


def council_site_for_request(request):
    """Site.find_for_request's answer, kept with the council's fragments
    (per host and language) so that a reader's page asks the database for
    neither the site nor its home page: the site's root_page is its specific
    home page, knowing its translation in the active language
    (cms.site_parts.KnownTranslationMixin). Also the council's tokens are
    then known for its fragments. Only for requests that read, outside the
    admin; with fragments off, Wagtail's lookup."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    if fragment_cache_timeout() <= 0 or not _is_reading_request(request):
        return Site.find_for_request(request)
    key = _site_entry_key(request)
    guessed_key = _council_generation_key(_council_of_host.get(key))
    found = cache.get_many([key, ALL_COUNCILS, guessed_key])
    entry = found.get(key)
    if entry is not None:
        site_key = _council_generation_key(entry["site_id"])
        if site_key != guessed_key:
            found[site_key] = cache.get(site_key)
        if (found.get(ALL_COUNCILS), found.get(site_key)) == entry["generations"]:
            _remember_council_of_host(key, entry["site_id"])
            return _site_known(request, entry["site"], entry["generations"])
    return _site_looked_up(request, key, found.get(ALL_COUNCILS))


def _site_looked_up(request, key, all_councils_token):
    site = Site.find_for_request(request)
    if site is None:
        return None
    generations = _generations_for(site.pk)  # before the home page is read
    _with_home_page(site)
    # Not stored if every council's token changed since the site was read.
    if all_councils_token in (None, generations[0]):
        entry = {"site": site, "site_id": site.pk, "generations": generations}
        cache.set(key, entry, timeout=fragment_cache_timeout())
        _remember_council_of_host(key, site.pk)
    return _site_known(request, site, generations)


def _with_home_page(site):
    """The site with its root page specific, and that page's translation in
    the active language known to it (localized_by_language)."""
    root = site.root_page.specific
    localized = root.localized.specific
    language = get_language()
    root.localized_by_language = {language: localized}
    localized.localized_by_language = {language: localized}
    site.root_page = root


def known_translation(page):
    """The page's translation in the active language when the kept site
    brought it along (_with_home_page), else None."""
    known = getattr(page, "localized_by_language", None) or {}
    return known.get(get_language())


def _site_known(request, site, generations):
    request._wagtail_site = site
    request.council_generations = {site.pk: generations}
    return site


def _remember_council_of_host(key, site_id):
    if len(_council_of_host) >= MAX_REMEMBERED_HOSTS:
        _council_of_host.clear()
    _council_of_host[key] = site_id


class CouncilSiteMiddleware:
    """Finds the request's council (council_site_for_request) before any view
    or template asks Wagtail for it. After PageCacheMiddleware, which looks
    the council up the same way for a page it has not stored."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        council_site_for_request(request)
        return self.get_response(request)


# Requests and responses --------------------------------------------------------


def _is_cacheable_request(request):
    if request.method not in ("GET", "HEAD") or page_cache_timeout() <= 0:
        return False
    if request.path.startswith(
        (*EXCLUDED_PREFIXES, settings.STATIC_URL, settings.MEDIA_URL)
    ):
        return False
    # A session or pending messages may make the page someone's own.
    cookies = request.COOKIES
    return not (
        settings.SESSION_COOKIE_NAME in cookies
        or getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in cookies
        or "HTTP_AUTHORIZATION" in request.META
    )


def _entry_key(request):
    """Scheme, host, path, sorted query and language: all a stored page
    can depend on for a visitor without a session."""
    query = sorted(
        (name, value) for name, values in request.GET.lists() for value in values
    )
    parts = [
        request.scheme,
        request.get_host(),
        request.path,
        repr(query),
        getattr(request, "LANGUAGE_CODE", ""),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"{KEY_VERSION}:page:{digest}"


def _directives(header):
    return {part.strip().split("=")[0].lower() for part in header.split(",")}


def _is_storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    meta = request.META
    if meta.get("CSRF_COOKIE_NEEDS_UPDATE") or meta.get("CSRF_COOKIE_USED"):
        return False  # the page carries a CSRF token
    session = getattr(request, "session", None)
    if getattr(request, "is_preview", False) or (session and session.modified):
        return False
    if _directives(response.get("Cache-Control", "")) & set(PRIVATE_DIRECTIVES):
        return False
    vary = {part for part in _directives(response.get("Vary", "")) if part}
    return vary <= HARMLESS_VARY and not response.has_header("Content-Encoding")


def _compressed(response, body):
    content_type = response.get("Content-Type", "")
    if len(body) < MIN_COMPRESSED_SIZE or not content_type.startswith(
        COMPRESSIBLE_TYPES
    ):
        return None
    return gzip.compress(body, mtime=0)


def _entry(response, site_id, generations):
    body = response.content
    patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
    headers = [
        (name, value)
        for name, value in response.items()
        if name.lower() not in UNSTORED_HEADERS
    ]
    return {
        "site": site_id,
        "generations": generations,
        "status": response.status_code,
        "headers": headers,
        "body": body,
        "gzip": _compressed(response, body),
    }


def _accepts_gzip(request):
    for coding in request.headers.get("Accept-Encoding", "").split(","):
        name, _, params = coding.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            quality = params.strip().removeprefix("q=").strip() or "1"
            try:
                return float(quality) > 0
            except ValueError:
                return False
    return False


def _response_from(entry, request):
    compressed = entry["gzip"] is not None and _accepts_gzip(request)
    body = entry["gzip"] if compressed else entry["body"]
    response = HttpResponse(body, status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    if compressed:
        response["Content-Encoding"] = "gzip"
    return response


# The council a host's stored pages last belonged to, per process: only a
# guess of which token to fetch with the page (one round trip instead of
# two); the page's own council's token is what is compared.
_council_of_host = {}
MAX_REMEMBERED_HOSTS = 10_000


def _stored_response(request, key):
    host = request.get_host()
    guess = _council_of_host.get(host)
    guessed_key = _council_generation_key(guess)
    found = cache.get_many([key, ALL_COUNCILS, guessed_key])
    entry = found.get(key)
    if entry is None:
        return None
    site_key = _council_generation_key(entry["site"])
    if site_key != guessed_key:
        found[site_key] = cache.get(site_key)
        if len(_council_of_host) >= MAX_REMEMBERED_HOSTS:
            _council_of_host.clear()
        _council_of_host[host] = entry["site"]
    if (found.get(ALL_COUNCILS), found.get(site_key)) != entry["generations"]:
        return None
    return _response_from(entry, request)


class PageCacheMiddleware:
    """Serve anonymous readers a stored page, without rendering or a query.

    Sits right after CommonMiddleware (the host is checked and the language
    chosen by then) and before everything that reads the session, sets the
    CSRF cookie or adds the public headers, so a stored page holds the
    headers those added and a session-free visitor skips them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_cacheable_request(request):
            return self.get_response(request)
        key = _entry_key(request)
        stored = _stored_response(request, key)
        if stored is not None:
            return stored
        site = council_site_for_request(request)
        site_id = site.pk if site is not None else None
        # The fragments of the page (council_fragment) use the same tokens.
        generations = _request_generations(request, site_id)
        response = self.get_response(request)
        if request.method != "GET" or not _is_storable(request, response):
            return response
        entry = _entry(response, site_id, generations)
        cache.set(key, entry, timeout=page_cache_timeout())
        return _response_from(entry, request)
