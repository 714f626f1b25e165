"""Guessing stops: after a handful of wrong passwords the right one is
refused too, with a Danish page that says when to try again; password-reset
mails cannot be requested without limit."""

import logging
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def axes_on(settings):
    """The suite logs in with client.login(), which axes cannot watch; here
    it watches the real login page."""
    settings.AXES_ENABLED = True


def attempt(client, user, password, ip="192.0.2.10"):
    return client.post(
        LOGIN, {"username": user.username, "password": password}, REMOTE_ADDR=ip
    )


def guess(client, user, times, ip="192.0.2.10"):
    for n in range(times):
        response = attempt(client, user, f"forkert-{n}", ip=ip)
        assert response.status_code in (200, 429)
    return response


def test_after_five_wrong_passwords_the_right_one_is_refused(
    client, secretary_a, settings
):
    guess(client, secretary_a, settings.AXES_FAILURE_LIMIT)

    response = attempt(client, secretary_a, TEST_PASSWORD)

    assert response.status_code == 429
    html = response.content.decode()
    assert "Adgangskoden er tastet forkert for mange gange" in html
    assert "Prøv igen om 15 minutter" in html
    assert "_auth_user_id" not in client.session


def test_four_wrong_passwords_still_let_the_right_one_in(client, secretary_a):
    guess(client, secretary_a, 4)

    response = attempt(client, secretary_a, TEST_PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(secretary_a.pk)


def test_the_lockout_is_for_that_username_from_that_address(
    client, secretary_a, chair_a, settings
):
    guess(client, secretary_a, settings.AXES_FAILURE_LIMIT, ip="192.0.2.10")

    other_address = attempt(client, secretary_a, TEST_PASSWORD, ip="198.51.100.7")
    client.logout()
    other_user = attempt(client, chair_a, TEST_PASSWORD, ip="192.0.2.10")

    assert other_address.status_code == 302
    assert other_user.status_code == 302


def test_the_lockout_is_over_after_the_wait(client, secretary_a, settings):
    guess(client, secretary_a, settings.AXES_FAILURE_LIMIT)
    AccessAttempt.objects.update(  # the 15 minutes have passed
        attempt_time=timezone.now() - timedelta(minutes=16)
    )

    assert attempt(client, secretary_a, TEST_PASSWORD).status_code == 302


def test_logins_are_logged(client, secretary_a, caplog):
    with caplog.at_level(logging.INFO, logger="axes"):
        attempt(client, secretary_a, "forkert")
        attempt(client, secretary_a, TEST_PASSWORD)

    text = caplog.text
    assert "login failure" in text.lower() and "sekretaer-a" in text
    assert "successful login" in text.lower()


def reset(client, email, ip="192.0.2.10"):
    return client.post(
        reverse("wagtailadmin_password_reset"), {"email": email}, REMOTE_ADDR=ip
    )


def test_password_reset_mails_are_limited_per_person(client, secretary_a, settings):
    settings.PASSWORD_RESET_LIMIT = 3
    for n in range(3):
        assert reset(client, secretary_a.email, ip=f"192.0.2.{n}").status_code == 302

    response = reset(client, secretary_a.email, ip="192.0.2.99")

    assert response.status_code == 429
    assert "Prøv igen om 60 minutter" in response.content.decode()
    assert len(mail.outbox) == 3


def test_password_reset_requests_are_limited_per_address(client, settings):
    settings.PASSWORD_RESET_LIMIT = 3
    for n in range(3):
        reset(client, f"nogen{n}@example.org")

    assert reset(client, "endnu-en@example.org").status_code == 429
    assert reset(client, "endnu-en@example.org", ip="198.51.100.7").status_code == 302


def test_the_reset_limit_does_not_tell_who_has_an_account(
    client, secretary_a, settings
):
    """An unknown e-mail is answered and counted exactly like a known one."""
    settings.PASSWORD_RESET_LIMIT = 1
    known = [reset(client, secretary_a.email, ip="192.0.2.1") for _ in range(2)]
    unknown = [reset(client, "ingen@example.org", ip="192.0.2.2") for _ in range(2)]

    assert [r.status_code for r in known] == [r.status_code for r in unknown]
    assert [r.status_code for r in known] == [302, 429]
