"""Writes of the pages app: the words kept for spelling suggestions."""

from wagtail.models import Page

from pages.models import SearchWord
from pages.word_forms import page_texts, suggestion_words


def search_words_add(*, pages):
    """The suggestion words of pages just written live in bulk, without a
    save (the scale data set, cms.demo_scale); one insert for them all."""
    SearchWord.objects.bulk_create(
        [
            SearchWord(page_id=page.pk, word=word)
            for page in pages
            for word in sorted(suggestion_words(page_texts(page)))
        ],
        batch_size=1000,
    )


def search_words_refresh(*, page_id, page_model=None):
    """Make the page's suggestion words those of its live content: read back
    from the database (what Wagtail's index reads too, never an unsaved
    draft in memory), and none while the page is not live. page_model, the
    page's own type when known, reads it in one query instead of two."""
    SearchWord.objects.filter(page_id=page_id).delete()
    model = page_model or Page
    page = model._base_manager.filter(pk=page_id, live=True).first()
    if page is None:
        return
    words = suggestion_words(page_texts(page.specific))
    SearchWord.objects.bulk_create(
        [SearchWord(page_id=page_id, word=word) for word in sorted(words)]
    )
