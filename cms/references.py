"""What an object points at, and the rule that a council's objects point
only at their own council's documents, images and pages.

A page, a hearing or a council's settings refer to other rows through
foreign keys, StreamField blocks (chooser blocks) and rich text (page and
document links, image embeds). Wagtail's reference index finds them with
each field's and block's extract_references(); object_references() asks the
same methods, so it also finds them in what an editor submits, before it is
saved. CouncilReferencesMixin refuses such a form, naming the field, when a
reference leads to another council's object.
"""

from collections import defaultdict
from dataclasses import dataclass, replace

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BoundField
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from modelcluster.fields import ParentalKey
from modelcluster.models import get_all_child_relations
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.documents.models import AbstractDocument
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage
from wagtail.models import COMMENTS_RELATION_NAME, Page

from cms.tenancy import SHARED, object_owner, user_may_know


@dataclass(frozen=True)
class Reference:
    """One reference, with where an editor finds it (field and a label such
    as "Svar, blok 2 (Link til dokument)") and what it points at."""

    field: str
    label: str
    model: type
    pk: str


def object_references(obj, *, fields=None):
    """Every reference obj holds: foreign keys, and the chooser blocks,
    links and embeds of its StreamField and rich-text fields. Only the named
    fields are read if fields is given (a form passes the fields it edits);
    otherwise every field and the rows of the child relations. What Wagtail's
    reference index ignores (content types, owners, locks, revisions) is
    ignored here too."""
    for field in _reference_fields(type(obj), fields):
        value = field.value_from_object(obj)
        if value is not None and value != "":
            yield from _field_references(field, value)
    if fields is None:
        for relation in _child_relations(type(obj)):
            name = relation.get_accessor_name()
            for number, row in enumerate(getattr(obj, name).all(), start=1):
                for reference in object_references(row):
                    yield _in_row(reference, type(row), name, number)


def _reference_fields(model, names):
    for field in model._meta.concrete_fields:
        if names is not None and field.name not in names:
            continue
        if getattr(field, "wagtail_reference_index_ignore", False):
            continue
        if field.is_relation and _ignored_relation(field):
            continue
        if field.is_relation or hasattr(field, "extract_references"):
            yield field


def _ignored_relation(field):
    return (
        not field.many_to_one
        or isinstance(field, ParentalKey)
        or getattr(field.related_model, "wagtail_reference_index_ignore", False)
    )


def _field_references(field, value):
    label = str(capfirst(field.verbose_name))
    if field.is_relation:
        yield Reference(field.name, label, field.related_model, str(value))
    elif isinstance(field, StreamField):
        for number, child in enumerate(value, start=1):
            where = _("%(field)s, block %(number)s (%(block)s)") % {
                "field": label,
                "number": number,
                "block": capfirst(child.block.label or child.block_type),
            }
            for model, pk, _path, _content in child.block.extract_references(
                child.value
            ):
                yield Reference(field.name, where, model, str(pk))
    else:
        for model, pk, _path, _content in field.extract_references(value):
            yield Reference(field.name, label, model, str(pk))


def _child_relations(model):
    # Comments are notes on the page, not its content: not references.
    return [
        relation
        for relation in get_all_child_relations(model)
        if relation.get_accessor_name() != COMMENTS_RELATION_NAME
    ]


def _in_row(reference, row_model, name, number):
    label = _("%(row)s %(number)s: %(field)s") % {
        "row": capfirst(row_model._meta.verbose_name),
        "number": number,
        "field": reference.label[:1].lower() + reference.label[1:],
    }
    return replace(reference, field=name, label=label)


def form_references(form):
    """(form, reference) for everything the form submits: its own fields'
    references, and each kept row of its inline panels with that row's form
    (a reference in a row is the row's field's)."""
    for reference in object_references(form.instance, fields=set(form.fields)):
        yield form, reference
    for formset in getattr(form, "formsets", {}).values():
        for number, row_form in enumerate(kept_row_forms(formset), start=1):
            for inner_form, reference in form_references(row_form):
                labelled = _in_row(reference, formset.model, reference.field, number)
                yield inner_form, labelled


def kept_row_forms(formset):
    """The row forms of an inline formset that will be saved."""
    for row_form in formset.forms:
        if not (row_form.has_changed() or row_form.instance.pk):
            continue  # an empty extra row
        if formset.can_delete and row_form.cleaned_data.get("DELETE"):
            continue
        yield row_form


def refused_references(references, *, owner, user=None):
    """The references that lead outside owner, the councils that own the
    object being saved: to another council's (or nobody's) object, or one
    the user may not know of. Shared objects (locales, themes) are for
    everyone; an id that names nothing is left to the field's own checks."""
    references = list(references)
    targets = _targets(references)
    refused = []
    for reference in references:
        target = targets.get((reference.model, reference.pk))
        if target is None:
            continue
        target_owner = object_owner(target)
        allowed = target_owner == SHARED or (
            owner not in (SHARED, frozenset())
            and owner <= target_owner
            and (user is None or user_may_know(user, target))
        )
        if not allowed:
            refused.append(reference)
    return refused


def _targets(references):
    """{(model, pk): object} for the references' objects, one query a model."""
    pks = defaultdict(set)
    for reference in references:
        pks[reference.model].add(reference.pk)
    targets = {}
    for model, ids in pks.items():
        try:
            found = model._default_manager.in_bulk(list(ids))
        except (ValueError, ValidationError):
            found = {}  # an id that is not an id names nothing
        targets.update({(model, str(pk)): obj for pk, obj in found.items()})
    return targets


def refusal_message(reference):
    """The editor's explanation, naming where the reference is."""
    if issubclass(reference.model, AbstractDocument):
        message = _(
            "%(field)s: the chosen document belongs to another council. "
            "Choose one of this council's own documents."
        )
    elif issubclass(reference.model, AbstractImage):
        message = _(
            "%(field)s: the chosen image belongs to another council. "
            "Choose one of this council's own images."
        )
    elif issubclass(reference.model, Page):
        message = _(
            "%(field)s: the linked page belongs to another council. "
            "Link to one of this council's own pages."
        )
    else:
        message = _("%(field)s: this refers to something of another council.")
    return message % {"field": reference.label}


class CouncilReferencesMixin:
    """A form that refuses, on every save (drafts too), values that point at
    another council's documents, images, pages or rows: what a council
    publishes must not show, link or depend on another council's files,
    whatever id a tampered form or a stale chooser posts. The form says which
    councils own the object being saved (reference_owner)."""

    def reference_owner(self):
        raise NotImplementedError

    def is_valid(self):
        if not super().is_valid():
            return False
        found = list(dict.fromkeys(form_references(self)))  # each place once
        refused = set(
            refused_references(
                (reference for _form, reference in found),
                owner=self.reference_owner(),
                user=getattr(self, "for_user", None),
            )
        )
        for form, reference in found:
            if reference in refused:
                _add_refusal(form, reference)
        return not refused


def _add_refusal(form, reference):
    error = forms.ValidationError(refusal_message(reference), code="other_council")
    form.add_error(reference.field, error)
    # Rendered again, the posted id would show the other council's title.
    form._bound_fields_cache[reference.field] = WithheldBoundField(
        form, form.fields[reference.field], reference.field
    )


class WithheldBoundField(BoundField):
    """A refused field shown again with its saved value, not the posted one:
    the chooser or rich-text editor would otherwise look the posted id up
    and show the editor another council's title, file name or image."""

    def value(self):
        return self.field.prepare_value(self.initial)


def owner_of(obj):
    """cms.tenancy.object_owner, for the forms."""
    return object_owner(obj)


class CouncilSettingsForm(CouncilReferencesMixin, WagtailAdminModelForm):
    """The council settings editor: the logo is one of the council's own
    images."""

    def reference_owner(self):
        return owner_of(self.instance)
