"""Reads about citizens' input: which hearings take it, who may read it,
and which has been kept long enough."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from cms.models import CouncilRole
from hearings.models.citizen_input import CitizenInput
from hearings.models.hearing import Hearing, HearingStatus, status_expression

# Still being answered and before the deadline (overdue, published and
# decided hearings take no more input).
STATUSES_TAKING_INPUT = (
    HearingStatus.RECEIVED,
    HearingStatus.DRAFTING,
    HearingStatus.AWAITING_CHAIR,
)
# Input holds personal data: only those who draft and approve the response
# read it, not every member of the council.
READER_ROLES = (CouncilRole.SECRETARIAT, CouncilRole.CHAIRS)


def hearing_takes_input(*, hearing, today=None):
    """Whether the public may still write to the council about this hearing:
    the deadline has not passed and no response is published or decision made."""
    status = (
        Hearing.objects.filter(pk=hearing.pk)
        .annotate(status=status_expression(today=today))
        .values_list("status", flat=True)
        .first()
    )
    return status in STATUSES_TAKING_INPUT


def may_read_citizen_input(*, user, council_id):
    """Whether the user reads the input sent to this council: its
    secretariat and chairs (and the platform administrator)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(
        council_group__site_id=council_id, council_group__role__in=READER_ROLES
    ).exists()


def citizen_inputs_for(*, hearing):
    """The input sent about a hearing, oldest first."""
    return CitizenInput.objects.filter(hearing=hearing).order_by("received_at", "pk")


def citizen_inputs_expired(*, today=None):
    """Input whose time is up: its hearing was decided more than
    CITIZEN_INPUT_RETENTION_DAYS ago, or never decided and its deadline
    passed more than CITIZEN_INPUT_UNDECIDED_RETENTION_DAYS ago."""
    today = today or timezone.localdate()
    decided_before = today - timedelta(days=settings.CITIZEN_INPUT_RETENTION_DAYS)
    deadline_before = today - timedelta(
        days=settings.CITIZEN_INPUT_UNDECIDED_RETENTION_DAYS
    )
    return CitizenInput.objects.filter(
        Q(hearing__decided_on__lt=decided_before)
        | Q(hearing__decided_on__isnull=True, hearing__deadline__lt=deadline_before)
    )
