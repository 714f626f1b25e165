"""E-mail alerts of a council's new hearing responses, without an account.

A reader asks for alerts with an address (and, if they like, themes); a
confirmation mail with a signed link that expires goes to that address, and
nothing else is sent before the link is followed (double opt-in). Every mail
carries a signed link that erases the subscription at once, also as a
List-Unsubscribe header with one-click unsubscribing (RFC 8058); the links
are made and checked in hearings.alert_links. Mails are background tasks
(hearings.alert_tasks), enqueued once the transaction has committed.
"""

from django.db import transaction
from django.utils import timezone

from cms.background_tasks import enqueue_on_commit
from hearings.alert_links import CONFIRM_MAX_AGE
from hearings.alert_tasks import alert_confirmation_send, response_alerts_enqueue
from hearings.models.alerts import ResponseAlertSubscription


def alert_subscription_request(*, council, email, themes, language):
    """A new unconfirmed subscription, and its confirmation mail after commit.

    The address's earlier unconfirmed requests at this council go; a
    confirmed subscription stays until the new one is confirmed, so nobody
    changes another person's alerts without access to their mailbox."""
    email = email.strip().lower()
    with transaction.atomic():
        ResponseAlertSubscription.objects.filter(
            council=council, email=email, confirmed_at__isnull=True
        ).delete()
        subscription = ResponseAlertSubscription.objects.create(
            council=council, email=email, language=language
        )
        subscription.themes.set(themes)
        enqueue_on_commit(alert_confirmation_send, subscription.pk)
    return subscription


def alert_subscription_confirm(*, subscription):
    """Alerts start; the subscription replaces the address's earlier one."""
    if subscription.confirmed_at is not None:
        return subscription
    with transaction.atomic():
        ResponseAlertSubscription.objects.filter(
            council_id=subscription.council_id,
            email=subscription.email,
            confirmed_at__isnull=False,
        ).delete()
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


def alert_subscription_erase(*, subscription):
    """Delete the subscription with its themes and the record of what it was
    sent: the address is gone from the database (no history keeps it)."""
    if subscription is not None:
        subscription.delete()


def alert_subscriptions_expire(*, now=None):
    """Delete the unconfirmed subscriptions whose link has expired; how many."""
    cutoff = (now or timezone.now()) - CONFIRM_MAX_AGE
    expired = ResponseAlertSubscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    )
    _total, per_model = expired.delete()
    return per_model.get(ResponseAlertSubscription._meta.label, 0)


def response_alerts_schedule(*, page):
    """After the publishing commits, alert the subscribers of the response's
    council (hearings.alert_tasks decides who and sends each mail once)."""
    enqueue_on_commit(response_alerts_enqueue, page.pk)
