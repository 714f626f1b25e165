"""The PDF letter is an accessible (tagged) PDF, and its signature never
stands alone on a page, in Danish and in English."""

import io
import os
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.utils import translation
from pypdf import PdfReader
from wagtail.models import Locale
from wagtail.rich_text import RichText

from cms.council_translations import page_translation_save
from cms.models import CouncilSettings
from tests.factories import HearingFactory, HearingResponsePageFactory
from workflows.publish_guard import bootstrap

HOST = {"HTTP_HOST": "eksempelby.localhost"}
LAST_WORDS = "Rådet ser frem til svaret"
PARAGRAPH = (
    "Rådet har læst forslaget grundigt og talt med brugerne af værestederne. "
    "Mange siger, at de har brug for et sted at være om aftenen, og at de "
    "ikke kan vente på den næste plan. "
)


def body_of(paragraphs, last_lines):
    """``paragraphs`` full paragraphs, then a last one of ``last_lines``
    sentences ending with LAST_WORDS: enough lengths to put the end of the
    text near the foot of a page."""
    blocks = [("paragraph", RichText(f"<p>{PARAGRAPH * 3}</p>"))] * paragraphs
    ending = "Kommunen bør handle nu. " * last_lines + LAST_WORDS + "."
    return blocks + [("paragraph", RichText(f"<p>{ending}</p>"))]


def response_with_body(index, council, body):
    return HearingResponsePageFactory(
        parent=index,
        hearing=HearingFactory(council=council, title="Forslag til værestedsplan"),
        title="Rådets svar om værestederne",
        body=body,
        signed_by="Jens Bak",
        signer_role="Formand for rådet",
        published=True,
    )


def english_of(page):
    with bootstrap(reason="test fixture"):
        return page_translation_save(
            page=page,
            locale=Locale.objects.get(language_code="en"),
            strings={"title": "The council's response on the drop-in centres"},
            publish=True,
        )


def letter(client, page):
    response = client.get(page.get_url_parts()[2] + "brev/", **HOST)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response.content


@pytest.fixture
def danish_response(council_a, index_a):
    council = CouncilSettings.for_site(council_a)
    council.address = "Rådhuspladsen 1\n9999 Eksempelby"
    council.email = "raadet@eksempelby.example"
    council.phone = "70 11 22 33"
    council.municipality_street = "Torvet 2"
    council.municipality_postcode = "9999"
    council.municipality_town = "Eksempelby"
    council.save()
    return response_with_body(index_a, council_a, body_of(2, 3))


def test_the_letter_is_a_tagged_pdf_with_title_and_danish_language(
    client, danish_response
):
    pdf = PdfReader(io.BytesIO(letter(client, danish_response)))
    catalog = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert catalog["/Lang"] == "da"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert pdf.metadata.title == "Rådets svar om værestederne"
    xmp = pdf.xmp_metadata
    assert xmp.dc_title == {"x-default": "Rådets svar om værestederne"}
    # PDF/UA-1's identification schema: the part WeasyPrint conforms to.
    assert b"pdfuaid:part" in catalog["/Metadata"].get_object().get_data()


def test_the_reading_order_follows_the_letter(client, danish_response):
    pdf = PdfReader(io.BytesIO(letter(client, danish_response)))
    document = kids(pdf.trailer["/Root"]["/StructTreeRoot"])[0]
    assert kinds(document) == [
        "/NonStruct",  # the letter's head: recipient, then sender
        "/L",  # date, case number, the e-mail it is sent to, deadline
        "/H1",
        "/P",  # "Regarding: …"
        "/Div",  # the body
        "/Div",  # the signature
        "/P",  # where the response is published
    ]
    recipient, sender = kids(kids(document)[0])
    # municipality, committee, street, postcode and town
    assert kinds(recipient) == ["/P"] * 4
    assert kinds(sender) == ["/P"] * 5  # name, two address lines, mail, phone
    assert kinds(kids(document)[4]) == ["/P"] * 3


def kids(element):
    found = element.get("/K", [])
    found = found if isinstance(found, list) else [found]
    return [kid.get_object() for kid in found if "/S" in kid.get_object()]


def kinds(element):
    return [str(kid["/S"]) for kid in kids(element)]


def test_the_english_letter_is_tagged_in_english(client, danish_response):
    english = english_of(danish_response)
    pdf = PdfReader(io.BytesIO(letter(client, english)))
    assert pdf.trailer["/Root"]["/Lang"] == "en"
    assert pdf.metadata.title == "The council's response on the drop-in centres"
    assert "Kind regards" in "".join(page.extract_text() for page in pdf.pages)


@pytest.mark.skipif(
    not shutil.which("pdfinfo") and not os.environ.get("CI"),
    reason="needs poppler's pdfinfo (apt install poppler-utils); CI has it",
)
def test_pdfinfo_calls_the_letter_tagged(client, danish_response, tmp_path):
    path = tmp_path / "brev.pdf"
    path.write_bytes(letter(client, danish_response))
    info = subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert "Tagged:          yes" in info
    assert "Title:           Rådets svar om værestederne" in info


def signature_page_texts(pdf_bytes, signature):
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf_bytes)).pages]
    return len(pages), next(text for text in pages if signature in text)


# Without the rule, three paragraphs and an ending of any length up to 13
# sentences leave the signature alone on page 2, in both languages (measured
# with WeasyPrint 70); and a long body of three pages.
LENGTHS = [(3, 0), (3, 13), (12, 2)]


@pytest.mark.parametrize(("paragraphs", "last_lines"), LENGTHS)
def test_the_signature_shares_its_page_with_the_end_of_the_text(
    client, council_a, index_a, paragraphs, last_lines
):
    danish = response_with_body(index_a, council_a, body_of(paragraphs, last_lines))
    english = english_of(danish)
    for page, regards in [(danish, "Med venlig hilsen"), (english, "Kind regards")]:
        count, text = signature_page_texts(letter(client, page), regards)
        assert count > 1  # the length tested does turn a page
        assert "Jens Bak" in text
        assert LAST_WORDS in text, (regards, count)


def test_the_english_letter_marks_the_municipalitys_danish(danish_response):
    # WeasyPrint's tagged PDF keeps one language for the document, so the
    # letter's HTML is where the Danish parts are marked.
    english = english_of(danish_response)
    hearing = english.public_hearing()
    with translation.override("en"):
        html = render_to_string(
            "hearings/hearing_response_letter.html",
            {
                "page": english,
                "hearing": hearing,
                "council": CouncilSettings.for_site(english.get_site()),
                "recipient_lines": ["Eksempelby Kommune", hearing.committee],
                "letter_date": None,
            },
        )

    regarding = BeautifulSoup(html, "html.parser").find(class_="letter-regarding")
    assert regarding.get_text(" ", strip=True).startswith("Regarding:")
    assert regarding.find(string=hearing.title).parent["lang"] == "da"
