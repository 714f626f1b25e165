"""The admin's page listings and reports, narrowed to the user's councils.

Wagtail builds the choices of their filters (owners, editors, sites,
workflows, whoever locked or submitted a page) and some of their rows
(page types usage, site history, workflow states of snippets, the
translations report) from the whole installation. These subclasses of
Wagtail's and wagtail-localize's own views change only that: every
queryset passes through cms.admin_scopes. cms.admin_urls puts them at
Wagtail's URLs under Wagtail's URL names. Superusers see everything.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils.functional import cached_property
from django_filters.filters import QuerySetRequestMixin
from wagtail.admin.views.pages.listing import (
    ExplorableIndexView,
    GenericPageFilterSet,
)
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.views.reports.aging_pages import (
    AgingPagesReportFilterSet,
    AgingPagesView,
)
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
)
from wagtail.admin.views.reports.locked_pages import (
    LockedPagesReportFilterSet,
    LockedPagesView,
)
from wagtail.admin.views.reports.page_types_usage import (
    PageTypesUsageReportFilterSet,
    PageTypesUsageReportView,
)
from wagtail.admin.views.reports.workflows import (
    WorkflowReportFilterSet,
    WorkflowTasksReportFilterSet,
    WorkflowTasksView,
    WorkflowView,
)
from wagtail.models import Page, Site
from wagtail_localize.views.report import (
    TranslationsReportFilterSet,
    TranslationsReportView,
)

from cms.admin_scopes import (
    CouncilPagePermissionPolicy,
    council_path_prefixes,
    known_by_object_key,
    known_log_entries,
    known_objects,
    known_pages,
    known_translations,
)
from cms.tenancy import user_council_ids

# Filtersets ---------------------------------------------------------------


def _narrow_choices(filter_, user):
    """Make a model-choice filter offer only objects the user may know of."""
    unnarrowed = filter_.get_queryset

    def get_queryset(request):
        queryset = unnarrowed(request)
        if queryset is None:  # set on the filter's extra instead (history)
            queryset = filter_.extra.get("queryset")
        return None if queryset is None else known_objects(queryset, user)

    filter_.get_queryset = get_queryset


class CouncilFilterSetMixin:
    """Mixin for Wagtail filtersets: every filter that offers objects (users,
    sites, workflows, tasks, pages…) offers only the user's councils' ones.

    A filter's choices are rendered in the page whether or not it is used,
    so Wagtail's "all users who ever edited a page" names every council's
    staff to everyone. Generic over the filters, so a filter that a later
    Wagtail adds is narrowed too.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        if user is None or user.is_superuser:
            return
        for filter_ in self.filters.values():
            if isinstance(filter_, QuerySetRequestMixin):
                _narrow_choices(filter_, user)


class CouncilPageFilterSet(CouncilFilterSetMixin, GenericPageFilterSet):
    pass


class CouncilLockedPagesFilterSet(CouncilFilterSetMixin, LockedPagesReportFilterSet):
    pass


class CouncilWorkflowReportFilterSet(CouncilFilterSetMixin, WorkflowReportFilterSet):
    pass


class CouncilWorkflowTasksReportFilterSet(
    CouncilFilterSetMixin, WorkflowTasksReportFilterSet
):
    pass


class CouncilAgingPagesFilterSet(CouncilFilterSetMixin, AgingPagesReportFilterSet):
    pass


class CouncilTranslationsReportFilterSet(
    CouncilFilterSetMixin, TranslationsReportFilterSet
):
    pass


class CouncilSiteHistoryFilterSet(CouncilFilterSetMixin, SiteHistoryReportFilterSet):
    """Site history's user filter lists everybody who appears in any log
    entry (the mixin narrows it to the user's councils' people)."""


class CouncilPageTypesUsageFilterSet(
    CouncilFilterSetMixin, PageTypesUsageReportFilterSet
):
    """The site filter's choices are every site's name; here the user's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        if user is None or user.is_superuser:
            return
        sites = known_objects(Site.objects.select_related("root_page"), user)
        self.sites = {site.pk: site for site in sites}
        if len(self.sites) <= 1:
            self.sites_filter_enabled = False
            self.filters.pop("site", None)
        else:
            choices = [(site.root_page.path, str(site)) for site in sites]
            self.filters["site"].extra["choices"] = choices


# Page listings ------------------------------------------------------------


class CouncilPagePolicyMixin:
    """Views that list pages by Wagtail's page permission policy list them by
    the council-narrowed one."""

    @cached_property
    def permission_policy(self):
        return CouncilPagePermissionPolicy()


class CouncilExplorableIndexView(CouncilPagePolicyMixin, ExplorableIndexView):
    """The page explorer, with its owner, editor and site filters narrowed."""

    base_filterset_class = CouncilPageFilterSet


class CouncilSearchView(CouncilPagePolicyMixin, SearchView):
    """The admin's page search: results and their page-type counts."""


# Reports ------------------------------------------------------------------


class CouncilLockedPagesView(CouncilPagePolicyMixin, LockedPagesView):
    filterset_class = CouncilLockedPagesFilterSet

    def get_queryset(self):
        # Wagtail adds every page locked by the user, wherever it is.
        return known_pages(super().get_queryset(), self.request.user)


class CouncilWorkflowView(WorkflowView):
    filterset_class = CouncilWorkflowReportFilterSet

    def get_queryset(self):
        # Wagtail adds the states of every object of a type the user may edit.
        return known_by_object_key(super().get_queryset(), self.request.user)


class CouncilWorkflowTasksView(WorkflowTasksView):
    filterset_class = CouncilWorkflowTasksReportFilterSet

    def get_queryset(self):
        return known_by_object_key(
            super().get_queryset(),
            self.request.user,
            content_type="workflow_state__content_type",
            object_id="workflow_state__object_id",
        )


class CouncilLogEntriesView(LogEntriesView):
    """Site history: Wagtail shows log entries of every object of a type the
    user has any permission for (all councils' hearings, for example)."""

    filterset_class = CouncilSiteHistoryFilterSet

    def filter_queryset(self, queryset):
        # Called once for each log model's part of the combined listing.
        queryset = super().filter_queryset(queryset)
        return known_log_entries(queryset, self.request.user)


class CouncilAgingPagesView(CouncilPagePolicyMixin, AgingPagesView):
    filterset_class = CouncilAgingPagesFilterSet


class CouncilPageTypesUsageView(PageTypesUsageReportView):
    """Page types usage: counts and "last edited page" of the user's councils'
    pages only (Wagtail counts and names pages of the whole installation)."""

    filterset_class = CouncilPageTypesUsageFilterSet

    def get_queryset(self):
        user = self.request.user
        if user.is_superuser:
            return super().get_queryset()
        prefixes = council_path_prefixes(user_council_ids(user))
        self.queryset = self.page_types(prefixes)
        queryset = self.filter_queryset(self.queryset)
        valid = self.filters and self.filters.is_valid()
        data = self.filters.form.cleaned_data if valid else {}
        locale, site = data.get("page_locale"), data.get("site")
        return _annotate_usage(queryset, prefixes, locale, site).order_by(
            "-count", "app_label", "model"
        )

    def page_types(self, prefixes):
        """Every page type, as in Wagtail's report; the base Page type only
        if the user's councils have plain pages."""
        types = ContentType.objects.filter(model__in=self.page_models)
        if not prefixes:
            return types.none()
        page_type = ContentType.objects.get_for_model(Page)
        plain = Page.objects.filter(
            _under(prefixes), depth__gt=1, content_type=page_type
        )
        return types if plain.exists() else types.exclude(pk=page_type.pk)


def _under(prefixes, via=""):
    """Pages (or, via "pages__", page types) under these tree paths."""
    clause = Q()
    for prefix in prefixes:
        clause |= Q(**{f"{via}path__startswith": prefix})
    return clause


def _annotate_usage(queryset, prefixes, language_code, site_root_path):
    """As Wagtail annotates the page types, counting only these trees."""
    pages, counted = _under(prefixes), _under(prefixes, via="pages__")
    if language_code:
        pages &= Q(locale__language_code=language_code)
        counted &= Q(pages__locale__language_code=language_code)
    if site_root_path:
        pages &= Q(path__startswith=site_root_path)
        counted &= Q(pages__path__startswith=site_root_path)
    latest = Page.objects.filter(pages, content_type=OuterRef("pk")).order_by(
        F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
    )
    return queryset.annotate(
        count=Count("pages", filter=counted),
        last_edited_page_id=Subquery(latest.values("pk")[:1]),
    )


class CouncilTranslationsReportView(TranslationsReportView):
    """wagtail-localize's report lists every translation of the installation."""

    filterset_class = CouncilTranslationsReportFilterSet

    def get_queryset(self):
        return known_translations(super().get_queryset(), self.request.user)
