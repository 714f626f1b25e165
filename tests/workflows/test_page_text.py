"""The page text the CPR guard and the letter read (workflows.page_text) is
the page's own fields and blocks: no page type has inline panels."""

from modelcluster.models import get_all_child_relations
from wagtail.models import COMMENTS_RELATION_NAME, get_page_models


def test_no_page_type_has_rows_the_text_walk_would_miss():
    """An inline panel on a page type would hold text that the CPR guard
    does not read: page_segments() must then walk its rows again."""
    rows = {
        model.__name__: relation.get_accessor_name()
        for model in get_page_models()
        for relation in get_all_child_relations(model)
        if relation.get_accessor_name() != COMMENTS_RELATION_NAME
    }
    assert rows == {}
