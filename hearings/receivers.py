"""What hearings does when the approval workflow announces something, and
when its own public facts change (connected in HearingsConfig.ready)."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from cms.page_cache import page_cache_invalidate, page_cache_invalidate_all
from hearings.deliveries import response_delivery_create
from hearings.models import Hearing, HearingDocument, HearingResponsePage, Theme
from workflows.signals import page_published_on_approval


@receiver(page_published_on_approval, dispatch_uid="hearings_response_delivery")
def deliver_approved_response(sender, page, revision, **kwargs):
    """An approved hearing response goes to the municipality."""
    if isinstance(page, HearingResponsePage):
        response_delivery_create(page=page, revision=revision)


# The page cache -------------------------------------------------------------
# A hearing is public the moment it is saved (its response's page, the home
# page's open hearings, the calendar): its council's stored pages go.


@receiver(post_save, sender=Hearing, dispatch_uid="page_cache_hearing_saved")
@receiver(post_delete, sender=Hearing, dispatch_uid="page_cache_hearing_deleted")
def _hearing_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        page_cache_invalidate(site_ids={instance.council_id})


@receiver(post_save, sender=HearingDocument, dispatch_uid="page_cache_document_saved")
@receiver(
    post_delete, sender=HearingDocument, dispatch_uid="page_cache_document_deleted"
)
def _hearing_document_changed(sender, instance, raw=False, **kwargs):
    council_ids = Hearing.objects.filter(pk=instance.hearing_id).values_list(
        "council_id", flat=True
    )
    if not raw:
        page_cache_invalidate(site_ids=set(council_ids))


@receiver(m2m_changed, sender=Hearing.themes.through, dispatch_uid="page_cache_themes")
def _hearing_themes_changed(sender, instance, action, **kwargs):
    if not action.startswith("post_"):
        return
    if isinstance(instance, Hearing):
        page_cache_invalidate(site_ids={instance.council_id})
    else:
        page_cache_invalidate_all()  # a theme given to or taken from hearings


@receiver(post_save, sender=Theme, dispatch_uid="page_cache_theme_saved")
@receiver(post_delete, sender=Theme, dispatch_uid="page_cache_theme_deleted")
def _theme_changed(sender, instance, raw=False, **kwargs):
    """One vocabulary for every council: every council's pages name it."""
    if not raw:
        page_cache_invalidate_all()
