"""The admin's door policy: what a council's staff may open, and whose.

Wagtail and its add-ons check their own permissions view by view, and not
every view asks whose object it is (wagtail-localize asks only for the
global "submit translation" right, bulk-action confirmations list any id
they are given). So, for everyone but the platform administrator, every
admin request passes here first:

1. The view must be on the list of views council staff use
   (ALLOWED_URL_NAMES). Anything else, including a view an add-on adds in a
   later version, answers 404 until someone decides it is safe.
2. Every object the URL names — path parameters and the id-like query and
   form parameters — must be the user's own council's (cms.tenancy). A
   parameter that looks like an id but whose model is unknown also answers
   404: a new view cannot slip past by naming its parameter differently.

An object of another council answers 404 exactly like a missing one, so the
answer does not confirm that it exists.
"""

import logging

from django.apps import apps
from django.core.exceptions import ValidationError
from django.http import Http404
from wagtail.admin.models import EditingSession
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    Page,
    Revision,
    Site,
    Task,
    TaskState,
    UploadedFile,
    Workflow,
    WorkflowState,
)
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    Translation,
    TranslationSource,
)

from cms.tenancy import user_may_know

logger = logging.getLogger(__name__)

# Where cms.urls mounts Wagtail's admin.
ADMIN_PATH = "/admin/"

# The admin views council staff work in. Views that take ids are checked
# parameter by parameter below; views that list things are scoped by their
# own querysets (permission policies, chooser and explorer hooks, the
# council-scoped report views in cms.admin_views).
ALLOWED_URL_NAMES = frozenset(
    {
        # Dashboard, account, the admin's own plumbing.
        "wagtailadmin_home",
        "wagtailadmin_account",
        "wagtailadmin_logout",
        "wagtailadmin_login",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "wagtailadmin_dismissibles",
        "wagtailadmin_block_preview",
        "wagtailadmin_editing_sessions:ping",
        "wagtailadmin_editing_sessions:release",
        # Pages.
        "wagtailadmin_explore_root",
        "wagtailadmin_explore",
        "wagtailadmin_explore_results",
        "wagtailadmin_pages:add",
        "wagtailadmin_pages:preview_on_add",
        "wagtailadmin_pages:add_subpage",
        "wagtailadmin_pages:choose_parent",
        "wagtailadmin_pages:edit",
        "wagtailadmin_pages:preview_on_edit",
        "wagtailadmin_pages:view_draft",
        "wagtailadmin_pages:delete",
        "wagtailadmin_pages:unpublish",
        "wagtailadmin_pages:search",
        "wagtailadmin_pages:search_results",
        "wagtailadmin_pages:move",
        "wagtailadmin_pages:move_confirm",
        "wagtailadmin_pages:set_page_position",
        "wagtailadmin_pages:copy",
        "wagtailadmin_pages:usage",
        "wagtailadmin_pages:workflow_action",
        "wagtailadmin_pages:collect_workflow_action_data",
        "wagtailadmin_pages:confirm_workflow_cancellation",
        "wagtailadmin_pages:workflow_preview",
        "wagtailadmin_pages:set_privacy",
        "wagtailadmin_pages:lock",
        "wagtailadmin_pages:unlock",
        "wagtailadmin_pages:revisions_index",
        "wagtailadmin_pages:revisions_view",
        "wagtailadmin_pages:revisions_revert",
        "wagtailadmin_pages:revisions_unschedule",
        "wagtailadmin_pages:revisions_compare",
        "wagtailadmin_pages:workflow_history",
        "wagtailadmin_pages:workflow_history_detail",
        "wagtailadmin_pages:history",
        "wagtailadmin_pages:history_results",
        "wagtail_bulk_action",
        # The page explorer menu reads pages through the admin API.
        "wagtailadmin_api:pages:listing",
        "wagtailadmin_api:pages:detail",
        "wagtailadmin_api:pages:find",
        # Choosers.
        "wagtailadmin_choose_page",
        "wagtailadmin_choose_page_child",
        "wagtailadmin_choose_page_search",
        "wagtailadmin_choose_page_chosen_multiple",
        "wagtailadmin_choose_page_external_link",
        "wagtailadmin_choose_page_email_link",
        "wagtailadmin_choose_page_phone_link",
        "wagtailadmin_choose_page_anchor_link",
        "wagtaildocs_chooser:choose",
        "wagtaildocs_chooser:choose_results",
        "wagtaildocs_chooser:chosen",
        "wagtaildocs_chooser:chosen_multiple",
        "wagtaildocs_chooser:create",
        "wagtailimages_chooser:choose",
        "wagtailimages_chooser:choose_results",
        "wagtailimages_chooser:chosen",
        "wagtailimages_chooser:chosen_multiple",
        "wagtailimages_chooser:create",
        "wagtailimages_chooser:select_format",
        "wagtailembeds:chooser",
        "wagtailembeds:chooser_upload",
        # Documents and images (listings scoped by collection permissions).
        "wagtaildocs:index",
        "wagtaildocs:index_results",
        "wagtaildocs:add",
        "wagtaildocs:edit",
        "wagtaildocs:delete",
        "wagtaildocs:add_multiple",
        "wagtaildocs:edit_multiple",
        "wagtaildocs:create_multiple_from_uploaded_document",
        "wagtaildocs:delete_multiple",
        "wagtaildocs:delete_upload_multiple",
        "wagtaildocs:document_usage",
        "wagtailimages:index",
        "wagtailimages:index_results",
        "wagtailimages:add",
        "wagtailimages:edit",
        "wagtailimages:delete",
        "wagtailimages:preview",
        "wagtailimages:image_usage",
        "wagtailimages:add_multiple",
        "wagtailimages:edit_multiple",
        "wagtailimages:create_multiple_from_uploaded_image",
        "wagtailimages:delete_multiple",
        "wagtailimages:delete_upload_multiple",
        # Snippets: the list of snippet types; hearings are scoped by their
        # own permission policy, themes are a shared vocabulary.
        "wagtailsnippets:index",
        "wagtailsnippetchoosers_hearings_theme:choose",
        "wagtailsnippetchoosers_hearings_theme:choose_results",
        "wagtailsnippetchoosers_hearings_theme:chosen",
        "wagtailsnippetchoosers_hearings_theme:chosen_multiple",
        # The council's settings (the site id is checked).
        "wagtailsettings:edit",
        # Translations: made in wagtail-localize's editor, sent to the chairs.
        "wagtail_localize:javascript_catalog",
        "wagtail_localize:submit_page_translation",
        "wagtail_localize:update_translations",
        "wagtail_localize:edit_string_translation",
        "wagtail_localize:edit_override",
        "wagtail_localize:download_pofile",
        "wagtail_localize:upload_pofile",
        "wagtail_localize:preview_translation",
        "wagtail_localize:stop_translation",
    }
)

# Views of the project's own apps, added by each app (allow_staff_urls).
_allowed_own_names = set()
_allowed_own_namespaces = set()

# Path parameters that name an object, by parameter name.
PARAMETER_MODELS = {
    "page_id": Page,
    "parent_page_id": Page,
    "page_to_move_id": Page,
    "destination_id": Page,
    "page_pk": Page,
    "revision_id": Revision,
    "revision_id_a": Revision,
    "revision_id_b": Revision,
    "overwrite_revision_id": Revision,
    "loaded_revision_id": Revision,
    "task_state_id": TaskState,
    "workflow_state_id": WorkflowState,
    "task_id": Task,
    "workflow_pk": Workflow,
    "translation_id": Translation,
    "translation_source_id": TranslationSource,
    "string_segment_id": StringSegment,
    "overridable_segment_id": OverridableSegment,
    "document_id": get_document_model(),
    "doc_id": get_document_model(),
    "image_id": get_image_model(),
    "collection_id": Collection,
    "collection": Collection,
    "uploaded_file_id": UploadedFile,
    "session_id": EditingSession,
    "redirect_id": Redirect,
    "child_of": Page,
    "descendant_of": Page,
}
# Parameters that name something other than a row: a type, an action, a
# mode. Listed so that everything else that looks like an id is checked.
NON_OBJECT_PARAMETERS = frozenset(
    {
        "action",
        "action_name",
        "app_label",
        "app_name",
        "model_name",
        "content_type_app_name",
        "content_type_model_name",
        "filter_spec",
        "mode",
        "uidb64",
        "token",
    }
)
# Query and form parameters that carry ids (the rest are text, ordering...).
QUERY_ID_PARAMETERS = (
    "id",
    "parent_page_id",
    "revision_id",
    "overwrite_revision_id",
    "loaded_revision_id",
    "collection_id",
    "child_of",
    "descendant_of",
)
# Views whose "pk" is not an instance of the view's model.
PK_MODELS = {
    "wagtailsettings:edit": Site,
    "wagtailsettings:preview_on_edit": Site,
    "wagtailadmin_pages:revisions_compare": Page,
    "wagtailadmin_choose_page_chosen_multiple": Page,
    "wagtaildocs_chooser:chosen": get_document_model(),
    "wagtaildocs_chooser:chosen_multiple": get_document_model(),
}
_extra_parameter_models = {}


def allow_staff_urls(*, names=(), namespaces=()):
    """Feature apps open their own admin views (whose querysets they scope
    to the council themselves) to council staff."""
    _allowed_own_names.update(names)
    _allowed_own_namespaces.update(namespaces)


def register_parameter_model(url_name, parameter, model):
    """Feature apps name the model of a parameter of one of their views;
    "<namespace>:*" stands for every view of a viewset."""
    _extra_parameter_models[(url_name, parameter)] = model


def url_name_allowed(url_name):
    if url_name is None:
        return False
    if url_name in ALLOWED_URL_NAMES or url_name in _allowed_own_names:
        return True
    return url_name.split(":", 1)[0] in _allowed_own_namespaces


def _view_model(match):
    """The model a generic view (viewset, chooser, API endpoint) works on."""
    func = match.func
    model = getattr(func, "view_initkwargs", {}).get("model")
    for holder in (getattr(func, "view_class", None), getattr(func, "cls", None)):
        model = model or getattr(holder, "model", None)
    # A view class may compute its model per request (a property): unknown.
    return model if isinstance(model, type) else None


def _named_model(kwargs):
    """The model named by app_label/model_name-style path parameters."""
    app = kwargs.get("app_label") or kwargs.get("app_name")
    name = kwargs.get("model_name")
    if not (app and name):
        return None
    try:
        return apps.get_model(app, name)
    except (LookupError, ValueError):
        return None


def parameter_model(match, parameter):
    """The model whose id this parameter carries, or None if unknown."""
    namespace = match.view_name.split(":", 1)[0]
    extra = _extra_parameter_models.get(
        (match.view_name, parameter)
    ) or _extra_parameter_models.get((f"{namespace}:*", parameter))
    if extra is not None:
        return extra
    if parameter in ("pk", "object_id", "id"):
        return (
            PK_MODELS.get(match.view_name)
            or _named_model(match.kwargs)
            or _view_model(match)
        )
    return PARAMETER_MODELS.get(parameter)


def _may_know_id(user, model, value):
    """False if the id names an object of another council (or of nobody's)."""
    if not str(value).isdigit():
        return True  # "live", "latest": the view resolves it on its page
    try:
        obj = model._default_manager.filter(pk=value).first()
    except (ValueError, ValidationError):
        return True
    # A missing object is the view's own 404 to give.
    return obj is None or user_may_know(user, obj)


def _request_ids(request):
    for params in (request.GET, request.POST):
        for name in QUERY_ID_PARAMETERS:
            for value in params.getlist(name):
                yield name, value


def refusal(request, match):
    """Why this request may not be served to this user, or None."""
    if not url_name_allowed(match.view_name):
        return "view not open to council staff"
    for name, value in match.kwargs.items():
        if name in NON_OBJECT_PARAMETERS:
            continue
        model = parameter_model(match, name)
        if model is None:
            return f"parameter {name} names an unknown kind of object"
        if not _may_know_id(request.user, model, value):
            return f"{name}={value} is not the user's council's"
    for name, value in _request_ids(request):
        model = parameter_model(match, name)
        if model is None:
            return f"query parameter {name} names an unknown kind of object"
        if not _may_know_id(request.user, model, value):
            return f"{name}={value} is not the user's council's"
    return None


def _is_admin_path(path):
    return path.startswith(ADMIN_PATH)


class AdminCouncilScopeMiddleware:
    """Apply the door policy above to every admin request of council staff."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_superuser:
            return None
        match = request.resolver_match
        if match is None or not _is_admin_path(request.path_info):
            return None
        reason = refusal(request, match)
        if reason is not None:
            logger.warning(
                "Admin request refused for %s: %s %s (%s)",
                user.get_username(),
                request.method,
                request.path,
                reason,
            )
            raise Http404
        return None
