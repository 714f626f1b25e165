"""What the approval workflow asks of the pages it approves.

The workflow is generic over page types: it approves hearing responses,
meetings and content pages alike, and knows none of their fields. A page
type tells it what it needs through this small protocol; the base page in
pages.models gives every page type the defaults.

- ``readability_fields``: the names of the text fields that hold easy-read
  text. The editor shows their LIX live, and the chairs' mail gives it.
- ``lix_reported_fields``: other fields whose LIX the editor shows (as last
  saved) and the chairs' mail gives, e.g. a response's whole text.
- ``readability_row_fields``: the easy-read fields of the page's inline
  rows (an agenda item's easy-read line); the editor meters them live.
- ``approval_mail_notes(event=...)``: sentences the workflow's mails add
  about this page, e.g. what a response answers and where approving sends
  it. ``event`` is the mail: "submitted", "approved" or "changes_requested".
"""

from functools import partial
from typing import Protocol

from wagtail.models import get_page_models


class ApprovablePage(Protocol):
    readability_fields: tuple[str, ...]
    lix_reported_fields: tuple[str, ...]

    def approval_mail_notes(self, *, event: str) -> list[str]: ...


def readability_fields_of(page):
    """The easy-read fields of one page (none for pages that have none)."""
    return tuple(getattr(page, "readability_fields", ()))


def lix_fields_of(page):
    """Every field whose LIX the editor and the chairs' mail give, the
    easy-read ones first."""
    return readability_fields_of(page) + tuple(getattr(page, "lix_reported_fields", ()))


def readability_fields_in_use():
    """Every field name any page type marks as easy-read, its rows' fields
    included, for the editor's live meter (which only sees the form, not
    the page type; a row's field is named "<rows>-<n>-<name>" there)."""
    names = set()
    for model in get_page_models():
        names.update(readability_fields_of(model))
        names.update(getattr(model, "readability_row_fields", ()))
    return sorted(names)


def mail_notes_of(page, *, event):
    """The page's notes for one workflow mail, as a callable: templates call
    it while rendering, in the recipient's language."""
    notes = getattr(page, "approval_mail_notes", None)
    return partial(notes, event=event) if notes else list
