"""The proof of "no council sees another's": every admin URL, swept.

Every URL pattern under /admin/ that the resolver knows — Wagtail's,
wagtail-localize's and the project's, including any added later — is
filled with the ids of council B's objects (a draft, a live page with
unpublished changes, a page in review, their revisions, the task and
workflow state, the translation and its source and segments, a document,
an image, a hearing and its history, a user, a group...). Each is requested
with GET and POST as council A's secretary, chair and member, and as an
anonymous visitor. Nothing of B's may show in any answer, no answer may be
a success that names B's objects, and none of B's rows may change.

A parameter the sweep cannot fill fails the test: a new view cannot slip
past unswept.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupPagePermission,
    Locale,
    Page,
    PageLogEntry,
    Revision,
    Site,
    Task,
    TaskState,
    Workflow,
    WorkflowState,
)
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from cms.models import CouncilGroup, CouncilRole, CouncilSettings
from cms.services import council_collection
from hearings.models import CitizenInput, Hearing, HearingResponsePage, Theme
from pages.working_groups.models import WorkingGroup, WorkingGroupText
from tests.cms.conftest import council_world, markers_in
from tests.factories import UserFactory
from workflows.models import PersonalLink

pytestmark = pytest.mark.django_db

# Admin views an anonymous visitor may open (they show nobody's data).
PUBLIC_ADMIN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_javascript_catalog",
    "wagtail_localize:javascript_catalog",
    "wagtailadmin_sprite",
}
# What a POST carries: the fields that would publish, approve, rename or
# delete if a view accepted them.
POST_DATA = {
    "title": "Overtaget",
    "slug": "overtaget",
    "action-publish": "action-publish",
    "publish_translations": "on",
    "comment": "Overtaget",
    "confirm_site_name": "Overtaget",
    "value": "Overtaget",
    "url": "https://example.org/",
    "external-link-chooser-url": "https://example.org/",
}


# Views whose pk the sweep cannot read off the view (no model attribute).
PK_MODELS = {
    "wagtailadmin_workflows:enable": Workflow,
    "wagtailadmin_workflows:edit_task": Task,
    "wagtailadmin_workflows:enable_task": Task,
    "wagtail_localize:submit_snippet_translation": Hearing,
    "wagtail_localize:snippets_api_detail": Hearing,
    "hearings_hearing:history": Hearing,
    "hearings_hearing:history_results": Hearing,
    "hearings_hearing:restore": Hearing,
    "hearings_hearing:respond": Hearing,
    "hearings_hearing:citizen_input": Hearing,
    "hearings_hearing:citizen_input_delete": Hearing,
    "wagtaildocs_chooser:chosen": get_document_model(),
    "hearings_group_drafts:respond": WorkingGroupText,
}


# Shared by every council: nothing of B's to leak (their ids are swept in
# the views that take them, with B's other objects).
SHARED_MODELS = (Theme, Locale)


@dataclass(frozen=True)
class AdminUrl:
    name: str | None
    route: str
    parameters: tuple
    pattern: object


def admin_url_patterns():
    """Every URL pattern under admin/, with its name and parameter names."""
    found = []

    def walk(resolver, prefix, namespace):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                inner = namespace
                if entry.namespace:
                    inner = f"{namespace}:{entry.namespace}" if namespace else ""
                    inner = inner or entry.namespace
                walk(entry, prefix + str(entry.pattern), inner)
            elif isinstance(entry, URLPattern):
                route = prefix + str(entry.pattern)
                if route.startswith("admin/"):
                    name = entry.name and (
                        f"{namespace}:{entry.name}" if namespace else entry.name
                    )
                    found.append(AdminUrl(name, route, _parameters(entry), entry))

    walk(get_resolver(), "", "")
    return found


def _parameters(entry):
    pattern = entry.pattern
    converters = getattr(pattern, "converters", None)
    if converters is not None and not hasattr(pattern, "_regex_dict"):
        return tuple(converters)
    return tuple(pattern.regex.groupindex)


def _view_model(entry):
    func = entry.callback
    model = getattr(func, "view_initkwargs", {}).get("model")
    for holder in (getattr(func, "view_class", None), getattr(func, "cls", None)):
        model = model or getattr(holder, "model", None)
    # A view class may compute its model per request (a property): unknown.
    return model if isinstance(model, type) else None


class Filler:
    """Council B's object, or a fitting literal, for each URL parameter."""

    def __init__(self, world):
        self.world = world
        self.by_model = self._objects_by_model(world)
        self.shared_urls = set()  # views filled with a shared object only
        self.personal_link = _personal_link(world)

    @staticmethod
    def _objects_by_model(world):
        task_state = world.task_state
        return [
            (Site, world.site),
            (CouncilSettings, CouncilSettings.for_site(world.site)),
            (Hearing, world.hearing),
            (Hearing.history.model, world.hearing.history.first()),
            (get_document_model(), world.document),
            (get_image_model(), world.image),
            (Collection, council_collection(world.site)),
            (Group, CouncilGroup.objects.get(site=world.site, role="chairs").group),
            (type(world.staff), world.staff),
            (Workflow, task_state.workflow_state.workflow),
            (Task, task_state.task),
            (TaskState, task_state),
            (WorkflowState, world.workflow_state),
            (Revision, world.draft.latest_revision),
            (Translation, world.translation),
            (TranslationSource, world.translation.source),
            (StringSegment, _first(StringSegment, world)),
            (OverridableSegment, _first(OverridableSegment, world)),
            (Redirect, world.redirect),
            (WorkingGroup, world.working_group),
            (WorkingGroupText, world.working_group_text),
            (Theme, Theme.objects.first()),
            (Locale, Locale.objects.get(language_code="en")),
            (Page, world.draft),
        ]

    def for_model(self, model):
        for cls, obj in self.by_model:
            if model is not None and issubclass(model, cls):
                return obj
        return None

    def value(self, url, parameter, page):
        """The value for one parameter, or None if the sweep cannot fill it."""
        world = self.world
        pages = {"page_id", "parent_page_id", "page_to_move_id", "page_pk"}
        simple = {
            "destination_id": world.site.root_page,
            "revision_id": page.latest_revision,
            "task_state_id": world.task_state,
            "workflow_state_id": world.workflow_state,
            "task_id": world.task_state.task,
            "workflow_pk": world.workflow_state.workflow,
            "translation_id": world.translation,
            "translation_source_id": world.translation.source,
            "string_segment_id": _first(StringSegment, world),
            "overridable_segment_id": _first(OverridableSegment, world),
            "document_id": world.document,
            "doc_id": world.document,
            "image_id": world.image,
            "collection_id": council_collection(world.site),
            "uploaded_file_id": world.upload,
            "session_id": world.editing_session,
            "redirect_id": world.redirect,
            "link_id": self.personal_link,
            "history_id": world.hearing.history.first(),
            "input_id": world.hearing.citizen_inputs.first(),
        }
        if parameter in pages:
            return page.pk
        if parameter in simple:
            obj = simple[parameter]
            return getattr(obj, "history_id", None) or obj.pk
        return self._literal(url, parameter, page)

    def _literal(self, url, parameter, page):
        literals = {
            "revision_id_a": str(page.live_revision_id or "earliest"),
            "revision_id_b": str(page.latest_revision_id),
            "filter_spec": "fill-10x10",
            "mode": "default",
            "uidb64": "MQ",
            "token": "abc-123",
            "action_name": "approve" if "workflow" in url.route else "publish",
            "content_type_app_name": "pages",
            "content_type_model_name": "contentpage",
            "app_name": "cms",
            "model_name": "councilsettings",
            "app_label": "cms",
        }
        if url.name and url.name.startswith("wagtail_localize:s"):
            literals.update(app_label="hearings", model_name="hearing")
        if url.name and "tag_model_autocomplete" in url.name:
            literals.update(app_name="wagtaildocs", model_name="document")
        if url.name == "wagtailadmin_pages:choose_parent":
            literals.update(app_label="pages", model_name="contentpage")
        if url.name == "wagtailadmin_workflows:add_task":
            literals.update(app_label="workflows", model_name="chairapprovaltask")
        if url.name == "wagtailadmin_editing_sessions:ping":
            literals.update(app_label="wagtailcore", model_name="page")
        if parameter in literals:
            return literals[parameter]
        if parameter in ("pk", "object_id"):
            return self._pk(url, page)
        return None

    def _pk(self, url, page):
        if url.name in ("wagtailsettings:edit", "wagtailsettings:preview_on_edit"):
            return self.world.site.pk
        if url.name in PK_MODELS:
            return self.for_model(PK_MODELS[url.name]).pk
        if url.name in (
            "wagtailadmin_pages:revisions_compare",
            "wagtailadmin_editing_sessions:ping",
        ):
            return page.pk
        obj = self.for_model(_view_model(url.pattern))
        if isinstance(obj, SHARED_MODELS):
            self.shared_urls.add(url.name)
        return obj.pk if obj is not None else None


def _personal_link(world):
    """The council's personal link for one of its members to its page in
    review (workflows.PersonalLink)."""
    member = UserFactory(
        username=f"medlem-{world.site.pk}",
        council_role=(world.site, CouncilRole.MEMBERS),
    )
    return PersonalLink.objects.create(
        site=world.site,
        page=world.in_review,
        member=member,
        delivery=PersonalLink.Delivery.PAPER,
        created_by=world.staff,
        expires_at=timezone.now() + datetime.timedelta(days=14),
    )


def _first(model, world):
    return model.objects.filter(source=world.translation.source).first()


def bulk_action_urls(world, filler):
    """One URL per registered bulk action, with B's object as ?id=."""
    urls = []
    for action_class in hooks.get_hooks("register_bulk_action"):
        for model in action_class.models:
            obj = filler.for_model(model)
            assert obj is not None, f"cannot fill a {model} for bulk actions"
            if model in SHARED_MODELS:
                continue  # the shared vocabulary is nobody's to hide
            path = reverse(
                "wagtail_bulk_action",
                args=[
                    model._meta.app_label,
                    model._meta.model_name,
                    action_class.action_type,
                ],
            )
            urls.append((f"{path}?id={obj.pk}", "wagtail_bulk_action"))
    return urls


def sweep_urls(world):
    """(path, url name) for every admin URL, filled with B's objects; pages
    are tried as a draft, a live page and a page in review."""
    filler = Filler(world)
    urls, unfillable = [], []
    for url in admin_url_patterns():
        if url.name == "wagtail_bulk_action":
            continue
        for page in (world.draft, world.live, world.in_review):
            kwargs = {p: filler.value(url, p, page) for p in url.parameters}
            missing = [p for p, v in kwargs.items() if v is None]
            if missing:
                unfillable.append(f"{url.route} ({url.name}): {missing}")
                break
            urls.append((_build(url, kwargs), url.name))
            if not any(p in url.parameters for p in _PAGE_PARAMETERS):
                break
    urls += bulk_action_urls(world, filler)
    chosen = [world.document, world.image, world.hearing, world.draft]
    for obj in chosen:
        urls.append((_chosen_multiple(obj), "chosen_multiple"))
    urls = [(path, name, name not in filler.shared_urls) for path, name in urls]
    return sorted(set(urls)), unfillable


_PAGE_PARAMETERS = {"page_id", "parent_page_id", "page_to_move_id", "page_pk", "pk"}


def _chosen_multiple(obj):
    names = {
        Hearing: "wagtailsnippetchoosers_hearings_hearing:chosen_multiple",
        get_document_model(): "wagtaildocs_chooser:chosen_multiple",
        get_image_model(): "wagtailimages_chooser:chosen_multiple",
    }
    name = names.get(type(obj), "wagtailadmin_choose_page_chosen_multiple")
    return f"{reverse(name)}?id={obj.pk}"


def _build(url, kwargs):
    if url.name:
        return reverse(url.name, kwargs=kwargs)
    route = url.route
    if route.endswith("^.*/$"):
        return "/admin/not-a-view-of-wagtail/"
    return "/" + route


def council_b_rows(world):
    """Everything of council B's that a request could change, as values."""
    tree = Page.objects.filter(path__startswith=world.site.root_page.path[:8])
    pages = list(
        tree.order_by("pk").values_list(
            "pk",
            "title",
            "draft_title",
            "slug",
            "live",
            "latest_revision_id",
            "live_revision_id",
            "locked",
            "path",
            "has_unpublished_changes",
            "alias_of_id",
            "expired",
        )
    )
    page_ids = [row[0] for row in pages]
    return {
        "pages": pages,
        "revisions": list(
            Revision.page_revisions.filter(object_id__in=[str(i) for i in page_ids])
            .order_by("pk")
            .values_list("pk", "approved_go_live_at")
        ),
        "workflow": list(
            WorkflowState.objects.filter(object_id__in=[str(i) for i in page_ids])
            .order_by("pk")
            .values_list("pk", "status")
        ),
        "tasks": list(TaskState.objects.order_by("pk").values_list("pk", "status")),
        "log": PageLogEntry.objects.filter(page_id__in=page_ids).count(),
        "translations": list(
            Translation.objects.order_by("pk").values_list("pk", "enabled")
        ),
        "strings": StringTranslation.objects.count(),
        "documents": list(
            get_document_model()
            .objects.order_by("pk")
            .values_list("pk", "title", "collection_id")
        ),
        "images": list(
            get_image_model().objects.order_by("pk").values_list("pk", "title")
        ),
        "hearing": list(
            Hearing.objects.filter(council=world.site).values_list(
                "pk", "title", "deadline"
            )
        ),
        "citizen_input": list(
            CitizenInput.objects.filter(hearing__council=world.site).values_list(
                "pk", "text"
            )
        ),
        "staff": list(
            type(world.staff)
            .objects.filter(pk=world.staff.pk)
            .values_list("username", "first_name", "email", "is_active", "password")
        ),
        "groups": list(world.staff.groups.order_by("pk").values_list("pk", "name")),
        "group_rights": GroupPagePermission.objects.count(),
        "settings": list(
            CouncilSettings.objects.filter(site=world.site).values_list(
                "name", "email", "logo_id"
            )
        ),
        "redirects": list(Redirect.objects.values_list("pk", "old_path")),
        "working_groups": list(
            WorkingGroup.objects.filter(council=world.site).values_list(
                "pk", "name", "theme", "active"
            )
        ),
        "working_group_texts": list(
            WorkingGroupText.objects.filter(group__council=world.site).values_list(
                "pk", "title", "text"
            )
        ),
        "responses": HearingResponsePage.objects.count(),
        "personal_links": list(
            PersonalLink.objects.filter(site=world.site).values_list(
                "pk", "revoked_at", "expires_at"
            )
        ),
    }


def sweep(client, urls, *, user=None):
    """Request each URL with GET and POST; return what went wrong. The user
    is logged in again before every request: the logout view (swept too)
    ends the session even when it refuses a GET."""
    problems = []
    for path, name, names_b in urls:
        for method in ("get", "post"):
            if user is not None:
                client.force_login(user)
            if method == "get":
                response = client.get(path)
            else:
                response = client.post(path, POST_DATA)
            problems += _judge(path, name, method, response, user is None, names_b)
    return problems


def _judge(path, name, method, response, anonymous, names_b):
    problems = []
    body = response.content.decode(errors="replace")
    headers = " ".join(f"{k}: {v}" for k, v in response.headers.items())
    found = markers_in(body + headers)
    if found:
        problems.append(
            f"{method.upper()} {path} shows {found} ({response.status_code})"
        )
    status = response.status_code
    public = anonymous and name in PUBLIC_ADMIN_VIEWS
    success = 200 <= status < 300 and not public
    if success and (anonymous or (names_b and _names_an_object(path))):
        problems.append(f"{method.upper()} {path} answered {status}")
    if status == 403:
        problems.append(f"{method.upper()} {path} answered 403, not 404")
    if status >= 500:
        problems.append(f"{method.upper()} {path} answered {status}")
    return problems


def _names_an_object(path):
    """Whether the filled URL carries one of B's ids (every number in it is)."""
    return any(
        part.isdigit() for part in path.replace("?", "/").replace("=", "/").split("/")
    )


@pytest.fixture
def client():
    """A client that reports a server error as a 500 instead of raising it,
    so that one sweep lists every problem."""
    return Client(raise_request_exception=False)


@pytest.fixture
def urls(world_b):
    urls, unfillable = sweep_urls(world_b)
    assert not unfillable, "URL parameters the sweep cannot fill:\n" + "\n".join(
        unfillable
    )
    return urls


@pytest.mark.parametrize("role", ["secretary_a", "chair_a", "member_a"])
def test_no_admin_url_lets_a_council_see_or_change_another(
    request, client, world_b, urls, role
):
    user = request.getfixturevalue(role)
    before = council_b_rows(world_b)

    problems = sweep(client, urls, user=user)

    assert not problems, f"{len(problems)} leaks:\n" + "\n".join(problems[:80])
    assert council_b_rows(world_b) == before


def test_no_admin_url_shows_anything_to_anonymous_visitors(client, world_b, urls):
    before = council_b_rows(world_b)

    problems = sweep(client, urls)

    assert not problems, f"{len(problems)} leaks:\n" + "\n".join(problems[:80])
    assert council_b_rows(world_b) == before


def test_the_sweep_covers_every_admin_url_pattern(world_b, urls):
    """The control: the sweep really reaches every pattern the resolver has."""
    swept = {name for _path, name, _names_b in urls}
    patterns = {url.name for url in admin_url_patterns() if url.name}

    assert patterns <= swept | {"wagtail_bulk_action"}
    assert len(urls) > len(patterns)


# Views the own council's secretary uses every day: the door policy must
# keep them open (the control against a guard that simply closes all).
DAILY_VIEWS = {
    "wagtailadmin_home",
    "wagtailadmin_explore",
    "wagtailadmin_pages:edit",
    "wagtailadmin_pages:history",
    "wagtailadmin_pages:revisions_compare",
    "wagtailadmin_pages:view_draft",
    "wagtailadmin_pages:workflow_history",
    "wagtailadmin_pages:search",
    "wagtailadmin_choose_page_child",
    "wagtailadmin_api:pages:listing",
    "hearings_hearing:edit",
    "hearings_hearing:history",
    "hearings_hearing:citizen_input",
    "hearings_hearing:usage",
    "wagtaildocs:index",
    "wagtaildocs:edit",
    "wagtaildocs_chooser:chosen",
    "wagtailimages:edit",
    "wagtailimages_chooser:choose",
    "wagtail_localize:submit_page_translation",
    "wagtail_localize:update_translations",
    "workflows_translation_submit",
    "working_groups:edit",
    "working_group_texts:edit",
    "hearings_group_drafts:respond",
    "workflows_personal_link_sheet",
}


def test_the_own_council_views_stay_open(client, council_a, secretary_a):
    """The same URLs, filled with council A's own objects, open for A's
    secretary: isolation is not bought by closing the admin."""
    world = council_world(council_a)
    world.staff.groups.clear()  # A's objects, but nobody else of A's
    urls, _unfillable = sweep_urls(world)
    answers = {}
    for path, name, _names_b in urls:
        if name in DAILY_VIEWS:
            client.force_login(secretary_a)
            answers.setdefault(name, client.get(path).status_code)

    assert set(answers) == DAILY_VIEWS
    assert {name: code for name, code in answers.items() if code != 200} == {}
