"""The text of a page, field by field and block by block.

The CPR guard needs to say *where* a number is ("the response, block 3"), and
the letter to the municipality needs the whole text in reading order; both
walk a page the same way here, for any page type: the title, every text
field and every StreamField block (nested blocks and the titles of linked
documents included), and the rows of its inline panels (a meeting's agenda
items), each labelled with its row ("Agenda item 2: title").
"""

import re
from dataclasses import dataclass
from html import unescape

from django.db import models
from django.utils.html import strip_tags
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from modelcluster.models import get_all_child_relations
from wagtail.blocks import ChoiceBlock, MultipleChoiceBlock, StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.documents.models import AbstractDocument
from wagtail.fields import RichTextField, StreamField
from wagtail.models import COMMENTS_RELATION_NAME, Page
from wagtail.rich_text import RichText

from cms.text_checks import slug_words

# Of the fields every page inherits, only these are shown to the public (the
# slug in the page's address).
PUBLIC_PAGE_FIELDS = ("title", "slug", "seo_title", "search_description")
HTML_BREAKS = re.compile(r"</?(?:p|h[1-6]|li|ul|ol|blockquote|div|br)\b[^>]*>", re.I)


@dataclass(frozen=True)
class Segment:
    """One piece of a page's text and where an editor finds it."""

    field: str
    label: str
    text: str


def html_to_text(html):
    """Rich text as plain lines, entities decoded."""
    text = unescape(strip_tags(HTML_BREAKS.sub("\n", html or "")))
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def page_segments(page, rows=None):
    """Every published piece of text on a page, with its field and label.
    The rows of its inline panels are read from the page unless ``rows``
    gives them ({relation name: rows}, e.g. the rows an editor submits)."""
    segments = []
    for field in _text_fields(type(page)):
        segments.extend(_field_segments(field, getattr(page, field.name)))
    if rows is None:
        rows = {name: getattr(page, name).all() for name in row_relations(page)}
    for name, relation_rows in rows.items():
        segments.extend(_rows_segments(name, relation_rows))
    return [segment for segment in segments if segment.text.strip()]


def row_relations(page):
    """The names of the page's inline rows (Wagtail's comments are notes
    on the page, not its text)."""
    return [
        relation.get_accessor_name()
        for relation in get_all_child_relations(type(page))
        if relation.get_accessor_name() != COMMENTS_RELATION_NAME
    ]


def _rows_segments(name, rows):
    segments = []
    for number, row in enumerate(rows, start=1):
        for field in _text_fields(type(row)):
            for segment in _field_segments(field, getattr(row, field.name)):
                label = _("%(row)s %(number)s: %(field)s") % {
                    "row": capfirst(row._meta.verbose_name),
                    "number": number,
                    "field": segment.label[:1].lower() + segment.label[1:],
                }
                segments.append(Segment(name, label, segment.text))
    return segments


def _text_fields(model):
    for field in model._meta.concrete_fields:
        if field.model is Page and field.name not in PUBLIC_PAGE_FIELDS:
            continue
        if field.choices or not field.editable:
            continue
        text_types = StreamField | models.CharField | models.TextField
        if isinstance(field, text_types) or _is_document_key(field):
            yield field


def _is_document_key(field):
    return isinstance(field, models.ForeignKey) and issubclass(
        field.related_model, AbstractDocument
    )


def _field_segments(field, value):
    label = str(capfirst(field.verbose_name))
    if isinstance(field, StreamField):
        return _stream_segments(field.name, label, value)
    return [Segment(field.name, label, _value_text(field, value))]


def _value_text(field, value):
    if value is None:
        return ""
    if _is_document_key(field):
        return value.title
    if isinstance(field, RichTextField):
        return html_to_text(value)
    if isinstance(field, models.SlugField):
        return slug_words(value)
    return str(value)


def _stream_segments(name, label, stream):
    segments = []
    for number, child in enumerate(stream or [], start=1):
        block_label = str(capfirst(child.block.label or child.block_type))
        where = _("%(field)s, block %(number)s (%(block)s)") % {
            "field": label,
            "number": number,
            "block": block_label,
        }
        text = "\n".join(block_texts(child.value, child.block))
        segments.append(Segment(name, where, text))
    return segments


def block_texts(value, block=None):
    """The text inside a block value, nested blocks and documents included;
    the codes of choice blocks (a heading's level) are not text."""
    return [
        text.title if kind == "document" else text for text, kind in _walk(value, block)
    ]


def _walk(value, block=None):
    """(text, kind) pairs in reading order; kind is "text", "item" (of a
    list) or "document"."""
    if isinstance(block, ChoiceBlock | MultipleChoiceBlock):
        return []
    if isinstance(value, RichText):
        return [(html_to_text(value.source), "text")]
    if isinstance(value, str):
        return [(value, "text")]
    if isinstance(value, AbstractDocument):
        return [(value, "document")]
    if isinstance(value, StreamValue):
        return [pair for child in value for pair in _walk(child.value, child.block)]
    if isinstance(value, StructValue):
        return [
            pair
            for bound in value.bound_blocks.values()
            for pair in _walk(bound.value, bound.block)
        ]
    if isinstance(value, ListValue):
        return [
            (text, "item")
            for child in value.bound_blocks
            for text, _kind in _walk(child.value, child.block)
        ]
    return []


def stream_as_text(stream, *, base_url=""):
    """A StreamField as plain text for a letter: blocks as paragraphs, list
    items numbered, linked documents with their full address."""
    paragraphs = []
    for child in stream or []:
        lines, number = [], 0
        for value, kind in _walk(child.value, child.block):
            if kind == "document":
                lines.append(f"{value.title}: {base_url}{value.url}")
            elif kind == "item":
                number += 1
                lines.append(f"{number}. {value}")
            elif value.strip():
                lines.append(value.strip())
        if lines:
            paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)
