"""What empties the page cache (cms.page_cache), from the base layer.

Every way a council's public pages change ends in one of Wagtail's or
Django's documented signals: a page goes live (approval, revert, an alias
following its original, a translation), goes offline, moves or is deleted;
a view restriction is set or lifted; the council's settings, documents or
images change; a site or locale is added, changed or removed. Each asks for
the owning council's pages to be dropped once the transaction commits.
Hearings adds its own models in hearings/receivers.py.

Connected in CmsConfig.ready().
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_unpublished, post_page_move

from cms.models import CouncilSettings
from cms.page_cache import (
    page_cache_invalidate,
    page_cache_invalidate_all,
    page_cache_invalidate_owner,
)
from cms.tenancy import SHARED, page_owner_by_path

# Saves of a page that change no visitor's view of it: a new draft, a lock.
BOOKKEEPING_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_by",
        "locked_at",
    }
)


def _page_changed(page):
    owner = page_owner_by_path(page.path)
    if owner == SHARED:
        page_cache_invalidate_all()  # the tree's root
    else:
        page_cache_invalidate(site_ids=owner)


# Going live needs no receiver of its own: Wagtail publishes by saving the
# whole page row with live set, which _live_page_saved below sees (a second
# one on page_published dropped the council's pages twice per approval).
@receiver(page_unpublished, dispatch_uid="page_cache_page_unpublished")
def _page_went_offline(sender, instance, **kwargs):
    _page_changed(instance)


@receiver(post_page_move, dispatch_uid="page_cache_page_moved")
def _page_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    # The old place's council too, if a page moved between councils.
    _page_changed(instance)
    _page_changed(kwargs["parent_page_before"])


@receiver(post_delete, sender=Page, dispatch_uid="page_cache_page_deleted")
def _page_deleted(sender, instance, **kwargs):
    _page_changed(instance)


@receiver(post_save, dispatch_uid="page_cache_live_page_saved")
def _live_page_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    """A live page saved: published (an approval, a revert, a translation,
    scheduled publishing) or saved some other way (the platform's own set-up,
    an administrator's shell): its visitors' view may have changed."""
    if raw or not isinstance(instance, Page) or not instance.live:
        return
    if update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    _page_changed(instance)


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="page_cache_restrict")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="page_cache_lift")
def _restriction_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _page_changed(instance.page)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def _restriction_groups_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, PageViewRestriction):
        _page_changed(instance.page)


def _owner_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        page_cache_invalidate_owner(obj=instance)


def _everything_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        page_cache_invalidate_all()


for _model in (CouncilSettings, get_document_model(), get_image_model()):
    post_save.connect(
        _owner_changed, sender=_model, dispatch_uid=f"page_cache_{_model}"
    )
    post_delete.connect(
        _owner_changed, sender=_model, dispatch_uid=f"page_cache_del_{_model}"
    )

# Which council answers a host, and the languages offered, concern all.
for _model in (Site, Locale):
    post_save.connect(
        _everything_changed, sender=_model, dispatch_uid=f"page_cache_{_model}"
    )
    post_delete.connect(
        _everything_changed, sender=_model, dispatch_uid=f"page_cache_del_{_model}"
    )
