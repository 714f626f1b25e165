"""Which council an object belongs to, and whether a user may know of it.

Every council-owned row of the installation (pages, revisions, workflow and
task states, translations, documents, images, hearings, users, groups,
settings) answers one question here: which councils own it. The admin's
URL guard, the choosers, the reference checks on save and the document
serving all ask this module, so a new model needs one owner function, not a
patch in every view that shows it.

An owner is a frozenset of council site ids. Two special answers:
SHARED (the tree root, locales, the theme vocabulary: every council may see
it) and PLATFORM (an empty set: belongs to no council, so only the platform
administrator may see it).
"""

from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.signals import request_finished, request_started
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.admin.models import EditingSession
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    Comment,
    Locale,
    Page,
    PageLogEntry,
    Revision,
    Site,
    Task,
    TaskState,
    UploadedFile,
    Workflow,
    WorkflowState,
)
from wagtail.signals import post_page_move
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    Translation,
    TranslationSource,
)

SHARED = frozenset({"*"})
PLATFORM = frozenset()

_OWNERS = {}


def register_owner(model):
    """Decorator: fn(obj) -> owner, for instances of model (and subclasses)."""

    def register(fn):
        _OWNERS[model] = fn
        return fn

    return register


def object_owner(obj):
    """The councils that own obj (see the module docstring). Unknown kinds
    of object belong to the platform: a new model is closed until it says
    whose it is."""
    if obj is None:
        return PLATFORM
    for cls in type(obj).__mro__:
        fn = _OWNERS.get(cls)
        if fn is not None:
            return fn(obj)
    return PLATFORM


def user_council_ids(user):
    """The ids of the council sites whose staff (any role) the user is."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_council_ids", None)
    if cached is None:
        cached = _user_owner(user)
        user._council_ids = cached
    return cached


def user_may_know(user, obj):
    """Whether the user may learn that obj exists: its title, name, file."""
    if user.is_superuser:
        return True
    owner = object_owner(obj)
    return owner == SHARED or bool(owner & user_council_ids(user))


def owner_of_many(objs):
    """The union of the owners of several objects (SHARED ones left out)."""
    owners = frozenset()
    for obj in objs:
        owner = object_owner(obj)
        if owner != SHARED:
            owners |= owner
    return owners


# Pages ---------------------------------------------------------------------


# The councils' tree paths, read once per request: a chair's approval asks
# who owns a page, a revision, a task state and a workflow state half a
# dozen times. None outside a request (commands, the task worker: read each
# time); a dict, filled on first use, while one is served.
_tree_paths_memo = ContextVar("council_tree_paths", default=None)


def council_tree_paths():
    """{tree path prefix: site id}: the part of the page tree each council
    owns. A council's home pages (one per language) sit under its
    CouncilRootPage, so that page's path covers all of them. Read once per
    request (until a site changes or a page moves)."""
    memo = _tree_paths_memo.get()
    if memo is None:
        return _tree_paths_read()
    if "paths" not in memo:
        memo["paths"] = _tree_paths_read()
    return memo["paths"]


@receiver(request_started, dispatch_uid="tenancy_tree_paths_request_started")
def _tree_paths_memo_start(**kwargs):
    _tree_paths_memo.set({})


@receiver(request_finished, dispatch_uid="tenancy_tree_paths_request_finished")
def _tree_paths_memo_end(**kwargs):
    _tree_paths_memo.set(None)


@receiver(post_save, sender=Site, dispatch_uid="tenancy_tree_paths_site_saved")
@receiver(post_delete, sender=Site, dispatch_uid="tenancy_tree_paths_site_deleted")
@receiver(post_page_move, dispatch_uid="tenancy_tree_paths_page_moved")
@receiver(post_delete, sender=Page, dispatch_uid="tenancy_tree_paths_page_deleted")
def _tree_paths_forget(**kwargs):
    """A council created, re-rooted or removed, or a page moved, during the
    request: ownership is asked of the tree as it is now."""
    memo = _tree_paths_memo.get()
    if memo is not None:
        memo.pop("paths", None)


def _tree_paths_read():
    paths = {}
    sites = Site.objects.select_related("root_page").only(
        "pk", "root_page__path", "root_page__depth"
    )
    for site in sites:
        root = site.root_page
        prefix = root.path[: Page.steplen * 2] if root.depth > 2 else root.path
        paths[prefix] = site.pk
    return paths


def page_owner_by_path(path, tree_paths=None):
    if len(path) <= Page.steplen:
        return SHARED  # the tree root: everybody's starting point
    tree_paths = council_tree_paths() if tree_paths is None else tree_paths
    for prefix, site_id in tree_paths.items():
        if path.startswith(prefix):
            return frozenset({site_id})
    return PLATFORM


@register_owner(Page)
def _page_owner(page):
    return page_owner_by_path(page.path)


def pages_of_councils(queryset, site_ids):
    """Narrow a page queryset to the trees of these councils (and the root)."""
    query = Q(depth=1)
    for prefix, site_id in council_tree_paths().items():
        if site_id in site_ids:
            query |= Q(path__startswith=prefix)
    return queryset.filter(query)


# Content that hangs on a page or another object ------------------------------


def _content_owner(content_type_id, object_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return PLATFORM
    if issubclass(model, Page):
        page = Page.objects.filter(pk=object_id).only("path").first()
        return page_owner_by_path(page.path) if page else PLATFORM
    obj = model._default_manager.filter(pk=object_id).first()
    return object_owner(obj)


@register_owner(Revision)
def _revision_owner(revision):
    return _content_owner(revision.base_content_type_id, revision.object_id)


@register_owner(WorkflowState)
def _workflow_state_owner(state):
    return _content_owner(state.base_content_type_id, state.object_id)


@register_owner(TaskState)
def _task_state_owner(state):
    return _workflow_state_owner(state.workflow_state)


@register_owner(PageLogEntry)
def _page_log_owner(entry):
    page = Page.objects.filter(pk=entry.page_id).only("path").first()
    return page_owner_by_path(page.path) if page else PLATFORM


@register_owner(Workflow)
def _workflow_owner(workflow):
    # The link lives in the workflows app, which builds on this one; reverse
    # relation names are all this module may know of it.
    link = getattr(workflow, "council_workflow", None)
    return frozenset({link.site_id}) if link else PLATFORM


@register_owner(Task)
def _task_owner(task):
    return owner_of_many(
        Workflow.objects.filter(workflow_tasks__task=task).select_related(
            "council_workflow"
        )
    )


@register_owner(Comment)
def _comment_owner(comment):
    return _page_owner(comment.page)


@register_owner(EditingSession)
def _editing_session_owner(session):
    return _content_owner(session.content_type_id, session.object_id)


# Translations ----------------------------------------------------------------


@register_owner(TranslationSource)
def _translation_source_owner(source):
    try:
        return object_owner(source.get_source_instance())
    except source.specific_content_type.model_class().DoesNotExist:
        return PLATFORM


@register_owner(Translation)
def _translation_owner(translation):
    return _translation_source_owner(translation.source)


@register_owner(StringSegment)
@register_owner(OverridableSegment)
def _segment_owner(segment):
    return _translation_source_owner(segment.source)


# Files ---------------------------------------------------------------------


@register_owner(Collection)
def _collection_owner(collection):
    if collection.is_root():
        return PLATFORM
    ids = [collection.pk, *collection.get_ancestors().values_list("pk", flat=True)]
    # Sites, not the council models: those import this module (the settings'
    # form checks references), so their relations are followed from Site.
    return frozenset(
        Site.objects.filter(councilsettings__collection_id__in=ids).values_list(
            "pk", flat=True
        )
    )


def _collection_member_owner(obj):
    return _collection_owner(obj.collection)


# Documents and images belong to the council whose collection holds them.
register_owner(get_document_model())(_collection_member_owner)
register_owner(get_image_model())(_collection_member_owner)


@register_owner(UploadedFile)
def _uploaded_file_owner(upload):
    """A half-finished multiple upload is its uploader's council's."""
    if upload.uploaded_by_user is None:
        return PLATFORM
    return _user_owner(upload.uploaded_by_user)


# People and councils --------------------------------------------------------


@register_owner(get_user_model())
def _user_owner(user):
    return frozenset(
        Site.objects.filter(council_groups__group__user=user).values_list(
            "pk", flat=True
        )
    )


@register_owner(Group)
def _group_owner(group):
    sites = frozenset(
        Site.objects.filter(council_groups__group=group).values_list("pk", flat=True)
    )
    return sites or PLATFORM


@register_owner(Site)
def _site_owner(site):
    return frozenset({site.pk})


@register_owner(Locale)
def _locale_owner(locale):
    return SHARED
