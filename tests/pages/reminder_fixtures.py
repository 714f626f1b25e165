"""Shared scene of the meeting-reminder tests: council A meets on
MEETING_DAY at 17.00 at a drop-in centre on its list of places."""

import datetime
import io
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from cms.models import CouncilSettings, MemberProfile
from pages.models import MeetingIndexPage
from tests.factories import MeetingPageFactory

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
MEETING_DAY = datetime.date(2027, 3, 10)
DAY_BEFORE = MEETING_DAY - datetime.timedelta(days=1)


def meeting_of(site, *, day=MEETING_DAY, live=True, title="Rådsmøde i marts"):
    settings = CouncilSettings.for_site(site)
    place = settings.meeting_places.model.objects.create(
        council_settings=settings,
        name="Værestedet Kilden",
        address="Kildevej 7, Eksempelby",
        sort_order=0,
    )
    index = MeetingIndexPage.objects.child_of(site.root_page).get()
    return MeetingPageFactory(
        parent=index,
        title=title,
        starts_at=datetime.datetime.combine(day, datetime.time(17), COPENHAGEN),
        place=place,
        location="",
        live=live,
    )


def run_reminders(day):
    """`manage.py send_meeting_reminders --date DAY`; its output. The test's
    transaction never commits: its commit callbacks (the enqueueing of the
    tasks) run as the command's own would, at once."""
    out = io.StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_meeting_reminders", date=day.isoformat(), stdout=out)
    return out.getvalue()


def choose(user, *, email=True, sms=False, phone=""):
    """The person's own choices, as the secretariat records them."""
    MemberProfile.objects.update_or_create(
        user=user,
        defaults={
            "remind_by_email": email,
            "remind_by_sms": sms,
            "phone": phone,
            "phone_consent_at": timezone.now() if phone else None,
        },
    )
