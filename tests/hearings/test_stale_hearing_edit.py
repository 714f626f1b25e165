"""No lost update in the hearing editor: the secretary and the chair edit the
same hearing in their own browsers.

The hearing is versioned by django-simple-history; the editor form carries
the history record it was opened on. A save from an older form is refused
with a message naming who changed the hearing and when, the posted text stays
in the form, the other's version is untouched and the hearing's history is
offered; saving again from the refused form goes through.
"""

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import time_format
from django.utils.html import escape

from hearings.forms import stale_hearing_message
from hearings.models import Hearing
from tests.factories import HearingFactory
from tests.hearings.conftest import hearing_form_data
from tests.pages.html import parse


@pytest.fixture
def hearing_a(council_a):
    return HearingFactory(
        council=council_a, title="Høring om varmestuen", summary="Første udgave."
    )


def edit_url(hearing):
    return reverse("hearings_hearing:edit", args=[hearing.pk])


def opened_version(response):
    field = parse(response.content).find("input", name="loaded_version")
    return field.attrs["value"]


@dataclass
class Editor:
    """One person's browser with the hearing editor open."""

    client: Client
    hearing: Hearing
    data: dict

    def save(self, **fields):
        self.data.update(fields)
        return self.client.post(edit_url(self.hearing), self.data)

    def carry_on_from(self, response):
        self.data["loaded_version"] = opened_version(response)


def open_editor(user, hearing):
    client = Client()
    client.force_login(user)
    response = client.get(edit_url(hearing))
    assert response.status_code == 200
    current = Hearing.objects.get(pk=hearing.pk)
    data = hearing_form_data(current, summary=current.summary)
    data["loaded_version"] = opened_version(response)
    return Editor(client, hearing, data)


def summary(hearing):
    return Hearing.objects.get(pk=hearing.pk).summary


def refusal_names(response, hearing, user):
    record = Hearing.objects.get(pk=hearing.pk).history.first()
    assert record.history_user == user
    with translation.override("da"):
        message = stale_hearing_message(record)
    when = time_format(timezone.localtime(record.history_date), "H:i")
    assert user.get_full_name() in message and when in message
    return escape(message) in response.content.decode()


def test_the_editor_carries_the_version_it_was_opened_on(
    client_as, secretary_a, hearing_a
):
    response = client_as(secretary_a).get(edit_url(hearing_a))
    assert opened_version(response) == str(hearing_a.history.first().pk)


def test_a_save_from_an_older_form_is_refused_and_loses_nothing(
    secretary_a, chair_a, hearing_a
):
    chair = open_editor(chair_a, hearing_a)
    secretary = open_editor(secretary_a, hearing_a)
    assert chair.save(summary="Formandens udgave.").status_code == 302

    refused = secretary.save(summary="Sekretærens udgave.")

    assert refused.status_code == 200
    assert refusal_names(refused, hearing_a, chair_a)
    assert "Sekretærens udgave." in refused.content.decode()
    assert summary(hearing_a) == "Formandens udgave."
    history = reverse("hearings_hearing:history", args=[hearing_a.pk])
    link = parse(refused.content).find("a", href=history)
    assert link is not None and link.attrs.get("target") == "_blank"

    secretary.carry_on_from(refused)
    assert secretary.save().status_code == 302
    assert summary(hearing_a) == "Sekretærens udgave."


def test_a_save_from_an_up_to_date_form_goes_through(secretary_a, chair_a, hearing_a):
    assert open_editor(chair_a, hearing_a).save(summary="Ny.").status_code == 302
    secretary = open_editor(secretary_a, hearing_a)  # after the chair's save
    assert secretary.save(summary="Nyere.").status_code == 302
    assert summary(hearing_a) == "Nyere."
    again = open_editor(secretary_a, hearing_a)
    assert again.save(summary="Nyeste.").status_code == 302
    assert summary(hearing_a) == "Nyeste."
