"""The hearing admin as each role: secretary, chair, member, another council's
staff and an anonymous visitor. Real Wagtail views, driven by the test client."""

import datetime

import pytest
from django.urls import reverse

from hearings.models import Hearing, HearingResponsePage, HearingStatus
from tests.factories import HearingFactory, HearingResponsePageFactory, ThemeFactory
from tests.hearings.conftest import hearing_form_data

# Some tests pick their user fixture by name at run time; the marker keeps
# them ordered with the database tests (before any transactional test).
pytestmark = pytest.mark.django_db

LIST = reverse("hearings_hearing:list")
ADD = reverse("hearings_hearing:add")


def refused(response):
    """Wagtail answers a permission error with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302
        and response["Location"] == reverse("wagtailadmin_home")
    )


def edit_url(hearing):
    return reverse("hearings_hearing:edit", args=[hearing.pk])


def delete_url(hearing):
    return reverse("hearings_hearing:delete", args=[hearing.pk])


def history_url(hearing):
    return reverse("hearings_hearing:history", args=[hearing.pk])


def respond_url(hearing):
    return reverse("hearings_hearing:respond", args=[hearing.pk])


@pytest.fixture
def hearing_a(council_a):
    return HearingFactory(council=council_a, title="Høring om varmestuen")


@pytest.fixture
def hearing_b(council_b):
    return HearingFactory(council=council_b, title="Høring om Prøvestrups bybus")


# Listing ------------------------------------------------------------------


def test_secretary_lists_only_own_councils_hearings(
    client_as, secretary_a, hearing_a, hearing_b
):
    response = client_as(secretary_a).get(LIST)
    assert response.status_code == 200
    assert "Høring om varmestuen" in response.content.decode()
    assert "Prøvestrups bybus" not in response.content.decode()


@pytest.mark.parametrize("user", ["chair_a", "member_a"])
def test_chair_and_member_see_the_list(request, client_as, user, hearing_a):
    response = client_as(request.getfixturevalue(user)).get(LIST)
    assert response.status_code == 200
    assert "Høring om varmestuen" in response.content.decode()


def test_list_shows_status_and_overdue_in_words(client_as, secretary_a, council_a):
    today = datetime.date.today()
    HearingFactory(
        council=council_a,
        title="Forsinket høring",
        received_on=today - datetime.timedelta(days=30),
        deadline=today - datetime.timedelta(days=2),
    )
    html = client_as(secretary_a).get(LIST).content.decode()
    assert "Fristen er overskredet uden offentliggjort svar" in html
    assert "Fristen er overskredet med 2 dage" in html


def test_list_filters_by_status_theme_and_search(client_as, secretary_a, council_a):
    theme = ThemeFactory(name="Værtshuse")
    today = datetime.date.today()
    HearingFactory(council=council_a, title="Om værtshuse", themes=[theme])
    HearingFactory(
        council=council_a,
        title="Om busruter",
        received_on=today - datetime.timedelta(days=30),
        deadline=today - datetime.timedelta(days=1),
    )
    client = client_as(secretary_a)

    overdue = client.get(LIST, {"status": HearingStatus.OVERDUE}).content.decode()
    by_theme = client.get(LIST, {"themes": theme.pk}).content.decode()
    searched = client.get(LIST, {"q": "busruter"}).content.decode()

    assert "Om busruter" in overdue and "Om værtshuse" not in overdue
    assert "Om værtshuse" in by_theme and "Om busruter" not in by_theme
    assert "Om busruter" in searched and "Om værtshuse" not in searched


def test_list_filters_by_year_and_deadline(client_as, secretary_a, council_a):
    HearingFactory(
        council=council_a,
        title="Gammel høring",
        received_on=datetime.date(2024, 3, 1),
        deadline=datetime.date(2024, 3, 29),
    )
    HearingFactory(
        council=council_a,
        title="Ny høring",
        received_on=datetime.date(2026, 3, 1),
        deadline=datetime.date(2026, 3, 29),
    )
    client = client_as(secretary_a)
    by_year = client.get(LIST, {"year": 2024}).content.decode()
    by_deadline = client.get(
        LIST, {"deadline_from": "2026-01-01", "deadline_to": "2026-12-31"}
    ).content.decode()
    assert "Gammel høring" in by_year and "Ny høring" not in by_year
    assert "Ny høring" in by_deadline and "Gammel høring" not in by_deadline


def test_anonymous_is_sent_to_the_login(client, hearing_a):
    for url in (LIST, edit_url(hearing_a), history_url(hearing_a)):
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


# Creating ------------------------------------------------------------------


def test_secretary_creates_a_hearing_for_own_council_whatever_is_posted(
    client_as, secretary_a, council_a, council_b
):
    data = hearing_form_data(council=council_b.pk, title="Ny høring om bostøtte")
    response = client_as(secretary_a).post(ADD, data)
    assert response.status_code == 302
    hearing = Hearing.objects.get(title="Ny høring om bostøtte")
    assert hearing.council == council_a
    assert hearing.history.get().history_user == secretary_a


@pytest.mark.parametrize("user", ["chair_a", "member_a"])
def test_chair_and_member_cannot_create(request, client_as, user):
    client = client_as(request.getfixturevalue(user))
    assert refused(client.get(ADD))
    assert refused(client.post(ADD, hearing_form_data()))
    assert not Hearing.objects.exists()


# Editing -------------------------------------------------------------------


@pytest.mark.parametrize("user", ["secretary_a", "chair_a"])
def test_secretary_and_chair_edit(request, client_as, user, hearing_a):
    client = client_as(request.getfixturevalue(user))
    assert client.get(edit_url(hearing_a)).status_code == 200
    data = hearing_form_data(hearing_a, title="Høring om varmestuen, 2. udgave")
    assert client.post(edit_url(hearing_a), data).status_code == 302
    hearing_a.refresh_from_db()
    assert hearing_a.title == "Høring om varmestuen, 2. udgave"


def test_member_can_read_the_hearing_and_its_history_but_not_edit(
    client_as, member_a, hearing_a
):
    client = client_as(member_a)
    inspect = client.get(reverse("hearings_hearing:inspect", args=[hearing_a.pk]))
    assert inspect.status_code == 200
    assert hearing_a.committee in inspect.content.decode()
    assert refused(client.get(edit_url(hearing_a)))
    assert refused(client.post(edit_url(hearing_a), hearing_form_data(hearing_a)))
    assert client.get(history_url(hearing_a)).status_code == 200


def test_the_council_of_a_hearing_cannot_be_changed_by_staff(
    client_as, secretary_a, hearing_a, council_a, council_b
):
    data = hearing_form_data(hearing_a, council=council_b.pk)
    client_as(secretary_a).post(edit_url(hearing_a), data)
    hearing_a.refresh_from_db()
    assert hearing_a.council == council_a


@pytest.mark.parametrize("user", ["secretary_b", "chair_b"])
def test_other_councils_staff_cannot_see_or_touch_a_hearing(
    request, client_as, user, hearing_a
):
    client = client_as(request.getfixturevalue(user))
    for url in (
        edit_url(hearing_a),
        delete_url(hearing_a),
        history_url(hearing_a),
        respond_url(hearing_a),
        reverse("hearings_hearing:usage", args=[hearing_a.pk]),
        reverse("hearings_hearing:inspect", args=[hearing_a.pk]),
    ):
        assert client.get(url).status_code == 404, url
    data = hearing_form_data(hearing_a, title="Overtaget")
    assert client.post(edit_url(hearing_a), data).status_code == 404
    assert client.post(delete_url(hearing_a)).status_code == 404
    assert client.post(respond_url(hearing_a)).status_code == 404
    hearing_a.refresh_from_db()
    assert hearing_a.title == "Høring om varmestuen"
    assert not HearingResponsePage.objects.exists()


def test_the_hearing_chooser_offers_own_council_only(
    client_as, secretary_a, hearing_a, hearing_b
):
    url = reverse("wagtailsnippetchoosers_hearings_hearing:choose")
    html = client_as(secretary_a).get(url).json()["html"]
    assert "Høring om varmestuen" in html
    assert "Prøvestrups bybus" not in html


# Deleting -------------------------------------------------------------------


def test_secretary_deletes_a_hearing_without_response(
    client_as, secretary_a, hearing_a
):
    response = client_as(secretary_a).post(delete_url(hearing_a))
    assert response.status_code == 302
    assert not Hearing.objects.filter(pk=hearing_a.pk).exists()


def test_chair_cannot_delete(client_as, chair_a, hearing_a):
    assert refused(client_as(chair_a).post(delete_url(hearing_a)))
    assert Hearing.objects.filter(pk=hearing_a.pk).exists()


# Dashboard and starting the response ---------------------------------------


def test_dashboard_lists_open_hearings_by_deadline_with_overdue_in_words(
    client_as, secretary_a, council_a, council_b, index_a
):
    today = datetime.date.today()
    HearingFactory(
        council=council_a,
        title="Senere frist",
        received_on=today,
        deadline=today + datetime.timedelta(days=20),
    )
    late = HearingFactory(
        council=council_a,
        title="Overskredet frist",
        received_on=today - datetime.timedelta(days=30),
        deadline=today - datetime.timedelta(days=3),
    )
    done = HearingFactory(council=council_a, title="Færdig høring")
    HearingResponsePageFactory(parent=index_a, hearing=done, published=True)
    HearingFactory(council=council_b, title="Andet råds høring")
    draft = HearingResponsePageFactory(parent=index_a, hearing=late)

    html = client_as(secretary_a).get(reverse("wagtailadmin_home")).content.decode()

    assert html.index("Overskredet frist") < html.index("Senere frist")
    assert "Fristen er overskredet med 3 dage" in html
    assert "20 dage tilbage" in html
    assert "Færdig høring" not in html and "Andet råds høring" not in html
    assert reverse("wagtailadmin_pages:edit", args=[draft.pk]) in html
    assert "Skriv høringssvaret" in html


def test_chair_sees_the_dashboard_panel_member_does_not(
    client_as, chair_a, member_a, hearing_a
):
    home = reverse("wagtailadmin_home")
    assert "Høring om varmestuen" in client_as(chair_a).get(home).content.decode()
    assert "Høring om varmestuen" not in client_as(member_a).get(home).content.decode()


def test_write_the_response_creates_one_draft_and_opens_it(
    client_as, secretary_a, hearing_a, index_a
):
    client = client_as(secretary_a)
    first = client.post(respond_url(hearing_a))
    second = client.post(respond_url(hearing_a))

    page = HearingResponsePage.objects.get(hearing=hearing_a)
    assert first["Location"] == second["Location"]
    assert first["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live
    assert page.get_parent().pk == index_a.pk
    assert page.owner == secretary_a


def test_a_member_cannot_start_a_response(client_as, member_a, hearing_a):
    client_as(member_a).post(respond_url(hearing_a))
    assert not HearingResponsePage.objects.exists()


def test_respond_link_asks_before_creating(client_as, secretary_a, hearing_a):
    response = client_as(secretary_a).get(respond_url(hearing_a))
    assert response.status_code == 200
    assert "Begynd på høringssvaret" in response.content.decode()
    assert not HearingResponsePage.objects.exists()
