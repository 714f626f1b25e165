"""The one choke point for going live: a council's page becomes live only
when the council's chairs approve it.

Wagtail has many doors to "live": the editor's publish button, bulk
publishing, copies that stay live, aliases, reverting, the admin API,
scheduled publishing, wagtail-localize's publish options and any code that
calls revision.publish() or page.save(). They all end in saving the page's
row, so the rule is enforced there, in a pre_save receiver for every page
model. A save that makes a page live, gives it another live revision or
changes what a live page shows is refused (PublishRefused, logged) unless:

- the approval's finish action publishes the revision the chairs approved
  (approved_publish, used by workflows.services.workflow_state_publish);
- publish_scheduled publishes a revision whose go-live the chairs approved,
  or that a platform administrator scheduled (scheduled_publish);
- the page is an alias showing exactly its source's approved live version;
- a platform administrator is acting (acting_user, set for each request by
  workflows.middleware, or by hand in a shell);
- the platform lays out a council's skeleton or demo content (bootstrap).

QuerySet.update(), bulk_update() and raw SQL send no pre_save, and raw saves
(loaddata, a test database restored) copy rows back as they were stored:
none of them is guarded, and nothing in the project makes pages live so.

Admin requests that ask to publish another way are refused before they run
(workflows.middleware), with the same messages from refusal() below.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import checks
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField
from wagtail.models import Page, PageLogEntry, TaskState, get_page_models

from cms.tenancy import SHARED, page_owner_by_path
from workflows.models import ChairApprovalTask

logger = logging.getLogger(__name__)

# Why a page may not go live, as the refused person reads it.
REFUSALS = {
    "publish": _(
        "A page is published only when the council's chairs approve it. "
        "Send it to the chairs for approval instead."
    ),
    "translation": _(
        "A translation is published only when the council's chairs approve "
        "it. Use “Send translation for approval” in the page's menu instead."
    ),
    "copy": _(
        "A copy or an alias cannot go live by itself. Copy the page as a "
        "draft and send the copy to the chairs for approval."
    ),
    "alias": _(
        "An alias may only show what the chairs have approved on its original page."
    ),
    "schedule": _(
        "This version was scheduled to go live without the chairs' approval, "
        "so it has not been published."
    ),
}

# Fields every page has that a visitor sees; the rest of Page's fields are
# bookkeeping (tree position, revisions, locks, publishing dates).
PAGE_CONTENT_FIELDS = (
    "title",
    "slug",
    "seo_title",
    "search_description",
    "show_in_menus",
    "go_live_at",
    "expire_at",
)
MAX_ALIAS_CHAIN = 20


class PublishRefused(Exception):
    """A page was asked to go live some other way than by the chairs'
    approval; the message tells the person what to do instead.

    Deliberately not a PermissionDenied: Wagtail's admin views turn every
    PermissionDenied into their own "no permission" message and a normal
    response, which would commit whatever the request did before the
    refusal. This one reaches workflows.middleware, after the request's
    transaction has been rolled back.
    """

    def __init__(self, message, *, kind="publish"):
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class _Grant:
    """Leave to make one revision of one page live, and on whose word."""

    kind: str  # "approval" or "schedule"
    object_id: str  # the page's pk, as revisions keep it
    revision_id: int

    def covers(self, page, revision_id):
        return (self.object_id, self.revision_id) == (str(page.pk), revision_id)


_acting_user = ContextVar("publish_guard_acting_user", default=None)
_grant = ContextVar("publish_guard_grant", default=None)
_bootstrap = ContextVar("publish_guard_bootstrap", default=None)


@contextmanager
def _holding(variable, value):
    token = variable.set(value)
    try:
        yield
    finally:
        variable.reset(token)


def acting_user(user):
    """Who is acting for the code inside: a superuser may publish directly."""
    return _holding(_acting_user, user)


def approved_publish(*, revision):
    """The approval's finish action publishes this revision (checked again)."""
    return _holding(_grant, _Grant("approval", revision.object_id, revision.pk))


def scheduled_publish(*, revision):
    """publish_scheduled publishes this revision (checked again)."""
    return _holding(_grant, _Grant("schedule", revision.object_id, revision.pk))


def bootstrap(*, reason):
    """The platform itself lays out pages (a council's skeleton, the demo)."""
    return _holding(_bootstrap, reason)


def refusal(kind, *, page=None, detail=""):
    """The refusal of this kind, logged: every no of the guard is made here."""
    logger.warning(
        "Going live refused (%s): page %s %r, user %s%s",
        kind,
        getattr(page, "pk", None),
        getattr(page, "title", ""),
        _username(_acting_user.get()),
        f": {detail}" if detail else "",
    )
    return PublishRefused(REFUSALS[kind], kind=kind)


def refuse(kind, *, page=None, detail=""):
    raise refusal(kind, page=page, detail=detail)


def _username(user):
    if user is None or not getattr(user, "is_authenticated", False):
        return "none"
    return user.get_username()


# What changes on a save ------------------------------------------------------


def content_fields(model):
    """The concrete fields of a page model that the public sees."""
    return [
        field
        for field in model._meta.concrete_fields
        if field.name in PAGE_CONTENT_FIELDS
        or (field.model is not Page and not _is_parent_link(field))
    ]


def _is_parent_link(field):
    return bool(field.remote_field and getattr(field.remote_field, "parent_link", 0))


def _comparable(field, page):
    value = field.value_from_object(page)
    if isinstance(field, StreamField):
        return field.get_prep_value(value)
    if isinstance(value, datetime):
        # Revisions keep milliseconds; the database keeps microseconds.
        return value.replace(microsecond=value.microsecond // 1000 * 1000)
    return value


def _content(page, fields):
    return [_comparable(field, page) for field in fields]


def _live_change(page, update_fields):
    """How this save changes what is live, in words for the log, or None."""
    names = None if update_fields is None else set(update_fields)

    def written(field):
        return names is None or field.name in names or field.attname in names

    meta = Page._meta
    old = type(page)._base_manager.filter(pk=page.pk).first() if page.pk else None
    if old is None or not old.live:
        return "goes live" if written(meta.get_field("live")) else None
    live_revision = meta.get_field("live_revision")
    if written(live_revision) and old.live_revision_id != page.live_revision_id:
        return "new live revision"
    fields = [field for field in content_fields(type(page)) if written(field)]
    if _content(old, fields) != _content(page, fields):
        return "live content changed"
    return None


# Who may make it so -------------------------------------------------------------


def _authority(page):
    """Why this page may go live now, in words for the log, or None."""
    reason = _bootstrap.get()
    if reason:
        return f"bootstrap ({reason})"
    user = _acting_user.get()
    if user is not None and getattr(user, "is_superuser", False):
        return f"platform administrator {user.get_username()}"
    grant = _grant.get()
    if grant and grant.covers(page, page.live_revision_id):
        return grant.kind if _grant_holds(grant, page) else None
    if page.alias_of_id and _mirrors_approved_source(page, grant):
        return "alias of approved page"
    return None


def _grant_holds(grant, page):
    if chairs_approved(revision_id=grant.revision_id, page=page):
        return True
    return grant.kind == "schedule" and _scheduled_by_superuser(grant.revision_id)


def chairs_approved(*, revision_id, page):
    """Whether the chairs of the page's own council approved this revision
    of it (a finished ChairApprovalTask of the council's workflow). The
    page's council is the one whose part of the tree holds it (cms.tenancy,
    read once per request)."""
    owner = page_owner_by_path(page.path)
    if len(owner) != 1 or owner == SHARED:
        return False
    return TaskState.objects.filter(
        revision_id=revision_id,
        status=TaskState.STATUS_APPROVED,
        task__in=ChairApprovalTask.objects.values("pk"),
        workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
        workflow_state__object_id=str(page.pk),
        workflow_state__workflow__council_workflow__site_id__in=owner,
    ).exists()


def _scheduled_by_superuser(revision_id):
    return PageLogEntry.objects.filter(
        revision_id=revision_id,
        action="wagtail.publish.schedule",
        user__is_superuser=True,
    ).exists()


def _alias_source(page):
    """The ordinary page at the end of the page's chain of aliases."""
    source_id = page.alias_of_id
    for _step in range(MAX_ALIAS_CHAIN):
        source = Page.objects.filter(pk=source_id).first()
        if source is None or not source.alias_of_id:
            return source
        source_id = source.alias_of_id
    return None


def _mirrors_approved_source(alias, grant):
    """Whether the alias shows exactly what its source's live revision shows,
    and that revision went live by the chairs' approval."""
    source = _alias_source(alias)
    if source is None or not source.live or source.live_revision_id is None:
        return False
    revision_id = source.live_revision_id
    covered = grant and grant.covers(source, revision_id)
    if not (covered and _grant_holds(grant, source)) and not chairs_approved(
        revision_id=revision_id, page=source
    ):
        return False
    fields = [f for f in content_fields(type(alias)) if f.name != "slug"]
    shown = source.live_revision.as_object()
    return _content(alias, fields) == _content(shown, fields)


# The receiver ---------------------------------------------------------------------


def _kind_for(page):
    grant = _grant.get()
    if grant and grant.kind == "schedule" and grant.object_id == str(page.pk):
        return "schedule"
    if page.alias_of_id:
        return "alias"
    if page.locale_id and page.locale_id != _default_locale_id():
        return "translation"
    return "publish"


def _default_locale_id():
    from wagtail.models import Locale

    return Locale.get_default().pk


def guard_page_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save of every page model: refuse going live without authority."""
    if raw or not instance.live:
        return
    change = _live_change(instance, update_fields)
    if change is None:
        return
    authority = _authority(instance)
    if authority is None:
        refuse(_kind_for(instance), page=instance, detail=change)
    if authority.startswith("platform"):
        log = logger.warning  # the chairs were passed by: say so
    elif authority.startswith("bootstrap"):
        log = logger.debug
    else:
        log = logger.info
    log("Page %s %s: %s", instance.pk or "(new)", change, authority)


def connect():
    """Guard every page model; called from WorkflowsConfig.ready()."""
    for model in get_page_models():
        pre_save.connect(
            guard_page_save,
            sender=model,
            dispatch_uid=f"publish_guard_{model.__name__}",
        )
    checks.register(check_settings)


MIDDLEWARE_PATH = "workflows.middleware.PublishGuardMiddleware"


def check_settings(app_configs=None, **kwargs):
    """The settings the guard relies on (system checks, for developers)."""
    errors = []
    if getattr(settings, "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE", True):
        errors.append(
            checks.Error(
                "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE must be False: "
                "otherwise translating a live page publishes the translation.",
                id="workflows.E001",
            )
        )
    if MIDDLEWARE_PATH not in settings.MIDDLEWARE:
        errors.append(
            checks.Error(
                f"{MIDDLEWARE_PATH} must be in MIDDLEWARE.", id="workflows.E002"
            )
        )
    if not settings.DATABASES["default"].get("ATOMIC_REQUESTS"):
        errors.append(
            checks.Error(
                "DATABASES['default']['ATOMIC_REQUESTS'] must be True: a refused "
                "publish must roll back the rest of the request.",
                id="workflows.E003",
            )
        )
    return errors
