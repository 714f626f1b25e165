"""The response alerts' mails, as background tasks (django_tasks).

Each task takes ids (JSON), is enqueued after the transaction that asked
for it has committed (hearings.alerts), and reads the committed state: a
subscription erased or a response unpublished before the task runs means
there is nothing to send. One task per subscriber and response, so one
mailbox that fails does not hold up the others, and a retried task sends
nothing twice (ResponseAlertSent is written in the same transaction as the
mail is handed over; a failed send rolls it back).
"""

from django.core.mail import EmailMessage
from django.db import transaction
from django_tasks import task

from cms.models import CouncilSettings
from hearings import alert_links, alert_selectors
from hearings.models.alerts import ResponseAlertSent, ResponseAlertSubscription
from hearings.models.response import HearingResponsePage
from workflows.mail import is_deliverable, render_mail


@task()
def alert_confirmation_send(subscription_id):
    """Mail the link that confirms an unconfirmed subscription."""
    subscription = ResponseAlertSubscription.objects.filter(
        pk=subscription_id, confirmed_at__isnull=True
    ).first()
    if subscription is None:
        return False
    context = {"confirm_url": alert_links.confirm_url(subscription=subscription)}
    return alert_mail_send(
        subscription=subscription,
        template="hearings/mail/alert_confirmation",
        context=context,
    )


@task()
def response_alerts_enqueue(page_id):
    """One task per subscriber who is to hear of this live response."""
    response = (
        HearingResponsePage.objects.live()
        .filter(pk=page_id)
        .select_related("hearing")
        .first()
    )
    if response is None:
        return 0
    ids = list(
        alert_selectors.alert_subscriptions_for_response(response=response).values_list(
            "pk", flat=True
        )
    )
    for subscription_id in ids:
        response_alert_send.enqueue(subscription_id, page_id)
    return len(ids)


@task()
def response_alert_send(subscription_id, page_id):
    """Mail one subscriber about one response, unless they had it already."""
    response = HearingResponsePage.objects.live().filter(pk=page_id).first()
    subscription = ResponseAlertSubscription.objects.filter(
        pk=subscription_id, confirmed_at__isnull=False
    ).first()
    if response is None or subscription is None:
        return False
    with transaction.atomic():
        _record, created = ResponseAlertSent.objects.get_or_create(
            subscription=subscription, response_key=response.translation_key
        )
        if not created:
            return False
        return alert_mail_send(
            subscription=subscription,
            template="hearings/mail/response_alert",
            context=_alert_context(response, subscription),
        )


def _alert_context(response, subscription):
    shown = alert_selectors.response_for_reader(
        response=response, language=subscription.language
    )
    return {
        "response": shown,
        "hearing": response.hearing,
        "response_url": shown.get_full_url(),
        "in_other_language": shown.locale.language_code != subscription.language,
    }


def alert_mail_send(*, subscription, template, context):
    """One alert mail, in the reader's language, with the unsubscribe link in
    the text and in the List-Unsubscribe headers (one-click, RFC 8058)."""
    if not is_deliverable(subscription.email):
        return False
    council = CouncilSettings.for_site(subscription.council)
    unsubscribe = alert_links.unsubscribe_url(subscription=subscription)
    full_context = {**context, "council": council.name, "unsubscribe_url": unsubscribe}
    subject, body = render_mail(template, full_context, language=subscription.language)
    headers = {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"<alerts.{subscription.council.hostname}>",
        "Auto-Submitted": "auto-generated",
    }
    reply_to = [council.email] if council.email else None
    message = EmailMessage(
        subject, body, to=[subscription.email], reply_to=reply_to, headers=headers
    )
    message.send()
    return True
