"""A document's or image's title and file name are public (where a page
links it, and in its address), so the secretary cannot upload or rename
one that seems to hold a CPR number, in any upload view; the field is
named in Danish and nothing is stored."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import UploadedFile

from cms.services import council_collection
from tests.cms.test_upload_checks import (
    VIEWS,
    message_of,
    png_bytes,
    post_document,
    post_image,
    stored_files,
)
from tests.hearings.conftest import PDF_BYTES

Document = get_document_model()
Image = get_image_model()

REFUSAL = "ser ud til at indeholde et CPR-nummer (010190-XXXX)"


@pytest.mark.parametrize("view", ["add", "chooser"])
@pytest.mark.parametrize(
    "title", ["Klage fra 010190-1234", "Klage 01 01 90\u20131234", "0101901234"]
)
def test_a_document_title_holding_a_cpr_number_is_refused(
    client_as, secretary_a, settings, view, title
):
    response = post_document(
        client_as(secretary_a), view, "klage.pdf", PDF_BYTES, title=title
    )

    assert f"Titlen {REFUSAL}" in message_of(response)
    assert not Document.objects.exists()
    assert stored_files(settings) == []


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize(
    "name", ["klage-010190-1234.pdf", "klage_01_01_90_1234.pdf", "0101901234.pdf"]
)
def test_a_file_name_holding_a_cpr_number_is_refused(
    client_as, secretary_a, settings, view, name
):
    response = post_document(
        client_as(secretary_a), view, name, PDF_BYTES, title="Klage"
    )

    assert f"Filnavnet {REFUSAL}" in message_of(response)
    assert not Document.objects.exists()
    assert not UploadedFile.objects.exists()
    assert stored_files(settings) == []


def test_a_file_name_with_a_date_and_a_case_number_is_stored(client_as, secretary_a):
    post_document(
        client_as(secretary_a),
        "add",
        "referat-2026-01-01-27.00.00-P20-1-25.pdf",
        PDF_BYTES,
    )

    assert Document.objects.count() == 1


def test_renaming_a_document_to_a_cpr_number_changes_nothing(
    client_as, secretary_a, council_a
):
    document = Document(title="Klage", collection=council_collection(council_a))
    document.file.save("klage.pdf", ContentFile(PDF_BYTES), save=False)
    document.save()

    response = client_as(secretary_a).post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Klage fra 010190-1234"},
    )

    assert f"Titlen {REFUSAL}" in response.content.decode()
    document.refresh_from_db()
    assert document.title == "Klage"


@pytest.mark.parametrize("view", VIEWS)
def test_an_image_whose_file_name_holds_a_cpr_number_is_refused(
    client_as, secretary_a, settings, view
):
    response = post_image(
        client_as(secretary_a), view, "borger-010190-1234.png", png_bytes()
    )

    assert f"Filnavnet {REFUSAL}" in message_of(response)
    assert not Image.objects.exists()
    assert stored_files(settings) == []


def test_an_image_title_holding_a_cpr_number_is_refused(client_as, secretary_a):
    response = client_as(secretary_a).post(
        reverse("wagtailimages:add"),
        {
            "title": "Borger 010190-1234",
            "file": SimpleUploadedFile("foto.png", png_bytes()),
        },
    )

    assert f"Titlen {REFUSAL}" in response.content.decode()
    assert not Image.objects.exists()
