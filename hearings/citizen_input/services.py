"""Writes of citizens' input: receiving it, telling the secretariat,
deleting one (spam) and deleting what has been kept long enough."""

from django.utils import timezone
from django_tasks import task

from cms.background_tasks import enqueue_on_commit
from cms.models import CouncilRole, CouncilSettings
from hearings.citizen_input.selectors import citizen_inputs_expired
from hearings.models.citizen_input import CitizenInput
from workflows.mail import admin_url, send_to_users
from workflows.selectors import council_staff

INPUT_URL_NAME = "hearings_hearing:citizen_input"


def citizen_input_create(*, hearing, text, name="", contact="", language=""):
    """Store what someone sent about a hearing; the secretariat is told by
    mail once it is committed (a background task)."""
    citizen_input = CitizenInput.objects.create(
        hearing=hearing,
        text=text.strip(),
        name=name.strip(),
        contact=contact.strip(),
        language=language,
    )
    # A queue that cannot take the task is logged (the input still shows in
    # the admin), not shown to the sender.
    enqueue_on_commit(citizen_input_notify, citizen_input_id=citizen_input.pk)
    return citizen_input


@task()
def citizen_input_notify(*, citizen_input_id):
    """Mail the council's secretariat that input has arrived. The mail says
    where to read it, never what it says or who sent it: mailboxes are not
    emptied when the input is deleted. Returns how many were mailed."""
    citizen_input = (
        CitizenInput.objects.filter(pk=citizen_input_id)
        .select_related("hearing__council")
        .first()
    )
    if citizen_input is None:
        return 0  # deleted (spam) before the mail went
    hearing = citizen_input.hearing
    context = {
        "hearing": hearing,
        "council": CouncilSettings.for_site(hearing.council).name,
        "count": hearing.citizen_inputs.count(),
        "input_url": admin_url(INPUT_URL_NAME, hearing.pk),
    }
    staff = council_staff(site=hearing.council, roles=(CouncilRole.SECRETARIAT,))
    sent = send_to_users("hearings/mail/citizen_input_received", context, staff)
    return len(sent)


def citizen_input_delete(*, citizen_input):
    """Delete one input for good (spam, or on the sender's request)."""
    citizen_input.delete()


def citizen_inputs_expired_delete(*, today=None):
    """Delete every input whose retention time is up. Returns how many."""
    deleted, _per_model = citizen_inputs_expired(
        today=today or timezone.localdate()
    ).delete()
    return deleted
