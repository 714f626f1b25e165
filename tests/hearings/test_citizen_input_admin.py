"""Citizens' input in the admin: the council's secretariat and chairs read
it on the hearing and beside the draft response; members (it is personal
data) and other councils' staff never see it; it is deleted one by one or
automatically when its time is up, and no history keeps a copy."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hearings.models import CitizenInput
from tests.factories import HearingFactory, HearingResponsePageFactory

TEXT = "Lad værestedet holde åbent til kl. 22, det er her, vi mødes."
CONTACT = "jens@example.org"


@pytest.fixture
def hearing(council_a):
    return HearingFactory(
        council=council_a,
        title="Høring om værestedets åbningstid",
        deadline=timezone.localdate() + datetime.timedelta(days=10),
    )


@pytest.fixture
def citizen_input(hearing):
    return CitizenInput.objects.create(
        hearing=hearing, text=TEXT, name="Jens Jensen", contact=CONTACT
    )


def input_url(hearing):
    return reverse("hearings_hearing:citizen_input", args=[hearing.pk])


def delete_url(citizen_input):
    return reverse(
        "hearings_hearing:citizen_input_delete",
        args=[citizen_input.hearing_id, citizen_input.pk],
    )


@pytest.mark.parametrize("role", ["secretary_a", "chair_a"])
def test_secretariat_and_chairs_read_the_input_with_contact_details(
    request, db, client_as, citizen_input, role
):
    client = client_as(request.getfixturevalue(role))

    page = client.get(input_url(citizen_input.hearing)).content.decode()

    assert TEXT in page
    assert "Jens Jensen" in page
    assert CONTACT in page
    assert "1 borger har skrevet til rådet om denne høring." in page
    assert "slettes automatisk 90 dage efter" in page


def test_a_member_does_not_see_the_input(client_as, member_a, citizen_input):
    client = client_as(member_a)

    answer = client.get(input_url(citizen_input.hearing), follow=True)
    deleting = client.post(delete_url(citizen_input))

    # Wagtail answers a refused admin view with the dashboard and a message.
    assert answer.redirect_chain == [("/admin/", 302)]
    assert TEXT not in answer.content.decode()
    assert deleting.status_code == 302
    assert CitizenInput.objects.filter(pk=citizen_input.pk).exists()


@pytest.mark.parametrize("role", ["secretary_b", "chair_b"])
def test_another_councils_staff_get_not_found(
    request, db, client_as, citizen_input, role
):
    client = client_as(request.getfixturevalue(role))

    assert client.get(input_url(citizen_input.hearing)).status_code == 404
    assert client.post(delete_url(citizen_input)).status_code == 404
    assert CitizenInput.objects.filter(pk=citizen_input.pk).exists()


def test_an_anonymous_visitor_is_sent_to_the_login(client, citizen_input):
    for answer in (
        client.get(input_url(citizen_input.hearing)),
        client.post(delete_url(citizen_input)),
    ):
        assert answer.status_code == 302
        assert "/admin/login/" in answer["Location"]
    assert CitizenInput.objects.exists()


def test_the_secretary_deletes_one_input_for_good(
    client_as, secretary_a, citizen_input, hearing
):
    kept = CitizenInput.objects.create(hearing=hearing, text="Mere lys i gården.")

    answer = client_as(secretary_a).post(delete_url(citizen_input), follow=True)

    assert "Inputtet er slettet." in answer.content.decode()
    assert list(CitizenInput.objects.all()) == [kept]


def test_an_input_of_another_hearing_cannot_be_deleted_through_this_one(
    client_as, secretary_a, council_a, citizen_input
):
    other = HearingFactory(council=council_a)
    url = reverse(
        "hearings_hearing:citizen_input_delete", args=[other.pk, citizen_input.pk]
    )

    assert client_as(secretary_a).post(url).status_code == 404
    assert CitizenInput.objects.exists()


def test_the_hearing_editor_shows_the_way_to_the_input(
    client_as, secretary_a, citizen_input
):
    url = reverse("hearings_hearing:edit", args=[citizen_input.hearing_id])

    page = client_as(secretary_a).get(url).content.decode()

    assert "Input fra borgere (1)" in page
    assert input_url(citizen_input.hearing) in page


@pytest.mark.parametrize("role", ["secretary_a", "chair_a"])
def test_the_draft_response_shows_the_count_and_the_texts(
    request, db, client_as, index_a, citizen_input, role
):
    CitizenInput.objects.create(hearing=citizen_input.hearing, text="Mere lys.")
    page = HearingResponsePageFactory(parent=index_a, hearing=citizen_input.hearing)
    client = client_as(request.getfixturevalue(role))

    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content

    html = html.decode()
    assert "2 borgere har skrevet til rådet om denne høring." in html
    assert TEXT in html
    assert "Mere lys." in html
    assert "Anonym" in html
    assert CONTACT not in html  # contact details only on the input view


def test_the_panel_costs_the_same_queries_for_two_inputs_or_twelve(
    client_as, secretary_a, index_a, citizen_input
):
    page = HearingResponsePageFactory(parent=index_a, hearing=citizen_input.hearing)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client = client_as(secretary_a)
    client.get(url)  # warm the caches of the first request

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    with_one = queries()
    for number in range(11):
        CitizenInput.objects.create(hearing=citizen_input.hearing, text=f"Nr. {number}")

    assert queries() == with_one


def test_a_member_reading_the_draft_sees_no_input(
    client_as, member_a, index_a, citizen_input
):
    page = HearingResponsePageFactory(parent=index_a, hearing=citizen_input.hearing)

    answer = client_as(member_a).get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert TEXT not in answer.content.decode()
    assert "borger har skrevet" not in answer.content.decode()


def test_the_input_is_not_in_any_revision_or_history(
    client_as, secretary_a, index_a, citizen_input
):
    page = HearingResponsePageFactory(parent=index_a, hearing=citizen_input.hearing)
    revision = page.save_revision(user=secretary_a)
    hearing = citizen_input.hearing
    hearing.title = "Høring om værestedets åbningstid (rettet)"
    hearing.save()

    assert not hasattr(CitizenInput, "history")
    assert TEXT not in str(revision.content)
    assert all(TEXT not in str(vars(record)) for record in hearing.history.all())


# Retention ----------------------------------------------------------------


def input_for(council, *, decided_days_ago=None, deadline_days_ago=10):
    today = timezone.localdate()
    hearing = HearingFactory(
        council=council,
        received_on=today - datetime.timedelta(days=deadline_days_ago + 28),
        deadline=today - datetime.timedelta(days=deadline_days_ago),
        decided_on=(
            today - datetime.timedelta(days=decided_days_ago)
            if decided_days_ago is not None
            else None
        ),
    )
    return CitizenInput.objects.create(hearing=hearing, text=TEXT)


def remaining():
    return set(CitizenInput.objects.values_list("pk", flat=True))


def test_the_daily_command_deletes_input_decided_longer_ago_than_the_retention(
    council_a, council_b
):
    expired = input_for(council_a, decided_days_ago=91, deadline_days_ago=120)
    kept = input_for(council_a, decided_days_ago=89, deadline_days_ago=120)
    open_one = input_for(council_b, deadline_days_ago=-5)
    undecided_old = input_for(council_b, deadline_days_ago=366)
    undecided_recent = input_for(council_b, deadline_days_ago=300)

    call_command("delete_expired_citizen_input")

    assert remaining() == {kept.pk, open_one.pk, undecided_recent.pk}
    assert not CitizenInput.objects.filter(
        pk__in=[expired.pk, undecided_old.pk]
    ).exists()


def test_the_retention_follows_the_setting(settings, council_a):
    settings.CITIZEN_INPUT_RETENTION_DAYS = 10
    expired = input_for(council_a, decided_days_ago=11, deadline_days_ago=20)
    kept = input_for(council_a, decided_days_ago=9, deadline_days_ago=20)

    call_command("delete_expired_citizen_input")

    assert remaining() == {kept.pk}
    assert expired.pk not in remaining()


def test_the_command_can_act_as_if_on_another_day(council_a):
    citizen_input = input_for(council_a, decided_days_ago=0, deadline_days_ago=5)
    later = timezone.localdate() + datetime.timedelta(days=91)

    call_command("delete_expired_citizen_input", date="2000-01-01")
    assert remaining() == {citizen_input.pk}
    call_command("delete_expired_citizen_input", date=later.isoformat())
    assert remaining() == set()
