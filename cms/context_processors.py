from wagtail.models import Site


def council(request):
    """The current council's home page (in the active language) for navigation."""
    site = Site.find_for_request(request)
    if site is None:
        return {"site_root": None}
    return {"site_root": site.root_page.localized}
