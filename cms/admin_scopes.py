"""What council staff may know of, as querysets: the rows of the admin's
listings and the choices of their filters.

cms.tenancy answers "may this user know of this object?" one object at a
time. A report or a filter's list of users needs the same answer for many
rows at once, in SQL where it can: these functions narrow a queryset to
the rows owned by the user's own councils (or shared by all of them), and
fall back to asking cms.tenancy row by row for a kind of object they have
no query for, so an unknown kind is closed, never open. Superusers are
never narrowed.
"""

from functools import reduce
from operator import or_

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldError
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.models import (
    Collection,
    Page,
    PageLogEntry,
    Site,
    Task,
    Workflow,
    WorkflowTask,
)
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.models import CouncilSettings
from cms.tenancy import (
    council_tree_paths,
    pages_of_councils,
    user_council_ids,
    user_may_know,
)


def council_path_prefixes(site_ids):
    """The tree paths under which these councils' pages lie."""
    return [p for p, site_id in council_tree_paths().items() if site_id in site_ids]


def _any_of(clauses):
    return reduce(or_, clauses) if clauses else None


# One query per kind of object ---------------------------------------------


def _users(queryset, site_ids):
    members = get_user_model().objects.filter(
        groups__council_group__site_id__in=site_ids
    )
    return queryset.filter(pk__in=members.values("pk"))


def _groups(queryset, site_ids):
    return queryset.filter(council_group__site_id__in=site_ids)


def _sites(queryset, site_ids):
    return queryset.filter(pk__in=site_ids)


def _collections(queryset, site_ids):
    roots = Collection.objects.filter(
        pk__in=CouncilSettings.objects.filter(site_id__in=site_ids).values(
            "collection_id"
        )
    )
    clause = _any_of([Q(path__startswith=c.path) for c in roots.only("path")])
    return queryset.filter(clause) if clause else queryset.none()


def _workflows(queryset, site_ids):
    # The link lives in the workflows app, which builds on this one.
    try:
        return queryset.filter(council_workflow__site_id__in=site_ids)
    except FieldError:
        return None


def _tasks(queryset, site_ids):
    workflows = _workflows(Workflow.objects.all(), site_ids)
    if workflows is None:
        return None
    links = WorkflowTask.objects.filter(workflow__in=workflows)
    return queryset.filter(pk__in=links.values("task_id"))


QUERIES = [
    (Page, pages_of_councils),
    (get_user_model(), _users),
    (Group, _groups),
    (Site, _sites),
    (Collection, _collections),
    (Workflow, _workflows),
    (Task, _tasks),
]
# Kinds of things, not anybody's data: never narrowed.
VOCABULARY = (ContentType,)


def _foreign_key_to(model, target):
    for field in model._meta.fields:
        if field.many_to_one and field.related_model is target:
            return field.name
    return None


def _query_for(model, queryset, site_ids):
    """Narrow by a query when the model's owner is known in SQL, else None."""
    for base, query in QUERIES:
        if issubclass(model, base):
            return query(queryset, site_ids)
    # Hearings, settings, redirects (a council's site); documents, images.
    site_field = _foreign_key_to(model, Site)
    if site_field:
        return queryset.filter(**{f"{site_field}__in": site_ids})
    collection_field = _foreign_key_to(model, Collection)
    if collection_field:
        own = _collections(Collection.objects.all(), site_ids)
        return queryset.filter(**{f"{collection_field}__in": own})
    return None


def known_objects(queryset, user):
    """The rows of queryset that the user may know of."""
    model = queryset.model
    if user.is_superuser or issubclass(model, VOCABULARY):
        return queryset
    narrowed = _query_for(model, queryset, user_council_ids(user))
    if narrowed is not None:
        return narrowed
    # No query for this kind: ask cms.tenancy about each row.
    pks = [obj.pk for obj in queryset if user_may_know(user, obj)]
    return queryset.filter(pk__in=pks)


def known_pages(queryset, user):
    """The pages of queryset in the user's councils' trees (and the root)."""
    return known_objects(queryset, user)


# Rows that name their object by content type and id ------------------------


def known_by_object_key(
    queryset, user, content_type="content_type", object_id="object_id"
):
    """Rows (log entries, workflow states) whose object the user may know of."""
    if user.is_superuser:
        return queryset
    type_ids = queryset.order_by().values_list(content_type, flat=True).distinct()
    clauses = []
    for type_id in type_ids:
        model = type_id and ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        known = known_objects(model._default_manager.all(), user)
        ids = known.values_list(Cast("pk", output_field=CharField()), flat=True)
        clauses.append(Q(**{content_type: type_id, f"{object_id}__in": ids}))
    clause = _any_of(clauses)
    return queryset.filter(clause) if clause else queryset.none()


def known_log_entries(queryset, user):
    """Log entries (of any log model) about things the user may know of."""
    if user.is_superuser:
        return queryset
    if issubclass(queryset.model, PageLogEntry):
        pages = known_pages(Page.objects.all(), user)
        return queryset.filter(page_id__in=pages.values("pk"))
    return known_by_object_key(queryset, user)


def known_translations(queryset, user):
    """wagtail-localize translations whose source the user may know of."""
    if user.is_superuser:
        return queryset
    type_ids = queryset.order_by().values_list(
        "source__specific_content_type", flat=True
    )
    clauses = []
    for type_id in set(type_ids):
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        keys = known_objects(model._default_manager.all(), user)
        clauses.append(
            Q(
                source__specific_content_type=type_id,
                source__object_id__in=keys.values("translation_key"),
            )
        )
    clause = _any_of(clauses)
    return queryset.filter(clause) if clause else queryset.none()


class CouncilPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permission policy, narrowed to the user's councils.

    Council groups hold rights on their own tree only (cms.checks makes
    sure), so this changes nothing while that holds; it keeps the admin's
    listings to the user's councils even when it does not.
    """

    def instances_user_has_any_permission_for(self, user, actions):
        pages = super().instances_user_has_any_permission_for(user, actions)
        return known_pages(pages, user)

    def explorable_instances(self, user):
        return known_pages(super().explorable_instances(user), user)
