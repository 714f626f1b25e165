"""A text message the SMS gateway (a real separate process) refuses is tried
again on the next run, a bounded number of times, and shown to the council's
secretariat in the admin — to no other council's."""

import pytest
from django.core import mail
from django.core.management.base import CommandError
from django.urls import reverse

from cms import text_messages
from pages.meeting_reminders import MAX_ATTEMPTS
from pages.models import MeetingReminder
from tests.pages.reminder_fixtures import DAY_BEFORE, choose, meeting_of, run_reminders
from tests.sms_gateway import FakeSmsGateway

REPORT = "pages_failed_reminders"


@pytest.fixture
def texting_member(council_a, member_a):
    meeting_of(council_a)
    choose(member_a, email=False, sms=True, phone="+4520304050")
    mail.outbox.clear()
    text_messages.outbox.clear()
    return member_a


def gateway_settings(settings, gateway):
    settings.SMS_BACKEND = "cms.text_messages.HttpGatewayBackend"
    settings.SMS_GATEWAY_URL = gateway.url
    settings.SMS_GATEWAY_TOKEN = "gateway-token-123"


def failing_run(day):
    with pytest.raises(CommandError, match="tried again on the next run"):
        run_reminders(day)


def test_a_refused_text_message_is_shown_and_sent_on_the_next_run(
    settings, tmp_path, client_as, texting_member, secretary_a
):
    with FakeSmsGateway(tmp_path / "gateway.jsonl", fail=1) as gateway:
        gateway_settings(settings, gateway)
        failing_run(DAY_BEFORE)

        html = client_as(secretary_a).get(reverse(REPORT)).content.decode()
        assert texting_member.get_full_name() in html
        assert "SMS-tjenesten svarede 503." in html
        assert "1 af 3" in html
        dashboard = client_as(secretary_a).get(reverse("wagtailadmin_home"))
        assert "1 påmindelse til et medlem kunne ikke sendes." in dashboard.text

        run_reminders(DAY_BEFORE)
        requests = gateway.requests()

    assert [request["status"] for request in requests] == [503, 202]
    assert requests[1]["authorization"] == "Bearer gateway-token-123"
    assert requests[1]["body"]["to"] == "+4520304050"
    assert "møde i morgen" in requests[1]["body"]["body"]
    reminder = MeetingReminder.objects.get()
    assert (reminder.status, reminder.attempts) == ("sent", 2)
    html = client_as(secretary_a).get(reverse(REPORT)).content.decode()
    assert texting_member.get_full_name() not in html
    assert "Alle påmindelser er sendt." in html


def test_a_reminder_is_tried_a_bounded_number_of_times(
    settings, tmp_path, texting_member
):
    with FakeSmsGateway(tmp_path / "gateway.jsonl", fail=10) as gateway:
        gateway_settings(settings, gateway)
        for _ in range(MAX_ATTEMPTS):
            failing_run(DAY_BEFORE)
        run_reminders(DAY_BEFORE)
        tried = len(gateway.requests())

    assert tried == MAX_ATTEMPTS
    assert MeetingReminder.objects.get().attempts == MAX_ATTEMPTS


def test_another_councils_secretariat_does_not_see_the_failure(
    settings, tmp_path, client_as, texting_member, secretary_b
):
    with FakeSmsGateway(tmp_path / "gateway.jsonl", fail=1) as gateway:
        gateway_settings(settings, gateway)
        failing_run(DAY_BEFORE)

    html = client_as(secretary_b).get(reverse(REPORT)).content.decode()
    assert texting_member.get_full_name() not in html
    assert "Alle påmindelser er sendt." in html
    dashboard = client_as(secretary_b).get(reverse("wagtailadmin_home"))
    assert "kunne ikke sendes" not in dashboard.text


@pytest.mark.parametrize("who", ["member_a", "chair_a"])
def test_only_the_secretariat_opens_the_report(request, db, client_as, who):
    user = request.getfixturevalue(who)
    assert client_as(user).get(reverse(REPORT)).status_code in (302, 403)


def test_the_report_is_in_the_secretariats_reports_menu(client_as, secretary_a):
    dashboard = client_as(secretary_a).get(reverse("wagtailadmin_home"))
    assert reverse(REPORT) in dashboard.text
