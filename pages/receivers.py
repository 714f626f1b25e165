"""Keeps the suggestion words (pages.models.SearchWord) in step with the
live pages, on the same saves that update Wagtail's search index.

Publishing (approval, scheduled publishing, revert, a translation), an
unpublish and any other save of a page's content save the page row; a new
draft or a lock saves only bookkeeping fields and changes nothing public.
Deleting a page deletes its words with it (a foreign key). Moves and view
restrictions need nothing here: suggestions are read through the council's
live, public pages at search time.

Working groups and their meetings are shown on the council's home page and
in its calendar feed, and members there and in minutes by name when they
chose to be (their profile): changing them drops the council's stored pages
and fragments (cms.page_cache), as a page's publishing does.

Connected in PagesConfig.ready().
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page

from cms.models import MemberProfile
from cms.page_cache import page_cache_invalidate_owner
from cms.page_cache_receivers import BOOKKEEPING_FIELDS
from pages.services import search_words_refresh
from pages.working_groups.models import WorkingGroup, WorkingGroupMeeting


@receiver(post_save, dispatch_uid="pages_search_words_page_saved")
def _page_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or not isinstance(instance, Page):
        return
    if update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    search_words_refresh(page_id=instance.pk, page_model=instance.specific_class)


def _group_part_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        page_cache_invalidate_owner(obj=instance)


for _model in (WorkingGroup, WorkingGroupMeeting):
    post_save.connect(
        _group_part_changed, sender=_model, dispatch_uid=f"page_cache_{_model}"
    )
    post_delete.connect(
        _group_part_changed, sender=_model, dispatch_uid=f"page_cache_del_{_model}"
    )


@receiver(m2m_changed, sender=WorkingGroup.members.through)
def _group_members_changed(sender, instance, action, pk_set=None, **kwargs):
    """Members added or removed, from the group's side or the person's."""
    if not action.startswith("post_"):
        return
    if isinstance(instance, WorkingGroup):
        groups = [instance]
    else:
        groups = WorkingGroup.objects.filter(pk__in=pk_set or ())
    for group in groups:
        page_cache_invalidate_owner(obj=group)


@receiver(post_save, sender=MemberProfile, dispatch_uid="page_cache_member_profile")
def _member_profile_saved(sender, instance, raw=False, **kwargs):
    """Whether a member is named on their councils' pages is their choice."""
    if not raw:
        page_cache_invalidate_owner(obj=instance.user)
