"""Meeting reminders: the day before and on the day of each live meeting, to
the council's members and chairs by each channel they chose (e-mail; text
message only with a phone number given with consent), and an e-mail to the
secretariat when a meeting's agenda is not published the council's number
of days ahead (CouncilSettings.agenda_days_ahead), once per meeting.

Members and chairs are reminded, the secretariat is not: the chairs sit on
the council like the members, while the secretariat calls the meeting and
gets the late-agenda reminder instead.

Every reminder is recorded first (MeetingReminder, unique per meeting,
person, channel and kind), so however often or concurrently the daily
command runs, each is sent once. Each due reminder is a background task
(cms.background_tasks) that claims its row, sends and records the outcome;
a failure is tried again on the next run, up to MAX_ATTEMPTS times, while
the reminder still fits (a "tomorrow" message is never sent on the day).
"""

import logging
from datetime import datetime, time, timedelta

from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task
from wagtail.models import Locale

from cms.background_tasks import enqueue_on_commit
from cms.models import CouncilRole, CouncilSettings, MemberProfile
from cms.tenancy import register_owner
from cms.text_messages import send_text_message
from pages.models import MeetingPage, MeetingReminder
from workflows.mail import admin_url, is_deliverable, send_to_users, user_language
from workflows.selectors import council_people

logger = logging.getLogger(__name__)

Kind = MeetingReminder.Kind
Channel = MeetingReminder.Channel
Status = MeetingReminder.Status

MAX_ATTEMPTS = 3
REMINDED_ROLES = (CouncilRole.MEMBERS, CouncilRole.CHAIRS)
# The most days ahead a council may publish its agenda (the field's maximum).
AGENDA_DAYS_AHEAD_MAX = 60


@register_owner(MeetingReminder)
def _reminder_owner(reminder):
    """A reminder is its meeting's council's."""
    return frozenset({reminder.meeting.get_site().pk})


def _day_bounds(day):
    zone = timezone.get_current_timezone()
    start = datetime.combine(day, time.min, tzinfo=zone)
    return start, datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)


def meetings_on(*, day):
    """The council's own-language live meetings that start on this day (a
    translation is the same meeting: it earns no reminders of its own)."""
    start, end = _day_bounds(day)
    return MeetingPage.objects.live().filter(
        locale=Locale.get_default(), starts_at__gte=start, starts_at__lt=end
    )


def reminder_channels(*, user):
    """The channels by which this person wants and can get reminders."""
    profile = MemberProfile.objects.filter(user=user).first() or MemberProfile()
    channels = []
    if profile.remind_by_email and is_deliverable(user.email):
        channels.append(Channel.EMAIL)
    if profile.remind_by_sms and profile.phone and profile.phone_consent_at:
        channels.append(Channel.SMS)
    return channels


def agenda_published(meeting):
    """Whether the meeting's agenda is public: its page is live."""
    return meeting.live


def late_agenda_meetings(*, today):
    """Own-language meetings ahead whose agenda is not published though the
    council's days ahead have begun, as (meeting, site) pairs. A draft's
    date is its latest version's (the page row keeps the first one)."""
    start, _ = _day_bounds(today)
    _, end = _day_bounds(today + timedelta(days=AGENDA_DAYS_AHEAD_MAX))
    candidates = MeetingPage.objects.filter(locale=Locale.get_default()).filter(
        Q(live=False) | Q(starts_at__gte=start, starts_at__lt=end)
    )
    late = []
    for meeting in candidates:
        if agenda_published(meeting):
            continue
        current = meeting.get_latest_revision_as_object() or meeting
        days_left = (timezone.localtime(current.starts_at).date() - today).days
        site = meeting.get_site()
        if 0 <= days_left <= CouncilSettings.for_site(site).agenda_days_ahead:
            late.append((meeting, site))
    return late


def due_meetings(*, today):
    """(meeting, site, kind, roles) for every reminder kind due today."""
    due = [
        (meeting, meeting.get_site(), kind, REMINDED_ROLES)
        for kind, day in (
            (Kind.DAY_BEFORE, today + timedelta(days=1)),
            (Kind.SAME_DAY, today),
        )
        for meeting in meetings_on(day=day)
        if kind == Kind.DAY_BEFORE or meeting.starts_at > timezone.now()
    ]
    secretariat = (CouncilRole.SECRETARIAT,)
    due += [
        (meeting, site, Kind.AGENDA_LATE, secretariat)
        for meeting, site in late_agenda_meetings(today=today)
    ]
    return due


def meeting_reminders_record(*, today):
    """Record every reminder due today that is not recorded yet; return the
    ids of those to send now (new, or failed with attempts left)."""
    due = due_meetings(today=today)
    rows = [
        MeetingReminder(meeting=meeting, user=user, kind=kind, channel=channel)
        for meeting, site, kind, roles in due
        for user in council_people(site=site, roles=roles)
        for channel in _kind_channels(kind, user)
    ]
    MeetingReminder.objects.bulk_create(rows, ignore_conflicts=True)
    ids = []
    for meeting, _, kind, _ in due:
        ids += MeetingReminder.objects.filter(
            meeting=meeting,
            kind=kind,
            status__in=[Status.PENDING, Status.FAILED],
            attempts__lt=MAX_ATTEMPTS,
        ).values_list("pk", flat=True)
    return sorted(ids)


def _kind_channels(kind, user):
    """The secretariat's late-agenda reminder is an e-mail; the members'
    reminders go by the channels each chose."""
    if kind == Kind.AGENDA_LATE:
        return [Channel.EMAIL] if is_deliverable(user.email) else []
    return reminder_channels(user=user)


def meeting_reminders_send(*, today=None):
    """The daily run: record what is due and enqueue one task per reminder
    to send. Returns the ids enqueued."""
    today = today or timezone.localdate()
    ids = meeting_reminders_record(today=today)
    for reminder_id in ids:
        enqueue_on_commit(meeting_reminder_task, reminder_id)
    return ids


@task()
def meeting_reminder_task(reminder_id):
    """Background task: claim one reminder, send it, record how it went.
    Returns its status, or None if another run has it already."""
    claimed = MeetingReminder.objects.filter(
        pk=reminder_id,
        status__in=[Status.PENDING, Status.FAILED],
        attempts__lt=MAX_ATTEMPTS,
    ).update(status=Status.SENDING, attempts=F("attempts") + 1)
    if not claimed:
        return None
    reminder = MeetingReminder.objects.select_related("meeting", "user").get(
        pk=reminder_id
    )
    return meeting_reminder_deliver(reminder=reminder)


def meeting_reminder_deliver(*, reminder):
    """Send a claimed reminder, unless the person no longer wants it."""
    if not _still_wanted(reminder):
        return _finish(reminder, Status.CANCELLED)
    try:
        _send(reminder)
    except Exception as exc:
        logger.exception("Meeting reminder %s could not be sent", reminder.pk)
        return _finish(reminder, Status.FAILED, error=f"{exc}"[:500])
    return _finish(reminder, Status.SENT)


def _still_wanted(reminder):
    user = reminder.user
    if not user.is_active:
        return False
    return reminder.channel in _kind_channels(reminder.kind, user)


def _finish(reminder, status, *, error=""):
    reminder.status = status
    reminder.last_error = error
    reminder.sent_at = timezone.now() if status == Status.SENT else None
    reminder.save(update_fields=["status", "last_error", "sent_at"])
    return status


def reminder_context(*, reminder):
    """What the reminder's texts say. A draft's date and place are its
    latest version's."""
    meeting = reminder.meeting
    current = meeting if meeting.live else meeting.get_latest_revision_as_object()
    council = CouncilSettings.for_site(meeting.get_site())
    return {
        "meeting": current,
        "kind": reminder.kind,
        "starts_at": timezone.localtime(current.starts_at),
        "where": current.where,
        "url": meeting.get_full_url(),
        "edit_url": admin_url("wagtailadmin_pages:edit", meeting.pk),
        "council": council.name,
        "days_ahead": council.agenda_days_ahead,
    }


def _send(reminder):
    context = reminder_context(reminder=reminder)
    if reminder.channel == Channel.EMAIL:
        template = (
            "pages/mail/agenda_late"
            if reminder.kind == Kind.AGENDA_LATE
            else "pages/mail/meeting_reminder"
        )
        send_to_users(template, context, [reminder.user], raise_errors=True)
        return
    profile = MemberProfile.objects.get(user=reminder.user)
    with translation.override(user_language(reminder.user)):
        body = render_to_string("pages/sms/meeting_reminder.txt", context)
    send_text_message(to=profile.phone, body=" ".join(body.split()))
