"""A reverse proxy or CDN in front of the site drops a council's pages when
the page cache does (cms.page_cache), through wagtail.contrib.frontend_cache.

Wagtail's own handlers purge the addresses of the one page that was
published. But a published response also shows on the council's home page,
its index (with every filter), its feed, the hearing's page, the calendar
and search results, and the page cache already knows exactly when a
council's pages changed: every path that publishes, unpublishes, moves,
deletes or changes what a council shows ends in council_pages_changed. So
the proxy is told the same thing at the same moment: drop everything under
the council's address (its site's root URL). The proxy must read a purge of
an address as "this address and everything below it" (tests/workflows/varnish.vcl
shows it for Varnish: a ban by host and prefix), which also takes every
query string and language along.

wagtail.contrib.frontend_cache itself is not in INSTALLED_APPS: its app
only connects those per-page handlers, whose purges this one covers; its
backends and its purge task (a Django task, run by the worker in
production) are used as they are. Connected in CmsConfig.ready(); does
nothing unless WAGTAILFRONTENDCACHE is set (FRONTEND_CACHE_URL).
"""

from django.conf import settings
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Site

from cms.page_cache import council_pages_changed


def council_root_urls(*, site_ids):
    """The addresses under which the councils' pages are found (every
    council's for site_ids=None)."""
    sites = Site.objects.all()
    if site_ids is not None:
        sites = sites.filter(pk__in=site_ids)
    return sorted(f"{site.root_url}/" for site in sites)


@receiver(council_pages_changed, dispatch_uid="frontend_cache_purge")
def _purge_councils(sender, site_ids, **kwargs):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    # A Wagtail task: at once in development, by the worker in production.
    purge_urls_from_cache(council_root_urls(site_ids=site_ids))
