"""Reads about hearings: their derived status, who may see them, what is public.

The status of a hearing is derived in exactly one place, ``status_expression``:
a database expression, so that the admin list can filter and sort by it and
the public pages can show it without a query per hearing.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Case,
    CharField,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale, Page, WorkflowState

from cms.models import CouncilRole
from cms.selectors import council_sites_for_user
from hearings.models import (
    Hearing,
    HearingDocument,
    HearingIndexPage,
    HearingResponsePage,
    HearingStatus,
    Theme,
)

OPEN_STATUSES = [
    HearingStatus.RECEIVED,
    HearingStatus.DRAFTING,
    HearingStatus.AWAITING_CHAIR,
    HearingStatus.OVERDUE,
]


def _today(today=None):
    return today or timezone.localdate()


def status_expression(*, today=None):
    """The one derivation of a hearing's status, as a database expression.

    decided wins (the case is closed); then a live response; then a passed
    deadline; then a response in the chair's workflow; then any draft.
    """
    responses = HearingResponsePage.objects.filter(hearing=OuterRef("pk"))
    in_workflow = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=OuterRef("pk_text"),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    responses_in_workflow = responses.annotate(
        pk_text=Cast("pk", CharField(max_length=255))
    ).filter(Exists(in_workflow))
    return Case(
        When(decided_on__isnull=False, then=Value(HearingStatus.DECIDED.value)),
        When(
            Exists(responses.filter(live=True)),
            then=Value(HearingStatus.PUBLISHED.value),
        ),
        When(deadline__lt=_today(today), then=Value(HearingStatus.OVERDUE.value)),
        When(
            Exists(responses_in_workflow),
            then=Value(HearingStatus.AWAITING_CHAIR.value),
        ),
        When(Exists(responses), then=Value(HearingStatus.DRAFTING.value)),
        default=Value(HearingStatus.RECEIVED.value),
        output_field=CharField(),
    )


def hearings_with_status(queryset=None, *, today=None):
    """Hearings annotated with ``status`` (a HearingStatus value)."""
    if queryset is None:
        queryset = Hearing.objects.all()
    return queryset.annotate(status=status_expression(today=today))


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
    """The deadline in words for staff: "3 days left", "today", "2 days overdue".

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


def hearing_index_for(*, council):
    """The council's hearing-response index page (in the council's language)."""
    root = council.root_page
    return (
        HearingIndexPage.objects.descendant_of(root)
        .filter(locale_id=root.locale_id)
        .first()
    )


def hearings_open(*, site, limit=5):
    """Hearings the council is still answering, earliest deadline first.

    Only what the municipality sent (title, committee, deadline) and the
    status in words; drafts themselves stay private.
    """
    if site is None:
        return []
    open_statuses = [
        HearingStatus.RECEIVED,
        HearingStatus.DRAFTING,
        HearingStatus.AWAITING_CHAIR,
    ]
    hearings = hearings_with_status(Hearing.objects.filter(council=site))
    return list(
        hearings.filter(status__in=open_statuses, deadline__gte=timezone.localdate())
        .only("id", "title", "committee", "deadline")
        .order_by("deadline", "pk")[:limit]
    )


def hearings_for_calendar(*, site, since_days=365):
    """This council's hearings with a deadline from a year ago onwards, each
    with its live response pages (``live_responses``) for the event's link."""
    if site is None:
        return []
    since = timezone.localdate() - timedelta(days=since_days)
    live = HearingResponsePage.objects.live().filter(locale_id=site.root_page.locale_id)
    return (
        Hearing.objects.filter(council=site, deadline__gte=since)
        .only("id", "title", "committee", "deadline", "council_id")
        .prefetch_related(
            Prefetch("responses", queryset=live, to_attr="live_responses")
        )
        .order_by("deadline", "pk")
    )


def hearing_response(*, hearing):
    """The response page written for this hearing in its council's language."""
    return (
        HearingResponsePage.objects.filter(
            hearing=hearing, locale_id=hearing.council.root_page.locale_id
        )
        .order_by("pk")
        .first()
    )


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


def published_responses(*, index, theme=None, year=None, decided=None, query=""):
    """Live responses under this index, newest first, with their hearings."""
    responses = HearingResponsePage.objects.live().child_of(index)
    if theme:
        responses = responses.filter(hearing__themes__slug=theme)
    if year:
        responses = responses.filter(first_published_at__year=year)
    if decided is not None:
        responses = responses.filter(hearing__decided_on__isnull=not decided)
    if query:
        matching = HearingResponsePage.objects.live().child_of(index).search(query)
        responses = responses.filter(pk__in=[page.pk for page in matching])
    hearings = hearings_with_status().prefetch_related(
        Prefetch("themes", queryset=themes_for_display())
    )
    return (
        responses.distinct()
        .prefetch_related(Prefetch("hearing", queryset=hearings))
        .order_by("-first_published_at", "-pk")
    )


def response_years(*, index):
    """The years in which this index has published responses, newest first."""
    dates = (
        HearingResponsePage.objects.live()
        .child_of(index)
        .dates("first_published_at", "year", order="DESC")
    )
    return [d.year for d in dates]


def themes_in_use(*, index):
    """Themes of the hearings that have a live response under this index."""
    live = HearingResponsePage.objects.live().child_of(index)
    # A translated response answers the same (Danish) hearing as its source.
    sources = HearingResponsePage.objects.filter(
        translation_key__in=live.values("translation_key")
    )
    return themes_for_display().filter(hearings__responses__in=sources).distinct()


def themes_for_display(*, locale=None):
    """Themes with ``display_name``: their name in the active (or given) locale.

    Hearings point at the Danish themes; the English site shows the English
    translation of each where one exists, in the same single query.
    """
    locale = locale or Locale.get_active()
    translated = Theme.objects.filter(
        translation_key=OuterRef("translation_key"), locale=locale
    ).values("name")[:1]
    return Theme.objects.annotate(
        display_name=Coalesce(Subquery(translated), F("name"))
    ).order_by("display_name")


def response_hearing(*, page):
    """The hearing of a response page with what its public page shows."""
    return (
        hearings_with_status()
        .prefetch_related(
            Prefetch("themes", queryset=themes_for_display()),
            Prefetch(
                "documents",
                queryset=HearingDocument.objects.select_related("document"),
            ),
        )
        .get(pk=page.hearing_id)
    )


@dataclass
class PublicUpdate:
    on: datetime
    note: str


def response_public_update(*, page):
    """ "Updated on <date>: <note>" for a live response republished with a note."""
    if not (page.live and page.change_note and page.first_published_at):
        return None
    if not page.last_published_at:
        return None
    if (page.last_published_at - page.first_published_at).total_seconds() < 60:
        return None
    return PublicUpdate(on=page.last_published_at, note=page.change_note)
