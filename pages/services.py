"""Writes of the pages app: the words kept for spelling suggestions."""

from wagtail.models import Page

from pages.models import SearchWord
from pages.word_forms import page_texts, suggestion_words


def search_words_refresh(*, page_id):
    """Make the page's suggestion words those of its live content: read back
    from the database (what Wagtail's index reads too, never an unsaved
    draft in memory), and none while the page is not live."""
    SearchWord.objects.filter(page_id=page_id).delete()
    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is None:
        return
    words = suggestion_words(page_texts(page.specific))
    SearchWord.objects.bulk_create(
        [SearchWord(page_id=page_id, word=word) for word in sorted(words)]
    )
