from django.utils.translation import get_language
from wagtail.models import Site

from cms.page_cache import council_fragment, known_translation


def council(request):
    """The current council's home page (in the active language) for navigation."""
    site = Site.find_for_request(request)
    if site is None:
        return {"site_root": None}
    known = known_translation(site.root_page)
    if known is not None:
        return {"site_root": known}
    site_root = council_fragment(
        site_id=site.pk,
        name=f"site-root:{get_language()}",
        compute=lambda: site.root_page.localized,
        request=request,
    )
    return {"site_root": site_root}
