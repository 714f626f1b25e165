"""A wrong admin URL configuration for a test: Wagtail's own admin views
in front of the council-scoped ones (cms.checks must fail on it)."""

from django.urls import include, path
from wagtail.admin import urls as wagtail_admin_urls

urlpatterns = [
    path("admin/", include(wagtail_admin_urls)),
    path("admin/", include("cms.admin_urls")),
]
