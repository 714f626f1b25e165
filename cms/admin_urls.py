"""Wagtail's admin URLs, with the council-scoped listings (cms.admin_views)
in front of Wagtail's own at the same paths and under the same URL names.

`urlpatterns` is the whole admin: Wagtail's own patterns (as decorated by
wagtail.admin.urls), with ours first in the explorer's place and first
inside the namespaces "wagtailadmin_pages", "wagtailadmin_reports" and
"wagtail_localize". cms.urls includes it *instead of* wagtail.admin.urls:
included beside it, every admin namespace would exist twice (Django's
check urls.W005) and reverse() would only search the first copy.
"""

from django.urls import URLResolver, include, path
from django.views.decorators.cache import never_cache
from wagtail.admin import urls as wagtail_admin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.admin.viewsets.pages import base_page_viewset
from wagtail.utils.urlpatterns import decorate_urlpatterns

from cms import admin_link_chooser
from cms import admin_views as views
from cms.admin_guard import allow_staff_urls


def _explorer_view(results_only=False):
    """The explorer view as Wagtail's base page viewset builds it."""
    kwargs = {
        **base_page_viewset.get_index_view_kwargs(),
        "filterset_class": views.CouncilPageFilterSet,
        "results_only": results_only,
    }
    return base_page_viewset.construct_view(views.CouncilExplorableIndexView, **kwargs)


def _report(name, route, view_class):
    """A report and its results-only partial, as Wagtail names them."""
    return [
        path(route, view_class.as_view(), name=name),
        path(
            f"{route}results/",
            view_class.as_view(results_only=True),
            name=f"{name}_results",
        ),
    ]


EXPLORER = [
    path("pages/", _explorer_view(), name="wagtailadmin_explore_root"),
    path(
        "pages/<int:parent_page_id>/",
        _explorer_view(),
        name="wagtailadmin_explore",
    ),
    path(
        "pages/<int:parent_page_id>/results/",
        _explorer_view(results_only=True),
        name="wagtailadmin_explore_results",
    ),
]
PAGES = [
    path(
        "search/",
        base_page_viewset.construct_view(views.CouncilSearchView),
        name="search",
    ),
    path(
        "search/results/",
        base_page_viewset.construct_view(views.CouncilSearchView, results_only=True),
        name="search_results",
    ),
]
REPORTS = [
    *_report("locked_pages", "locked/", views.CouncilLockedPagesView),
    *_report("workflow", "workflow/", views.CouncilWorkflowView),
    *_report("workflow_tasks", "workflow_tasks/", views.CouncilWorkflowTasksView),
    *_report("site_history", "site-history/", views.CouncilLogEntriesView),
    *_report("aging_pages", "aging-pages/", views.CouncilAgingPagesView),
    *_report("page_types_usage", "page-types-usage/", views.CouncilPageTypesUsageView),
]
LOCALIZE = _report(
    "translations_report", "reports/translations/", views.CouncilTranslationsReportView
)
SCOPED_NAMESPACES = {
    "wagtailadmin_pages": PAGES,
    "wagtailadmin_reports": REPORTS,
    "wagtail_localize": LOCALIZE,
}


def _as_wagtail_serves(patterns):
    """Decorate our views as wagtail.admin.urls decorates Wagtail's."""
    for decorator in (
        require_admin_access,
        wagtail_admin_urls.display_custom_404,
        never_cache,
    ):
        patterns = decorate_urlpatterns(patterns, decorator)
    return patterns


def _in_front(resolver, scoped):
    """Wagtail's namespace with our patterns before its own."""
    patterns = [*_as_wagtail_serves(list(scoped)), *resolver.url_patterns]
    return path(
        str(resolver.pattern),
        include((patterns, resolver.app_name), namespace=resolver.namespace),
    )


def scoped_admin_urlpatterns(wagtail_patterns):
    # The external-link step that refuses an empty form (cms.admin_link_chooser).
    patterns = _as_wagtail_serves([*EXPLORER, *admin_link_chooser.urlpatterns])
    for pattern in wagtail_patterns:
        scoped = isinstance(pattern, URLResolver) and SCOPED_NAMESPACES.get(
            pattern.namespace
        )
        patterns.append(_in_front(pattern, scoped) if scoped else pattern)
    return patterns


def _scoped_views():
    """{URL name: (pattern, view class)} of the council-scoped views."""
    views_by_name = {p.name: (p, p.callback.view_class) for p in EXPLORER}
    for namespace, patterns in SCOPED_NAMESPACES.items():
        for p in patterns:
            views_by_name[f"{namespace}:{p.name}"] = (p, p.callback.view_class)
    return views_by_name


urlpatterns = scoped_admin_urlpatterns(wagtail_admin_urls.urlpatterns)
SCOPED_VIEWS = _scoped_views()

# The reports are council-scoped here, so the admin guard may open them to
# council staff (the explorer and page search it opens already). Only
# once this module is loaded; cms.checks fails if it is loaded but its
# views are not the ones served (E006).
allow_staff_urls(names=tuple(SCOPED_VIEWS))
