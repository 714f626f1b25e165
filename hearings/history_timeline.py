"""The one merged history of a hearing, as the hearing's history page shows it.

A presenter, not a selector: it reads the hearing's versions
(django-simple-history), its documents' versions, and its response's
revisions and log entries, and lays them out as one timeline.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import PageLogEntry, Revision

from hearings.models import (
    Hearing,
    HearingDocument,
    HearingResponsePage,
    PointsUsed,
    Theme,
)


@dataclass
class HistoryChange:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: datetime
    user: object
    source: str  # "hearing", "document", "response"
    title: str
    changes: list[HistoryChange] = field(default_factory=list)
    comment: str = ""
    history_id: int | None = None
    revision_id: int | None = None
    previous_revision_id: int | None = None
    page_id: int | None = None


def hearing_history(*, hearing):
    """Everything that happened to a hearing and its response, oldest first:
    the hearing's versions, its documents, the response's revisions and its
    log (edits, workflow steps with their comments, delivery)."""
    entries = _hearing_entries(hearing) + _document_entries(hearing)
    pages = list(HearingResponsePage.objects.filter(hearing=hearing))
    entries += _page_log_entries(pages) + _unlogged_revision_entries(pages)
    entries.sort(key=lambda entry: entry.when)
    _link_revisions(entries)
    return entries


def _link_revisions(entries):
    """Give each response revision the one before it, for "compare"."""
    last_revision = {}
    for entry in entries:
        if entry.revision_id is None or entry.revision_id == last_revision.get(
            entry.page_id
        ):
            continue
        entry.previous_revision_id = last_revision.get(entry.page_id)
        last_revision[entry.page_id] = entry.revision_id


def _hearing_entries(hearing):
    records = list(
        hearing.history.select_related("history_user").order_by(
            "history_date", "history_id"
        )
    )
    theme_names = dict(Theme.objects.values_list("pk", "name"))
    entries, previous = [], None
    for record in records:
        entries.append(
            HistoryEntry(
                when=record.history_date,
                user=record.history_user,
                source="hearing",
                title=_record_title(record),
                changes=_record_changes(record, previous, theme_names),
                comment=record.history_change_reason or "",
                history_id=record.history_id,
            )
        )
        previous = record
    return entries


def _record_title(record):
    return {
        "+": _("Hearing registered"),
        "~": _("Hearing changed"),
        "-": _("Hearing deleted"),
    }[record.history_type]


def _record_changes(record, previous, theme_names):
    if previous is None:
        return []
    # A committee chosen from the list shows as its name (the committee field).
    delta = record.diff_against(
        previous, excluded_fields=["updated_at", "municipal_committee"]
    )
    opts = Hearing._meta
    return [
        HistoryChange(
            label=str(opts.get_field(change.field).verbose_name),
            old=_display(change.field, change.old, theme_names),
            new=_display(change.field, change.new, theme_names),
        )
        for change in delta.changes
    ]


def _display(field_name, value, theme_names):
    if field_name == "themes":
        names = sorted(theme_names.get(row["theme"], "?") for row in value or [])
        return ", ".join(names) or "—"
    if field_name == "points_used" and value:
        return str(PointsUsed(value).label)
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if value in (None, ""):
        return "—"
    return str(value)


def _document_entries(hearing):
    records = list(
        HearingDocument.history.filter(hearing_id=hearing.pk)
        .select_related("history_user")
        .order_by("history_date")
    )
    titles = _document_titles({record.document_id for record in records})
    entries = []
    for record in records:
        if record.history_type == "~":
            continue  # only the order changed
        title = titles.get(record.document_id, _("(deleted document)"))
        template = (
            _("Document added: %(title)s")
            if record.history_type == "+"
            else _("Document removed: %(title)s")
        )
        entries.append(
            HistoryEntry(
                when=record.history_date,
                user=record.history_user,
                source="document",
                title=template % {"title": title},
            )
        )
    return entries


def _document_titles(ids):
    return dict(
        get_document_model().objects.filter(pk__in=ids).values_list("pk", "title")
    )


def _page_log_entries(pages):
    if not pages:
        return []
    logs = PageLogEntry.objects.filter(page__in=pages).select_related(
        "user", "revision"
    )
    return [
        HistoryEntry(
            when=entry.timestamp,
            user=entry.user,
            source="response",
            title=entry.message,
            comment=entry.comment,
            revision_id=entry.revision_id,
            page_id=entry.page_id,
        )
        for entry in logs
    ]


def _unlogged_revision_entries(pages):
    """Revisions saved without a log entry (e.g. by scripts) still count."""
    if not pages:
        return []
    logged = PageLogEntry.objects.filter(page__in=pages, revision__isnull=False).values(
        "revision_id"
    )
    revisions = (
        Revision.page_revisions.filter(object_id__in=[str(p.pk) for p in pages])
        .exclude(pk__in=logged)
        .select_related("user")
    )
    return [
        HistoryEntry(
            when=revision.created_at,
            user=revision.user,
            source="response",
            title=_("Response saved"),
            revision_id=revision.pk,
            page_id=int(revision.object_id),
        )
        for revision in revisions
    ]
