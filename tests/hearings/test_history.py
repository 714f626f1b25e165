"""One history per hearing: who changed what, restoring a version, and the
response's revisions and workflow steps in the same timeline."""

import datetime

import pytest
from django.urls import reverse

from hearings.history_timeline import hearing_history
from tests.factories import HearingFactory, ThemeFactory
from tests.hearings.conftest import hearing_form_data


@pytest.fixture
def hearing_a(council_a):
    return HearingFactory(
        council=council_a,
        title="Høring om natcafé",
        received_on=datetime.date(2026, 4, 1),
        deadline=datetime.date(2026, 4, 29),
    )


def edit(client, hearing, **changes):
    url = reverse("hearings_hearing:edit", args=[hearing.pk])
    response = client.post(url, hearing_form_data(hearing, **changes))
    assert response.status_code == 302
    hearing.refresh_from_db()


def history_html(client, hearing):
    url = reverse("hearings_hearing:history", args=[hearing.pk])
    return client.get(url).content.decode()


def test_history_records_who_changed_the_deadline(client_as, secretary_a, hearing_a):
    client = client_as(secretary_a)
    edit(client, hearing_a, deadline="2026-05-13")

    latest = hearing_a.history.latest()
    assert latest.history_user == secretary_a
    assert latest.deadline == datetime.date(2026, 5, 13)
    html = history_html(client, hearing_a)
    assert "Høringen er ændret" in html
    assert "høringsfrist: 29.04.2026 → 13.05.2026" in html
    assert secretary_a.get_full_name() in html


def test_restoring_an_earlier_version(client_as, secretary_a, chair_a, hearing_a):
    edit(client_as(secretary_a), hearing_a, deadline="2026-05-13", title="Ny titel")
    first = hearing_a.history.earliest()

    client = client_as(chair_a)
    url = reverse("hearings_hearing:restore", args=[hearing_a.pk, first.history_id])
    response = client.post(url)

    assert response.status_code == 302
    hearing_a.refresh_from_db()
    assert hearing_a.deadline == datetime.date(2026, 4, 29)
    assert hearing_a.title == "Høring om natcafé"
    restored = hearing_a.history.latest()
    assert restored.history_user == chair_a
    assert restored.history_change_reason.startswith("Gendannede versionen fra")
    assert hearing_a.history.count() == 3
    assert "Gendannede versionen fra" in history_html(client, hearing_a)


def test_restoring_brings_back_the_themes(client_as, secretary_a, hearing_a):
    housing, health = ThemeFactory(name="Bolig A"), ThemeFactory(name="Sundhed A")
    hearing_a.themes.set([housing])
    before = hearing_a.history.latest()
    hearing_a.themes.set([health])

    client = client_as(secretary_a)
    url = reverse("hearings_hearing:restore", args=[hearing_a.pk, before.history_id])
    client.post(url)

    assert list(hearing_a.themes.all()) == [housing]
    latest = hearing_a.history.latest()
    assert [row.theme for row in latest.themes.all()] == [housing]
    assert latest.history_user == secretary_a
    assert "temaer: Sundhed A → —" in history_html(client, hearing_a)


def test_a_member_cannot_restore(client_as, secretary_a, member_a, hearing_a):
    edit(client_as(secretary_a), hearing_a, deadline="2026-05-13")
    first = hearing_a.history.earliest()
    client = client_as(member_a)
    url = reverse("hearings_hearing:restore", args=[hearing_a.pk, first.history_id])
    client.post(url)
    hearing_a.refresh_from_db()
    assert hearing_a.deadline == datetime.date(2026, 5, 13)
    assert "Gendan denne version" not in history_html(client, hearing_a)


def test_timeline_merges_hearing_response_and_workflow_in_time_order(
    client_as, secretary_a, chair_a, hearing_a
):
    secretary = client_as(secretary_a)
    edit(secretary, hearing_a, deadline="2026-05-06")
    secretary.post(reverse("hearings_hearing:respond", args=[hearing_a.pk]))
    page = hearing_a.responses.get()
    page.save_revision(user=secretary_a)
    page.get_workflow().start(page, secretary_a)
    task_state = page.current_workflow_task_state

    chair = client_as(chair_a)
    chair.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "reject", task_state.pk],
        ),
        {"comment": "Gør anbefaling 2 kortere."},
    )

    entries = hearing_history(hearing=hearing_a)
    times = [entry.when for entry in entries]
    assert times == sorted(times)
    sources = [entry.source for entry in entries]
    assert sources[:2] == ["hearing", "hearing"]
    assert "response" in sources
    comments = [entry.comment for entry in entries if entry.comment]
    assert "Gør anbefaling 2 kortere." in comments
    html = history_html(chair, hearing_a)
    assert "Gør anbefaling 2 kortere." in html
    assert (
        reverse(
            "wagtailadmin_pages:revisions_view",
            args=[page.pk, page.latest_revision_id],
        )
        in html
    )
