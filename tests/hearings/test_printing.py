"""A published response on paper: the A4 poster and the PDF letter."""

import datetime
import io
import sys

import pytest
from pypdf import PdfReader

from cms.models import CouncilSettings
from tests.factories import HearingFactory, HearingResponsePageFactory
from tests.pages.html import parse


@pytest.fixture
def response_page(council_a, index_a):
    settings = CouncilSettings.for_site(council_a)
    settings.address = "Rådhuspladsen 1\n9999 Eksempelby"
    settings.phone = "70 11 22 33"
    settings.save()
    return HearingResponsePageFactory(
        parent=index_a,
        hearing=HearingFactory(
            council=council_a,
            title="Forslag til ny boligplan",
            committee="Socialudvalget",
            case_number="27.00.00-P20-7-26",
            contact_email="hoering@eksempelby.example",
        ),
        title="Rådets svar om boligplanen",
        easy_read_summary="Vi vil have flere billige boliger til hjemløse.",
        signed_by="Jens Bak",
        signer_role="Formand for rådet",
        signed_on=datetime.date(2026, 4, 14),
        published=True,
    )


def test_the_poster_has_the_easy_read_summary_and_a_qr_code(client, response_page):
    response = client.get(response_page.url + "opslag/")
    assert response.status_code == 200
    document = parse(response.content)
    main = document.find("main")
    assert main.find("h1").text == "Rådets svar om boligplanen"
    assert "Vi vil have flere billige boliger til hjemløse." in main.text
    full_url = response_page.get_full_url()
    qr = main.find("img")
    assert qr.attrs["src"].startswith("data:image/svg+xml")
    assert qr.attrs["alt"] == f"QR-kode til hele høringssvaret: {full_url}"
    assert full_url in main.text
    assert "Telefon: 70 11 22 33" in main.text


def test_the_response_page_links_to_its_poster_and_letter(client, response_page):
    links = parse(client.get(response_page.url).content).find_all("a")
    hrefs = {link.attrs.get("href") for link in links}
    assert response_page.url + "opslag/" in hrefs
    assert response_page.url + "brev/" in hrefs


def test_the_letter_is_a_pdf_with_sender_date_case_number_and_signature(
    client, response_page
):
    response = client.get(response_page.url + "brev/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline; filename=")
    pdf = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in pdf.pages)
    for expected in [
        "Udsatterådet i Eksempelby",
        "Eksempelby Kommune",
        "Socialudvalget",
        "14. april 2026",
        "Jeres sagsnummer",
        "27.00.00-P20-7-26",
        "Vedrørende: Forslag til ny boligplan",
        "Med venlig hilsen",
        "Jens Bak",
        "Formand for rådet",
    ]:
        assert expected in text, expected


def test_without_weasyprint_the_letter_is_a_clear_danish_503(
    client, response_page, monkeypatch
):
    # As on a server where WeasyPrint (or Pango under it) cannot be loaded.
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    response = client.get(response_page.url + "brev/")
    assert response.status_code == 503
    main = parse(response.content).find("main")
    assert main.find("h1").text == "PDF-brevet kan ikke laves lige nu"
    assert main.find("a", href=response_page.url + "opslag/") is not None


def test_drafts_have_no_poster_or_letter(client, council_a, index_a):
    draft = HearingResponsePageFactory(
        parent=index_a, hearing=HearingFactory(council=council_a)
    )
    path = draft.get_url_parts()[2]
    assert client.get(path + "opslag/").status_code == 404
    assert client.get(path + "brev/").status_code == 404
