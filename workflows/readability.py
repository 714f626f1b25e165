"""The LIX of a page's texts, as the editor and the chairs' mail give it.

Easy-read fields (page_protocol.readability_fields) and the other fields a
page type reports (lix_reported_fields, e.g. a response's whole text) are
measured the same way, by cms.text_checks.lix on their plain text.
"""

from dataclasses import dataclass

from django.utils.text import capfirst
from wagtail.fields import StreamField

from cms.text_checks import Lix, lix
from workflows.page_protocol import lix_fields_of
from workflows.page_text import stream_as_text

# Where the meter's scale ends: LIX 70 and above is far past "very hard".
LIX_METER_MAX = 70


@dataclass(frozen=True)
class LixReport:
    """One field's LIX, named as the editor names the field."""

    field: str
    label: str
    result: Lix


def field_plain_text(page, name):
    """A field's text as a reader reads it (a StreamField block by block)."""
    field = page._meta.get_field(name)
    value = getattr(page, name, "")
    if isinstance(field, StreamField):
        return stream_as_text(value)
    return str(value or "")


def page_lix_reports(page):
    """The LIX of every measured field of the page that holds text."""
    reports = []
    for name in lix_fields_of(page):
        result = lix(field_plain_text(page, name))
        if result.words:
            label = str(capfirst(page._meta.get_field(name).verbose_name))
            reports.append(LixReport(field=name, label=label, result=result))
    return reports
