"""What the approval workflow asks of the pages it approves.

The workflow is generic over page types: it approves hearing responses,
meetings and content pages alike, and knows none of their fields. A page
type tells it what it needs through this small protocol; the base page in
pages.models gives every page type the defaults.

- ``readability_fields``: the names of the text fields that hold easy-read
  text. The editor shows their LIX live, and the chairs' mail gives it.
"""

from typing import Protocol

from wagtail.models import get_page_models


class ApprovablePage(Protocol):
    readability_fields: tuple[str, ...]


def readability_fields_of(page):
    """The easy-read fields of one page (none for pages that have none)."""
    return tuple(getattr(page, "readability_fields", ()))


def readability_fields_in_use():
    """Every field name any page type marks as easy-read, for the editor's
    live meter (which only sees the form, not the page type)."""
    names = set()
    for model in get_page_models():
        names.update(readability_fields_of(model))
    return sorted(names)
