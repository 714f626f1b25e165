"""Keeps the suggestion words (pages.models.SearchWord) in step with the
live pages, on the same saves that update Wagtail's search index.

Publishing (approval, scheduled publishing, revert, a translation), an
unpublish and any other save of a page's content save the page row; a new
draft or a lock saves only bookkeeping fields and changes nothing public.
Deleting a page deletes its words with it (a foreign key). Moves and view
restrictions need nothing here: suggestions are read through the council's
live, public pages at search time.

Connected in PagesConfig.ready().
"""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page

from cms.page_cache_receivers import BOOKKEEPING_FIELDS
from pages.services import search_words_refresh


@receiver(post_save, dispatch_uid="pages_search_words_page_saved")
def _page_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or not isinstance(instance, Page):
        return
    if update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    search_words_refresh(page_id=instance.pk, page_model=instance.specific_class)
