"""Template tags for hearings on the public site: a status in words, its
DKFDS badge colour and the time left until the deadline."""

from django import template

from hearings import selectors
from hearings.models import HearingStatus

register = template.Library()

# DKFDS badge variants; the colour only repeats what the words say.
STATUS_VARIANTS = {
    HearingStatus.RECEIVED: "info",
    HearingStatus.DRAFTING: "info",
    HearingStatus.AWAITING_CHAIR: "warning",
    HearingStatus.PUBLISHED: "success",
    HearingStatus.DECIDED: "success",
    HearingStatus.OVERDUE: "error",
}


@register.filter
def status_variant(status):
    """The DKFDS badge variant for a hearing status (value or choices member)."""
    return STATUS_VARIANTS.get(str(getattr(status, "value", status)), "")


@register.filter
def as_hearing_status(status):
    """A status value ("overdue") as its choices member, so it has its words."""
    if isinstance(status, HearingStatus):
        return status
    try:
        return HearingStatus(str(status))
    except ValueError:
        return status


@register.simple_tag
def deadline_words(hearing):
    """ "3 days left", "Deadline today", "Overdue by 2 days"; "" once answered."""
    return selectors.deadline_words(hearing)
