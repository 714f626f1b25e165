"""What hearings does when the approval workflow announces something
(connected in HearingsConfig.ready)."""

from django.dispatch import receiver

from hearings.deliveries import response_delivery_create
from hearings.models import HearingResponsePage
from workflows.signals import page_published_on_approval


@receiver(page_published_on_approval, dispatch_uid="hearings_response_delivery")
def deliver_approved_response(sender, page, revision, **kwargs):
    """An approved hearing response goes to the municipality."""
    if isinstance(page, HearingResponsePage):
        response_delivery_create(page=page, revision=revision)
