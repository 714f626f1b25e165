"""A council's site settings read once per council until its pages change,
not on every request (cms.page_cache.council_fragment keeps them)."""

from wagtail.models import Site

from cms.page_cache import council_fragment, known_translation

READING_METHODS = ("GET", "HEAD")


def site_setting_for_request(*, model, request):
    """The request's site's setting of this model (a BaseSiteSetting), as
    Wagtail's for_request gives it, kept on the request for the rest of it.
    Requests that only read take the council's stored copy; any other, such
    as one that saves the settings, reads the database."""
    attr = model.get_cache_attr_name()
    if hasattr(request, attr):
        return getattr(request, attr)
    site = Site.find_for_request(request)
    if site is None or request.method not in READING_METHODS:
        setting = model.for_site(site)
    else:
        setting = council_fragment(
            site_id=site.pk,
            name=f"site-setting:{attr}",
            compute=lambda: model.for_site(site),
            request=request,
        )
    setting._request = request  # Wagtail's for_request does the same
    setattr(request, attr, setting)
    return setting


class KnownTranslationMixin:
    """For a site's root page: the kept site (cms.page_cache's
    council_site_for_request) gives it with its translation in the active
    language, so Wagtail's routing (site.root_page.localized) asks the
    database neither for the locale nor for the translation."""

    @property
    def localized(self):
        page = known_translation(self)
        return page if page is not None else super().localized
