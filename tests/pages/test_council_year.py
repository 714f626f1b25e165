"""A council's year, tried as its secretariat works it, every step through
the real admin views and the daily command: the year is planned with the
budget's window for influence, the agenda of a meeting at a drop-in centre
is approved a week ahead, the members are reminded by text message the day
before, and the approved minutes come out with an easy-read version and a
poster for the notice board — and the public sees each part only once the
chairs have approved it. Runs on SQLite and on PostgreSQL like the suite."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cms import text_messages
from cms.models import MeetingPlace
from pages.models import AnnualPlanPage
from tests.cms.test_meeting_places import DROP_IN_CENTRE, settings_url
from tests.factories import council_settings_form
from tests.pages.reminder_fixtures import run_reminders
from tests.pages.test_annual_plan import create_url, plan_form
from tests.pages.test_meeting_structure import (
    approve,
    item_row,
    submit_minutes,
    submit_new_meeting,
)
from tests.workflows.conftest import AdminDriver

HOST_A = "eksempelby.localhost"
EASY_MINUTES = "Vi talte om varme pladser om natten. Vi skriver til byrådet."


@pytest.fixture
def admin(client, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    text_messages.outbox.clear()
    return AdminDriver(client=client, capture=django_capture_on_commit_callbacks)


@pytest.fixture
def meeting_day():
    """A week and a day from now: the agenda can still come out in time."""
    return timezone.localdate() + datetime.timedelta(days=8)


def public_text(client, url):
    response = client.get(url, HTTP_HOST=HOST_A)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser").main.get_text(" ")


def plan_the_year(admin, secretary, chair, council, year):
    seminar = {
        "title": "Budgetseminar i byrådet",
        "starts_on": datetime.date(year, 3, 12),
        "kind": "budget",
        "description": "Her lægger byrådet linjen for næste år.",
    }
    admin.as_user(secretary)
    data = plan_form(None, [seminar], title=f"Årshjul {year}", year=str(year))
    response = admin._post(create_url(council), {**data, "action-submit": "1"})
    assert response.status_code == 302
    return approve(admin, chair, AnnualPlanPage.objects.get(year=year))


def add_drop_in_centre(admin, secretary, council):
    admin.as_user(secretary)
    response = admin._post(
        settings_url(council), council_settings_form(council, DROP_IN_CENTRE)
    )
    assert response.status_code == 302
    return MeetingPlace.objects.get(council_settings__site=council)


def choose_text_messages(admin, secretary, member):
    admin.as_user(secretary)
    person = reverse("cms_person", args=[member.pk])
    response = admin._post(
        person,
        {
            "action": "profile",
            "phone": "20 30 40 50",
            "phone_consent": "on",
            "remind_by_sms": "on",
        },
    )
    assert response.status_code == 302


def test_a_council_runs_its_year(
    admin, client, council_a, secretary_a, chair_a, member_a, meeting_day
):
    plan = plan_the_year(admin, secretary_a, chair_a, council_a, meeting_day.year)
    place = add_drop_in_centre(admin, secretary_a, council_a)
    choose_text_messages(admin, secretary_a, member_a)

    meeting = submit_new_meeting(
        admin,
        secretary_a,
        council_a,
        title="Rådsmøde om natten",
        starts_at=f"{meeting_day.isoformat()} 17:00",
        place=place.pk,
        location="",
        items=[item_row("Varme pladser om natten", easy="Hvor kan man sove?")],
    )
    client.logout()
    assert client.get(meeting.url, HTTP_HOST=HOST_A).status_code == 404
    meeting = approve(admin, chair_a, meeting)

    # A week ahead the agenda is out: the secretariat is not told it is late.
    run_reminders(meeting_day - datetime.timedelta(days=7))
    assert [m for m in mail.outbox if "Dagsordenen er forsinket" in m.subject] == []
    agenda = public_text(client, meeting.url)
    assert "Varme pladser om natten" in agenda
    assert "Værestedet Kilden" in agenda

    # The day before, the member who chose text messages gets one.
    run_reminders(meeting_day - datetime.timedelta(days=1))
    texts = [sms for sms in text_messages.outbox if sms["to"] == "20304050"]
    assert len(texts) == 1
    assert "i morgen" in texts[0]["body"]
    assert "Værestedet Kilden, Kildevej 7, Eksempelby" in texts[0]["body"]

    # After the meeting: the minutes, public only once the chairs approve.
    item = meeting.agenda_items.get()
    minutes = submit_minutes(
        admin,
        secretary_a,
        meeting,
        easy=EASY_MINUTES,
        decisions=[(item, "Rådet skriver til byrådet om flere pladser.", "")],
        attendance=[(member_a, "present")],
    )
    client.logout()
    assert EASY_MINUTES not in public_text(client, meeting.url)
    approve(admin, chair_a, minutes)

    client.logout()
    assert EASY_MINUTES in public_text(client, meeting.url)
    poster = public_text(client, meeting.url + "opslag/")
    assert "Vi talte om varme pladser om natten." in poster
    assert "Værestedet Kilden" in poster

    year = public_text(client, plan.url)
    assert "Budgetseminar i byrådet" in year
    assert "Budget: et vindue for indflydelse" in year
    assert "Rådsmøde om natten" in year
