"""The hearing's read-only view, as a council member opens it: its facts
without "None", its documents and the way to its draft response."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from cms.models import CouncilRole
from hearings.models import HearingDocument
from tests.conftest import council_user
from tests.factories import HearingFactory, HearingResponsePageFactory
from tests.hearings.conftest import PDF_BYTES

pytestmark = pytest.mark.django_db


@pytest.fixture
def hearing_with_draft(council_a, index_a, secretary_a, make_document):
    hearing = HearingFactory(council=council_a, title="Høring om varmestuer")
    HearingDocument.objects.create(
        hearing=hearing,
        document=make_document("brev.pdf", PDF_BYTES, title="Høringsbrev"),
    )
    page = HearingResponsePageFactory(
        parent=index_a, hearing=hearing, title="Svar om varmestuer"
    )
    page.save_revision(user=secretary_a)
    return hearing, page


def inspect_url(hearing):
    return reverse("hearings_hearing:inspect", args=[hearing.pk])


def test_member_sees_documents_and_the_way_to_the_draft(
    client_as, member_a, hearing_with_draft
):
    hearing, page = hearing_with_draft

    response = client_as(member_a).get(inspect_url(hearing))

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    text = " ".join(soup.get_text().split())
    assert "None" not in text
    assert "Afgjort den Ikke oplyst" in text
    links = {a.get_text(strip=True): a["href"] for a in soup.select("main a")}
    document = HearingDocument.objects.get(hearing=hearing).document
    assert links["Høringsbrev"] == document.url
    assert client_as(member_a).get(document.url).status_code == 200
    draft = reverse("workflows_member_draft", args=[page.pk])
    assert any(href == draft for href in links.values())
    assert client_as(member_a).get(draft).status_code == 200


def test_the_secretary_is_led_to_the_editor(client_as, secretary_a, hearing_with_draft):
    hearing, page = hearing_with_draft

    response = client_as(secretary_a).get(inspect_url(hearing))

    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert edit in response.content.decode()


def test_another_councils_member_sees_nothing(client_as, council_b, hearing_with_draft):
    hearing, _page = hearing_with_draft
    member_b = council_user("medlem-b", council_b, CouncilRole.MEMBERS)

    response = client_as(member_b).get(inspect_url(hearing))

    assert response.status_code == 404
    assert "varmestuer" not in response.content.decode()
