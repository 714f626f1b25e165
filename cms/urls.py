from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import council_admin
from pages import views as page_views
from pages.site_files import CouncilSitemap, favicon, robots_txt

WAGTAIL_UTILITY_URLS = [
    pattern
    for pattern in wagtail_urls.urlpatterns
    if getattr(pattern, "name", None) != "wagtail_serve"
]

urlpatterns = [
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": CouncilSitemap}}),
    path("favicon.ico", favicon),
    # The platform administrator's councils (before the admin's catch-all).
    path("admin/raad/", include(council_admin.urlpatterns)),
    # Wagtail's admin, its listings and reports scoped to the user's council.
    path("admin/", include("cms.admin_urls")),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Images and their renditions only: documents go through the serve view.
    for folder in ("images/", "original_images/"):
        urlpatterns += static(
            settings.MEDIA_URL + folder, document_root=settings.MEDIA_ROOT / folder
        )

# Danish pages at /, English under /en/.
urlpatterns += i18n_patterns(
    path("", include("pages.urls")),
    path("", include("hearings.urls")),
    path("", include("workflows.public_urls")),
    # Wagtail's password form and login; its page view is the one below.
    path("", include(WAGTAIL_UTILITY_URLS)),
    # Wagtail's page view, reading without a transaction (pages.views.serve).
    re_path(wagtail_urls.serve_pattern, page_views.serve, name="wagtail_serve"),
    prefix_default_language=False,
)
