"""Wagtail's user list shows the platform administrator each person's
council and role (cms.user_admin)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.models import CouncilRole
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
USERS = reverse("wagtailusers_users:index")


def row_of(page, user):
    """The table row that names the user (in its username cell)."""
    cell = re.compile(rf">\s*{re.escape(user.get_username())}\s*</td>")
    (row,) = [row for row in page.split("<tr")[1:] if cell.search(row)]
    return row


def test_the_user_list_shows_council_and_role(
    client_as, superuser, secretary_a, chair_b
):
    page = client_as(superuser).get(USERS).content.decode()

    assert "Rolle" in page
    row_a = row_of(page, secretary_a)
    assert "Udsatterådet i Eksempelby" in row_a and "Sekretariat" in row_a
    row_b = row_of(page, chair_b)
    assert "Udsatterådet i Prøvestrup" in row_b and "Formandskab" in row_b
    assert "Udsatterådet" not in row_of(page, superuser)


def test_the_councils_cost_no_query_per_person(client_as, superuser, council_a):
    client = client_as(superuser)
    UserFactory(username="en", council_role=(council_a, CouncilRole.MEMBERS))
    client.get(USERS)
    with CaptureQueriesContext(connection) as few:
        client.get(USERS)
    for n in range(8):
        UserFactory(username=f"flere{n}", council_role=(council_a, CouncilRole.MEMBERS))

    with CaptureQueriesContext(connection) as many:
        client.get(USERS)

    assert len(many) == len(few)
