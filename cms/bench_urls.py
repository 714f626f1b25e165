"""The site's addresses plus a hello-world view, for make bench only.

The benchmark states every page's speed as a share of what the same server
gives a view that does nothing: a plain-text response through the whole
middleware stack (cms.settings.bench is the only setting that routes here,
so no real installation answers /bench/hello/).
"""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from cms.urls import urlpatterns as site_urlpatterns


@never_cache  # never stored by the page cache: it measures the stack itself
def hello_world(request):
    return HttpResponse("Hello, world", content_type="text/plain")


# The site's own list last: it ends with i18n_patterns, which must stay in
# the root list.
urlpatterns = [path("bench/hello/", hello_world), *site_urlpatterns]
