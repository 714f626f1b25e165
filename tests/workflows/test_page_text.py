"""The text walk (page_segments) reads every text a page publishes, the
rows of its inline panels included: what it misses, the CPR guard and the
approval's checks never see."""

from django.db import models
from modelcluster.models import get_all_child_relations
from wagtail.models import COMMENTS_RELATION_NAME, get_page_models

from workflows.page_text import page_segments


def _free_text_fields(model):
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and field.editable
        and not field.choices
    ]


def test_every_text_field_of_every_inline_row_is_read(db):
    """Each page type's inline rows (agenda items, decisions, plan entries,
    …), every free-text field filled: the walk returns each text."""
    missed = {}
    for model in get_page_models():
        for relation in get_all_child_relations(model):
            name = relation.get_accessor_name()
            if name == COMMENTS_RELATION_NAME:
                continue
            row_model = relation.related_model
            fields = _free_text_fields(row_model)
            row = row_model(**{field: f"Tekst i {field}" for field in fields})
            texts = {s.text for s in page_segments(model(), rows={name: [row]})}
            lost = [field for field in fields if f"Tekst i {field}" not in texts]
            if lost:
                missed[f"{model.__name__}.{name}"] = lost
    assert missed == {}
