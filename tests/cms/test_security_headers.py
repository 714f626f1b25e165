"""Every page carries a Content-Security-Policy (the strict public one on the
site, logged in or not; the admin's own in the admin) and every response a
Permissions-Policy that refuses camera, microphone, location and payment."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "eksempelby.localhost"}


def test_public_pages_carry_the_strict_csp_for_anonymous_visitors(client, council_a):
    response = client.get("/", **HOST)

    assert response["Content-Security-Policy"] == settings.CONTENT_SECURITY_POLICY
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_public_pages_carry_the_strict_csp_for_logged_in_staff(client_as, secretary_a):
    response = client_as(secretary_a).get("/", **HOST)

    assert response["Content-Security-Policy"] == settings.CONTENT_SECURITY_POLICY


@pytest.mark.parametrize("url", ["/admin/", "/admin/account/", "/admin/documents/"])
def test_admin_pages_carry_the_admin_csp(client_as, secretary_a, url):
    response = client_as(secretary_a).get(url)

    policy = response["Content-Security-Policy"]
    assert policy == settings.ADMIN_CONTENT_SECURITY_POLICY
    for directive in ("default-src 'self'", "object-src 'none'", "base-uri 'self'"):
        assert directive in policy
    assert "unsafe-eval" not in policy and "*" not in policy


def test_the_login_page_carries_the_admin_csp(client):
    response = client.get("/admin/login/")

    assert response["Content-Security-Policy"] == settings.ADMIN_CONTENT_SECURITY_POLICY


@pytest.mark.parametrize(
    "url",
    ["/", "/denne-side-findes-ikke/", "/admin/", "/admin/login/", "/kalender.ics"],
)
def test_every_response_refuses_powerful_browser_features(client, council_a, url):
    response = client.get(url, **HOST)

    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy
