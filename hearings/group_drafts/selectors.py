"""Reads for turning a working group's draft text into a response draft."""

from hearings.models import Hearing
from hearings.selectors import ANSWERABLE_STATUSES, hearings_with_status
from pages.working_groups.selectors import draft_texts_for_responses


def hearings_for_draft_text(*, text):
    """The hearings of the text's council still to be answered and without
    a response yet, earliest deadline first."""
    hearings = Hearing.objects.filter(
        council_id=text.group.council_id, responses__isnull=True
    )
    return (
        hearings_with_status(hearings)
        .filter(status__in=ANSWERABLE_STATUSES)
        .order_by("deadline", "pk")
    )


def draft_text_for_response(*, user, pk):
    """The draft text this user may make a response of, or None."""
    return draft_texts_for_responses(user=user).filter(pk=pk).first()


def may_make_response_of(*, user, text):
    return (
        text.pk is not None
        and draft_texts_for_responses(user=user).filter(pk=text.pk).exists()
    )
