"""The admin's help menu leads a council's staff to Talerør's own Danish
guide, not to Wagtail's English editor guide."""

import json

import pytest
from django.urls import reverse

GUIDE = "/admin/vejledning/"


@pytest.mark.parametrize("role", ["secretary_a", "chair_a", "member_a"])
def test_the_help_menu_offers_the_danish_guide_only(request, db, client_as, role):
    client = client_as(request.getfixturevalue(role))

    # The sidebar is rendered from JSON, which escapes letters such as ø.
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    guide = client.get(GUIDE)

    assert f'"label": {json.dumps("Talerør-vejledning")}' in html
    assert f'"url": "{GUIDE}"' in html
    assert "guide.wagtail.org" not in html
    assert guide.status_code == 200
    assert "Fra høring til offentliggjort høringssvar" in guide.content.decode()


def test_anonymous_visitors_are_sent_to_the_login(db, client):
    response = client.get(GUIDE)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
