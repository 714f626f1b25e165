"""Bad input gets a clear Danish message and nothing is saved."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from hearings.models import Hearing, HearingResponsePage
from tests.factories import HearingFactory, HearingResponsePageFactory
from tests.hearings.conftest import PDF_BYTES, docx_bytes, hearing_form_data

ADD = reverse("hearings_hearing:add")


def edit_url(hearing):
    return reverse("hearings_hearing:edit", args=[hearing.pk])


# Dates ----------------------------------------------------------------------


def test_deadline_before_received_is_refused_on_create(client_as, secretary_a):
    data = hearing_form_data(received_on="2026-03-10", deadline="2026-03-01")
    response = client_as(secretary_a).post(ADD, data)
    assert response.status_code == 200
    assert "Høringsfristen kan ikke ligge før den dato" in response.content.decode()
    assert not Hearing.objects.exists()


def test_deadline_before_received_is_refused_on_edit(client_as, secretary_a, council_a):
    hearing = HearingFactory(council=council_a)
    deadline = hearing.deadline
    data = hearing_form_data(
        hearing, deadline=str(hearing.received_on.replace(day=1).replace(year=2000))
    )
    response = client_as(secretary_a).post(edit_url(hearing), data)
    assert "Høringsfristen kan ikke ligge før den dato" in response.content.decode()
    hearing.refresh_from_db()
    assert hearing.deadline == deadline
    assert hearing.history.count() == 1


def test_decision_before_received_is_refused(council_a):
    hearing = HearingFactory.build(council=council_a)
    hearing.decided_on = hearing.received_on.replace(year=2000)
    with pytest.raises(ValidationError) as error:
        hearing.full_clean()
    assert "decided_on" in error.value.message_dict


# Hearing documents ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("noter.txt", b"bare tekst", "er ikke en PDF-, DOCX- eller ODT-fil"),
        ("billede.png", b"\x89PNG\r\n", "er ikke en PDF-, DOCX- eller ODT-fil"),
        ("forklaedt.pdf", b"bare tekst", "er ikke en rigtig PDF-fil"),
        ("forklaedt.docx", PDF_BYTES, "er ikke en rigtig DOCX-fil"),
        ("forklaedt.odt", docx_bytes(), "er ikke en rigtig ODT-fil"),
    ],
)
def test_a_document_that_is_not_pdf_docx_or_odt_is_refused(
    client_as, secretary_a, make_document, name, content, message
):
    document = make_document(name, content)
    data = hearing_form_data(documents=[document])
    response = client_as(secretary_a).post(ADD, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Hearing.objects.exists()


def test_an_oversized_document_is_refused(
    client_as, secretary_a, make_document, settings
):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 40
    document = make_document("stor.pdf", PDF_BYTES + b" " * 100)
    response = client_as(secretary_a).post(ADD, hearing_form_data(documents=[document]))
    assert "grænsen er 40" in response.content.decode()
    assert not Hearing.objects.exists()


def test_real_pdf_and_docx_documents_are_accepted(
    client_as, secretary_a, make_document
):
    pdf = make_document("forslag.pdf", PDF_BYTES, title="Forslag til politik")
    docx = make_document("bilag.docx", docx_bytes(), title="Bilag om tilbud")
    response = client_as(secretary_a).post(
        ADD, hearing_form_data(documents=[pdf, docx])
    )
    assert response.status_code == 302
    hearing = Hearing.objects.get()
    assert [d.document for d in hearing.documents.all()] == [pdf, docx]


def test_adding_a_bad_document_to_an_existing_hearing_changes_nothing(
    client_as, secretary_a, council_a, make_document
):
    hearing = HearingFactory(council=council_a)
    bad = make_document("noter.txt", b"tekst")
    data = hearing_form_data(hearing, documents=[bad], title="Ændret titel")
    client_as(secretary_a).post(edit_url(hearing), data)
    hearing.refresh_from_db()
    assert hearing.title != "Ændret titel"
    assert not hearing.documents.exists()


# Responses ------------------------------------------------------------------


def response_form_data(hearing=None, title="Rådets svar"):
    return nested_form_data(
        {
            "title": title,
            "slug": "raadets-svar",
            "introduction": "",
            "hearing": hearing.pk if hearing else "",
            "easy_read_summary": "Rådet siger ja.",
            "body": streamfield([("paragraph", rich_text("<p>Tekst.</p>"))]),
            "signed_by": "",
            "signer_role": "",
            "signed_on": "",
            "change_note": "",
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
        }
    )


def add_response_url(index):
    return reverse(
        "wagtailadmin_pages:add",
        args=["hearings", "hearingresponsepage", index.pk],
    )


def test_a_response_without_a_hearing_is_refused(client_as, secretary_a, index_a):
    response = client_as(secretary_a).post(
        add_response_url(index_a), response_form_data()
    )
    assert response.status_code == 200
    assert "Vælg den høring, som svaret besvarer." in response.content.decode()
    assert not HearingResponsePage.objects.exists()


def test_a_second_response_to_the_same_hearing_is_refused(
    client_as, secretary_a, index_a, council_a
):
    hearing = HearingFactory(council=council_a)
    HearingResponsePageFactory(parent=index_a, hearing=hearing, title="Første svar")
    response = client_as(secretary_a).post(
        add_response_url(index_a), response_form_data(hearing, title="Andet svar")
    )
    assert response.status_code == 200
    assert "Høringen har allerede et høringssvar: “Første svar”" in (
        response.content.decode()
    )
    assert not HearingResponsePage.objects.filter(title="Andet svar").exists()


def test_a_second_response_is_refused_with_a_message_naming_the_first(
    index_a, council_a
):
    hearing = HearingFactory(council=council_a)
    HearingResponsePageFactory(parent=index_a, hearing=hearing, title="Første svar")
    second = HearingResponsePageFactory.build(hearing=hearing, title="Andet svar")
    second.path, second.depth = index_a.path + "9999", index_a.depth + 1
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert "Høringen har allerede et høringssvar: “Første svar”" in str(
        error.value.message_dict["hearing"]
    )
    assert HearingResponsePage.objects.count() == 1


def test_a_response_cannot_answer_another_councils_hearing(
    client_as, secretary_a, index_a, council_b
):
    foreign = HearingFactory(council=council_b)
    response = client_as(secretary_a).post(
        add_response_url(index_a), response_form_data(foreign)
    )
    assert response.status_code == 200
    assert "Vælg en af dette råds høringer." in response.content.decode()
    assert not HearingResponsePage.objects.exists()


def test_a_valid_response_is_saved_as_a_draft(
    client_as, secretary_a, index_a, council_a
):
    hearing = HearingFactory(council=council_a)
    response = client_as(secretary_a).post(
        add_response_url(index_a), response_form_data(hearing)
    )
    assert response.status_code == 302
    page = HearingResponsePage.objects.get()
    assert page.hearing == hearing and not page.live


# Deleting -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("published", "message"),
    [
        (True, "høringssvaret er offentliggjort"),
        (False, "så længe der findes et udkast"),
    ],
)
def test_a_hearing_with_a_response_cannot_be_deleted(
    client_as, secretary_a, index_a, council_a, published, message
):
    hearing = HearingFactory(council=council_a)
    HearingResponsePageFactory(parent=index_a, hearing=hearing, published=published)
    client = client_as(secretary_a)
    url = reverse("hearings_hearing:delete", args=[hearing.pk])

    response = client.post(url, follow=True)

    assert message in response.content.decode()
    assert Hearing.objects.filter(pk=hearing.pk).exists()


def test_bulk_delete_spares_a_hearing_with_a_published_response(
    client_as, secretary_a, index_a, council_a
):
    kept = HearingFactory(council=council_a)
    HearingResponsePageFactory(parent=index_a, hearing=kept, published=True)
    gone = HearingFactory(council=council_a)
    url = reverse("wagtail_bulk_action", args=["hearings", "hearing", "delete"])

    client_as(secretary_a).post(f"{url}?id={kept.pk}&id={gone.pk}")

    assert list(Hearing.objects.all()) == [kept]


def test_a_response_cannot_be_copied(client_as, chair_a, index_a, council_a):
    hearing = HearingFactory(council=council_a)
    page = HearingResponsePageFactory(parent=index_a, hearing=hearing)
    url = reverse("wagtailadmin_pages:copy", args=[page.pk])

    response = client_as(chair_a).post(
        url,
        {"new_title": "Kopi", "new_slug": "kopi", "new_parent_page": index_a.pk},
        follow=True,
    )

    assert "Et høringssvar kan ikke kopieres" in response.content.decode()
    assert HearingResponsePage.objects.count() == 1
