"""The site's URLs plus one that fails, to show the 500 page in a browser."""

from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("A deliberate failure to show the error page.")


urlpatterns = [path("test-fejl/", broken), *site_urlpatterns]
