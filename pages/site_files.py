"""The files at a council site's root that crawlers and browsers ask for:
robots.txt, sitemap.xml (every live public page of that council, in each
language) and favicon.ico."""

from django.db.models import Q
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class CouncilSitemap(Sitemap):
    """Wagtail's sitemap lists the site's root page and what is under it; a
    council's English pages sit under its English home, beside the Danish
    one, so both homes' trees are listed (and no other council's)."""

    def items(self):
        home = self.get_wagtail_site().root_page
        homes = [home, *home.get_translations()]
        trees = Q()
        for tree in homes:
            trees |= Q(path__startswith=tree.path)
        return (
            Page.objects.filter(trees)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


@require_safe
def robots_txt(request):
    """Everything public may be crawled but the admin; the sitemap is named."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; the icon is an
    SVG (its static address is looked up per request: it is hashed in
    production)."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
