"""Response alerts follow Wagtail's page_published (connected in
HearingsConfig.ready).

Wagtail's signal, not workflows' page_published_on_approval: the latter is
sent when the chairs approve, also when the approved version is scheduled
to go live later, so a reader would be sent to a page that is not there
yet; page_published is sent when the page really goes live, by the approval
or by the scheduled publishing. It is never sent for a council page without
the chairs' approval (workflows.publish_guard refuses every other way), and
a translation going live, or a response published again after an edit,
alerts nobody twice (hearings.alert_tasks remembers each response by its
translation key).
"""

from django.dispatch import receiver
from wagtail.signals import page_published

from hearings.alerts import response_alerts_schedule
from hearings.models import HearingResponsePage


@receiver(page_published, sender=HearingResponsePage, dispatch_uid="response_alerts")
def alert_subscribers_of_published_response(sender, instance, **kwargs):
    response_alerts_schedule(page=instance)
