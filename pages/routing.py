"""A council's public addresses resolved once per council until its pages
change, instead of two queries for every level of the path on every request.

Wagtail finds a page by walking down from the site's root page: the child
with the next slug, then that child's specific page, then its own route
(a routable page's sub-routes, such as `feed/` or `hoering/<id>/`, win over
its children). The walk is kept as it is; what it found is remembered with
the council's other fragments (cms.page_cache.council_fragment), so it is
forgotten the moment any page of the council is published, unpublished,
moved, deleted or restricted. A remembered address costs one query: the
page itself, fetched fresh, whose own route then takes the rest of the path
exactly as in Wagtail's walk. A page whose address has changed in the
meantime (its url_path differs) is walked to again.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from wagtail.models import PageViewRestriction, Site

from cms.page_cache import council_fragment, fragment_cache_timeout


def _route_key(root, path_components):
    path = "/".join(path_components)
    digest = hashlib.sha256(f"{root.pk}:{path}".encode()).hexdigest()[:32]
    return f"route:{digest}"


def _consumed(root, page, path_components):
    """How many of the path's components lead to the page (the rest are the
    page's own route), or None when its url_path does not say."""
    if page.pk == root.pk:
        return 0
    if not page.url_path.startswith(root.url_path):
        return None
    parts = [part for part in page.url_path[len(root.url_path) :].split("/") if part]
    return len(parts) if path_components[: len(parts)] == parts else None


def _walk(root, request, path_components, walk):
    """Wagtail's own walk, and what to remember of it (None: nothing)."""
    result = walk(request, path_components)
    page = result.page
    consumed = _consumed(root, page, path_components)
    entry = None
    if consumed is not None:
        entry = {
            "page": page.pk,
            "content_type": page.content_type_id,
            "url_path": page.url_path,
            "consumed": consumed,
            "restricted": page.get_view_restrictions().exists(),
        }
    return result, entry


def _remembered_page(root, entry):
    if entry["page"] == root.pk:
        return root  # Wagtail fetched it for this request
    model = ContentType.objects.get_for_id(entry["content_type"]).model_class()
    if model is None:
        return None
    page = model._default_manager.filter(pk=entry["page"]).first()
    if page is None or page.url_path != entry["url_path"]:
        return None
    if not page.path.startswith(root.path):
        return None
    return page


class RememberedRouteMixin:
    """For the site's root page (a council's home page in one language):
    routes through the remembered address of the path when there is one."""

    def route(self, request, path_components):
        site = Site.find_for_request(request)
        walk = super().route
        if site is None or fragment_cache_timeout() <= 0:
            return walk(request, path_components)
        walked = []

        def remember():
            result, entry = _walk(self, request, path_components, walk)
            walked.append(result)
            return entry

        entry = council_fragment(
            site_id=site.pk,
            name=_route_key(self, path_components),
            compute=remember,
            request=request,
        )
        if walked:
            return walked[0]
        page = _remembered_page(self, entry) if entry else None
        if page is None:
            return walk(request, path_components)
        route = walk if page is self else page.route  # self's own: Wagtail's
        result = route(request, path_components[entry["consumed"] :])
        if not entry["restricted"] and result.page is page:
            page.view_restrictions_known_absent = True
        return result


class KnownViewRestrictionsMixin:
    """For every council page: when its remembered route found no view
    restriction on it or its ancestors, Wagtail's check on serving it asks
    the database no second time."""

    view_restrictions_known_absent = False

    def get_view_restrictions(self):
        if self.view_restrictions_known_absent:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
