"""Reads about hearings: their derived status, who may see them, what is public.

The status of a hearing is derived in exactly one place, ``status_expression``:
a database expression, so that the admin list can filter and sort by it and
the public pages can show it without a query per hearing.
"""

from datetime import timedelta

from django.db.models import Case, DateField, F, IntegerField, Prefetch, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.models import CouncilRole
from cms.selectors import council_sites_for_user
from hearings.models import (
    Hearing,
    HearingIndexPage,
    HearingResponsePage,
    HearingStatus,
)
from hearings.models.hearing import status_expression

OPEN_STATUSES = [
    HearingStatus.RECEIVED,
    HearingStatus.DRAFTING,
    HearingStatus.AWAITING_CHAIR,
    HearingStatus.OVERDUE,
]


# Still to be answered: no published response, not decided, deadline not
# passed (status_expression says overdue first once the deadline has passed).
ANSWERABLE_STATUSES = [
    HearingStatus.RECEIVED,
    HearingStatus.DRAFTING,
    HearingStatus.AWAITING_CHAIR,
]


def _today(today=None):
    return today or timezone.localdate()


def hearings_with_status(queryset=None, *, today=None):
    """Hearings annotated with ``status`` (a HearingStatus value)."""
    if queryset is None:
        queryset = Hearing.objects.all()
    return queryset.annotate(status=status_expression(today=today))


# The hearing list's own order: the hearings still to be answered, earliest
# deadline first, then the rest, newest deadline first (annotations of
# hearings_for_list).
LIST_ORDERING = ["answered_or_late", "open_deadline", "-deadline", "pk"]


def hearings_for_list(queryset=None, *, today=None):
    """Hearings with their status and what LIST_ORDERING sorts by."""
    answerable = When(status__in=ANSWERABLE_STATUSES, then=Value(0))
    return hearings_with_status(queryset, today=today).annotate(
        answered_or_late=Case(
            answerable, default=Value(1), output_field=IntegerField()
        ),
        open_deadline=Case(
            When(status__in=ANSWERABLE_STATUSES, then=F("deadline")),
            default=None,
            output_field=DateField(),
        ),
    )


def hearing_status(*, hearing, today=None):
    """The status of one hearing (no query if it came annotated)."""
    if today is None and getattr(hearing, "status", None):
        return HearingStatus(hearing.status)
    value = (
        hearings_with_status(Hearing.objects.filter(pk=hearing.pk), today=today)
        .values_list("status", flat=True)
        .get()
    )
    return HearingStatus(value)


def days_until_deadline(*, hearing, today=None):
    """Whole days from today to the deadline; negative once it has passed."""
    return (hearing.deadline - _today(today)).days


def deadline_words(hearing, *, today=None):
    """The deadline in words: "3 days left", "today", "2 days overdue".

    Said in words so that overdue is never shown by colour alone. Empty once
    the response is published or the case decided.
    """
    status = hearing_status(hearing=hearing, today=today)
    if status in (HearingStatus.PUBLISHED, HearingStatus.DECIDED):
        return ""
    days = days_until_deadline(hearing=hearing, today=today)
    if days == 0:
        return _("Deadline today")
    if days > 0:
        return ngettext("%(days)d day left", "%(days)d days left", days) % {
            "days": days
        }
    return ngettext("Overdue by %(days)d day", "Overdue by %(days)d days", -days) % {
        "days": -days
    }


def hearings_for_user(*, user):
    """The hearings of the councils this user serves (all for superusers)."""
    if user.is_superuser:
        return Hearing.objects.all()
    return Hearing.objects.filter(council__in=council_sites_for_user(user=user))


def hearing_visible_to(*, user, hearing):
    return hearings_for_user(user=user).filter(pk=hearing.pk).exists()


def dashboard_hearings(*, user, today=None):
    """Open hearings of the councils where the user is secretary or chair,
    earliest deadline first, each with its (first) response page if any."""
    if not user.is_authenticated:
        return []
    sites = council_sites_for_user(user=user).filter(
        council_groups__role__in=[CouncilRole.SECRETARIAT, CouncilRole.CHAIRS],
        council_groups__group__user=user,
    )
    hearings = (
        hearings_with_status(Hearing.objects.filter(council__in=sites), today=today)
        .filter(status__in=OPEN_STATUSES)
        .select_related("council")
        .prefetch_related(
            Prefetch(
                "responses",
                queryset=HearingResponsePage.objects.order_by("pk"),
                to_attr="response_pages",
            )
        )
        .order_by("deadline", "pk")
    )
    return list(hearings)


def hearing_index_for(*, council=None, home=None):
    """The hearing-response index under a home page: by default the home of
    the council's own language."""
    home = home or council.root_page
    return HearingIndexPage.objects.child_of(home).first()


def hearings_open(*, site, limit=5):
    """Hearings the council is still answering, earliest deadline first.

    Only what the municipality sent (title, committee, deadline) and the
    status in words; drafts themselves stay private.
    """
    if site is None:
        return []
    hearings = hearings_with_status(Hearing.objects.filter(council=site))
    return list(
        hearings.filter(
            status__in=ANSWERABLE_STATUSES, deadline__gte=timezone.localdate()
        )
        .only("id", "title", "committee", "deadline")
        .order_by("deadline", "pk")[:limit]
    )


def hearings_for_calendar(*, site, since_days=365):
    """This council's hearings with a deadline from a year ago onwards (or
    all, since_days=None), each with its live response pages
    (``live_responses``) for the event's link."""
    if site is None:
        return []
    hearings = Hearing.objects.filter(council=site)
    if since_days is not None:
        since = timezone.localdate() - timedelta(days=since_days)
        hearings = hearings.filter(deadline__gte=since)
    live = HearingResponsePage.objects.live().filter(locale_id=site.root_page.locale_id)
    return (
        hearings.only("id", "title", "committee", "deadline", "council_id")
        .prefetch_related(
            Prefetch("responses", queryset=live, to_attr="live_responses")
        )
        .order_by("deadline", "pk")
    )


def hearings_due_in_year(*, site, year):
    """This council's hearings whose deadline falls in the year, each with
    its live response pages (``live_responses``), for the annual plan."""
    return hearings_for_calendar(site=site, since_days=None).filter(deadline__year=year)


def hearing_response(*, hearing):
    """The response page written for this hearing in its council's language."""
    return (
        HearingResponsePage.objects.filter(
            hearing=hearing, locale_id=hearing.council.root_page.locale_id
        )
        .order_by("pk")
        .first()
    )


def may_write_response(*, user, hearing):
    """Whether this user may start (or continue) the hearing's response: the
    right to add pages under the council's hearing index."""
    index = hearing_index_for(council=hearing.council)
    return index is not None and index.permissions_for_user(user).can_add_subpage()


def hearing_deletion_refusal(*, hearing):
    """Why this hearing may not be deleted, or None if it may."""
    responses = HearingResponsePage.objects.filter(hearing=hearing)
    if responses.filter(live=True).exists():
        return _(
            "This hearing cannot be deleted: its response has been published. "
            "A published response is part of the council's public record."
        )
    if responses.exists():
        return _(
            "This hearing cannot be deleted while a draft response to it exists. "
            "Delete the draft response page first."
        )
    return None


# Public pages -------------------------------------------------------------
