"""System checks that keep councils apart.

Rights (E001-E005): every page and collection right belongs to one
council. A right on the tree root or the root collection reaches every
council, and a right on another council's tree lets one council's staff
into another's drafts and files. Wagtail's stock groups are such groups
(removed by the migration cms 0004); an administrator can make another in
the admin's group editor.

Listings (E006): the admin URLs that cms.admin_urls opens to council
staff must reach its council-scoped views, not Wagtail's unscoped ones.

`manage.py check` (run in CI, on deploy and by runserver) fails while
either is wrong, naming the group or the URL.
"""

import sys

from django.core.checks import Error, Tags, Warning, register
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.urls import NoReverseMatch, get_resolver, resolve, reverse
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from cms.tenancy import council_tree_paths, object_owner, page_owner_by_path

HINT = (
    "Give rights only to a council's own groups (cms.services.council_create "
    "sets them), on its own pages and collection; remove this one in the "
    "admin under Settings → Groups."
)
NEEDED_TABLES = {
    GroupPagePermission._meta.db_table,
    GroupCollectionPermission._meta.db_table,
}


@register(Tags.security)
def council_rights_check(app_configs=None, databases=None, **kwargs):
    """Errors for rights that reach beyond one council; none before the
    database is migrated (no group can hold rights yet)."""
    errors = []
    for alias in databases or [DEFAULT_DB_ALIAS]:
        try:
            if not set(connections[alias].introspection.table_names()) >= NEEDED_TABLES:
                continue
            errors += page_right_errors(alias) + collection_right_errors(alias)
        except DatabaseError as error:
            errors.append(_unreadable(alias, error))
    return errors


def _unreadable(alias, error):
    return Warning(
        f"Could not check the groups' page and collection rights in the "
        f"database {alias!r}: {error}",
        id="talerror.W001",
    )


def _council_of(group):
    link = getattr(group, "council_group", None)
    return link.site_id if link else None


def page_right_errors(alias=DEFAULT_DB_ALIAS):
    rights = GroupPagePermission.objects.using(alias).select_related(
        "group__council_group", "page"
    )
    tree_paths = council_tree_paths()
    found = {}
    for right in rights:
        kind = _page_right_kind(right, tree_paths)
        if kind:
            found.setdefault((kind, right.group.name), []).append(right.page.title)
    return [_error(kind, group, places) for (kind, group), places in found.items()]


def _page_right_kind(right, tree_paths):
    if right.page.depth == 1:
        return "root_page"
    council = _council_of(right.group)
    if council is None:
        return "no_council"
    if page_owner_by_path(right.page.path, tree_paths) != {council}:
        return "other_page"
    return None


def collection_right_errors(alias=DEFAULT_DB_ALIAS):
    rights = GroupCollectionPermission.objects.using(alias).select_related(
        "group__council_group", "collection"
    )
    owners = {}
    found = {}
    for right in rights:
        kind = _collection_right_kind(right, owners)
        if kind:
            places = found.setdefault((kind, right.group.name), [])
            places.append(right.collection.name)
    return [_error(kind, group, places) for (kind, group), places in found.items()]


def _collection_right_kind(right, owners):
    collection = right.collection
    if collection.is_root():
        return "root_collection"
    council = _council_of(right.group)
    if council is None:
        return "no_council"
    if collection.pk not in owners:
        owners[collection.pk] = object_owner(collection)
    if owners[collection.pk] != {council}:
        return "other_collection"
    return None


ERRORS = {
    "root_page": (
        "talerror.E001",
        "The group {group!r} holds page rights on the root of the page tree, "
        "which reach every council.",
    ),
    "other_page": (
        "talerror.E002",
        "The group {group!r} holds page rights outside its own council's "
        "tree: {places}.",
    ),
    "no_council": (
        "talerror.E003",
        "The group {group!r} belongs to no council but holds page or "
        "collection rights: {places}.",
    ),
    "root_collection": (
        "talerror.E004",
        "The group {group!r} holds rights on the root collection, which "
        "reach every council's documents and images.",
    ),
    "other_collection": (
        "talerror.E005",
        "The group {group!r} holds rights on a collection that is not its "
        "own council's: {places}.",
    ),
}


def _error(kind, group, places):
    error_id, message = ERRORS[kind]
    places = ", ".join(sorted(set(places)))
    return Error(message.format(group=group, places=places), hint=HINT, id=error_id)


# The council-scoped admin listings -----------------------------------------


@register(Tags.urls)
def scoped_admin_urls_check(app_configs=None, **kwargs):
    """cms.admin_urls opens its URL names to council staff; the views those
    names reach must then be its council-scoped ones, not Wagtail's (as
    when it is included after wagtail.admin.urls)."""
    if not get_resolver().url_patterns:  # (this loads every URL module in use)
        return []
    admin_urls = sys.modules.get("cms.admin_urls")
    if admin_urls is None:
        return []  # not in use: the admin guard keeps the reports closed
    return [
        Error(
            f"The admin URL {name!r} is served by {served}, not by the "
            f"council-scoped {view_class.__name__}.",
            hint="Include cms.admin_urls at admin/ instead of wagtail.admin.urls.",
            id="talerror.E006",
        )
        for name, (pattern, view_class) in admin_urls.SCOPED_VIEWS.items()
        if (served := _view_class_at(name, pattern)) is not view_class
    ]


def _view_class_at(name, pattern):
    """The view class that the URL named so resolves to."""
    kwargs = dict.fromkeys(pattern.pattern.converters, 1)
    try:
        match = resolve(reverse(name, kwargs=kwargs))
    except NoReverseMatch:
        return None
    return getattr(match.func, "view_class", match.func)
