"""A password alone does not open the admin: every role shows a second
factor (an authenticator app's code, or a single-use recovery code)."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms import two_factor
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

ADMIN_PAGES = ["/admin/", "/admin/pages/", "/admin/snippets/", "/admin/account/"]
ROLES = ["secretary_a", "chair_a", "member_a", "superuser"]


@pytest.fixture(autouse=True)
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True
    return settings


@pytest.fixture
def superuser(db):
    return UserFactory(username="platform", is_superuser=True, is_staff=True)


def log_in(client, user):
    """The password step of the admin's own login page."""
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": user.username, "password": TEST_PASSWORD},
    )
    assert response.status_code == 302, "the password was refused"
    return response


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def wrong_code(device):
    return f"{(int(current_code(device)) + 500_000) % 1_000_000:06d}"


def enrol(client):
    """Set up an app from the enrolment page, as its owner would."""
    page = client.get(reverse(two_factor.ENROL_URL))
    device = TOTPDevice.objects.get(user=page.wsgi_request.user, confirmed=False)
    response = client.post(
        reverse(two_factor.ENROL_URL), {"code": current_code(device), "next": "/admin/"}
    )
    return device, response


def recovery_codes(client, response):
    page = client.get(response["Location"])
    return re.findall(r"<li><code>([a-z0-9]+)</code></li>", page.content.decode())


@pytest.mark.parametrize("role", ROLES)
def test_a_password_alone_opens_no_admin_page(db, request, client, role):
    user = request.getfixturevalue(role)
    log_in(client, user)

    for url in ADMIN_PAGES:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse(two_factor.ENROL_URL))


@pytest.mark.parametrize("role", ROLES)
def test_enrolment_with_a_real_code_opens_the_admin(db, request, client, role):
    user = request.getfixturevalue(role)
    log_in(client, user)

    page = client.get(reverse(two_factor.ENROL_URL))
    html = page.content.decode()
    assert "<svg" in html and "Indtast denne nøgle" in html
    _device, response = enrol(client)

    assert response.status_code == 302
    assert len(recovery_codes(client, response)) == 10
    assert client.get("/admin/").status_code == 200
    assert TOTPDevice.objects.get(user=user).confirmed


def test_the_qr_code_is_drawn_in_the_page_not_fetched(client, secretary_a):
    log_in(client, secretary_a)

    html = client.get(reverse(two_factor.ENROL_URL)).content.decode()

    assert re.search(r"<svg[^>]*>.*<path", html, re.S)
    assert "otpauth://" not in html  # the secret is in the drawing, not a link
    assert "style=" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]


def test_a_wrong_enrolment_code_opens_nothing(client, secretary_a):
    log_in(client, secretary_a)
    client.get(reverse(two_factor.ENROL_URL))
    device = TOTPDevice.objects.get(user=secretary_a)

    response = client.post(reverse(two_factor.ENROL_URL), {"code": wrong_code(device)})

    assert response.status_code == 200
    assert "Koden er ikke rigtig" in response.content.decode()
    assert client.get("/admin/").status_code == 302
    device.refresh_from_db()
    assert not device.confirmed


@pytest.fixture
def enrolled(client, chair_a):
    """Council A's chair with an app and recovery codes, logged out again."""
    log_in(client, chair_a)
    device, response = enrol(client)
    codes = recovery_codes(client, response)
    client.logout()
    return device, codes


def test_with_an_app_the_password_leads_to_the_code_check(client, chair_a, enrolled):
    log_in(client, chair_a)

    response = client.get("/admin/pages/")

    assert response["Location"].startswith(reverse(two_factor.VERIFY_URL))
    assert "next=%2Fadmin%2Fpages%2F" in response["Location"]


def test_a_wrong_code_is_refused_and_the_admin_stays_closed(client, chair_a, enrolled):
    device, _codes = enrolled
    log_in(client, chair_a)

    response = client.post(reverse(two_factor.VERIFY_URL), {"code": wrong_code(device)})

    assert response.status_code == 200
    assert "Koden er ikke rigtig" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_the_apps_code_opens_the_admin_where_the_person_was_going(
    client, chair_a, enrolled, settings
):
    device, _codes = enrolled
    log_in(client, chair_a)
    device.refresh_from_db()
    device.last_t = -1  # the code enrolment used is spent; take a fresh one
    device.save()

    response = client.post(
        reverse(two_factor.VERIFY_URL),
        {"code": current_code(device), "next": "/admin/account/"},
    )

    assert response["Location"] == "/admin/account/"
    assert client.get("/admin/account/").status_code == 200


def test_a_recovery_code_works_once_only(client, chair_a, enrolled):
    _device, codes = enrolled
    log_in(client, chair_a)

    first = client.post(reverse(two_factor.VERIFY_URL), {"code": codes[0]})
    assert first.status_code == 302
    assert client.get("/admin/").status_code == 200
    client.logout()

    log_in(client, chair_a)
    again = client.post(reverse(two_factor.VERIFY_URL), {"code": codes[0]})
    assert again.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_too_many_wrong_codes_stop_even_the_right_one(
    client, chair_a, enrolled, settings
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # only the person's own counter
    device, codes = enrolled
    log_in(client, chair_a)
    for _ in range(settings.TWO_FACTOR_FAILURE_LIMIT):
        client.post(reverse(two_factor.VERIFY_URL), {"code": wrong_code(device)})

    response = client.post(reverse(two_factor.VERIFY_URL), {"code": codes[0]})

    assert response.status_code == 429
    assert "For mange forkerte koder. Prøv igen om 15 minutter" in (
        response.content.decode()
    )
    assert client.get("/admin/").status_code == 302


def test_the_apps_own_throttle_makes_the_next_try_wait(client, chair_a, enrolled):
    device, _codes = enrolled
    log_in(client, chair_a)
    client.post(reverse(two_factor.VERIFY_URL), {"code": wrong_code(device)})
    device.refresh_from_db()
    device.last_t = -1
    device.save()

    response = client.post(
        reverse(two_factor.VERIFY_URL), {"code": current_code(device)}
    )

    assert "Vent et par sekunder" in response.content.decode()


def test_an_unverified_session_is_anonymous_on_the_public_site(
    client, secretary_a, council_a
):
    log_in(client, secretary_a)

    response = client.get("/", HTTP_HOST="eksempelby.localhost")

    assert not response.wsgi_request.user.is_authenticated


def test_the_platform_administrator_resets_a_persons_second_factor(
    client, chair_a, enrolled, superuser
):
    log_in(client, superuser)
    enrol(client)
    url = reverse(two_factor.RESET_URL, args=[chair_a.pk])
    listing = client.get(reverse("wagtailusers_users:index"))
    assert url in listing.content.decode()

    response = client.post(url)

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=chair_a).exists()
    assert not StaticDevice.objects.filter(user=chair_a).exists()
    client.logout()
    log_in(client, chair_a)
    assert client.get("/admin/")["Location"].startswith(reverse(two_factor.ENROL_URL))


def test_council_staff_cannot_reset_anyones_second_factor(
    client, secretary_a, chair_a, enrolled
):
    log_in(client, secretary_a)
    enrol(client)

    response = client.post(reverse(two_factor.RESET_URL, args=[chair_a.pk]))

    assert response.status_code == 404
    assert TOTPDevice.objects.filter(user=chair_a).exists()


def test_reset_two_factor_command(chair_a, enrolled, capsys):
    call_command("reset_two_factor", chair_a.username)

    assert not TOTPDevice.objects.filter(user=chair_a).exists()
    assert "formand-a" in capsys.readouterr().out


def test_without_the_requirement_a_password_opens_the_admin(
    client, secretary_a, settings
):
    settings.TWO_FACTOR_REQUIRED = False
    log_in(client, secretary_a)

    assert client.get("/admin/").status_code == 200
