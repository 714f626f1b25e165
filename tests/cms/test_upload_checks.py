"""Uploads are checked by their bytes in every upload view of the document
and image libraries: a file is what its name says, and no web page, SVG or
script comes in under any name. The secretary gets a Danish message and
nothing is stored; real PDFs, office documents and images are accepted."""

import io
import re
import zipfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from PIL.PngImagePlugin import PngInfo
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import UploadedFile

from cms.services import council_collection
from tests.hearings.conftest import PDF_BYTES, docx_bytes

Document = get_document_model()
Image = get_image_model()

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script>"
SVG = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">'
    b"<script>alert(1)</script></svg>"
)


def plain_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("noter.txt", "bare en zip-fil")
    return buffer.getvalue()


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "white").save(buffer, "PNG")
    return buffer.getvalue()


def stored_files(settings):
    media = Path(settings.MEDIA_ROOT)
    return sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []


def post_document(client, view, name, content, title=None):
    """Upload through one of the document library's views, as the admin's
    own pages post it: the add page, the multiple uploader or the chooser."""
    upload = SimpleUploadedFile(name, content)
    title = title or name
    if view == "add":
        data = {"title": title, "file": upload}
        return client.post(reverse("wagtaildocs:add"), data)
    if view == "chooser":
        prefix = "document-chooser-upload"
        data = {f"{prefix}-title": title, f"{prefix}-file": upload}
        return client.post(reverse("wagtaildocs_chooser:create"), data)
    data = {"title": title, "files[]": upload}
    return client.post(reverse("wagtaildocs:add_multiple"), data)


def message_of(response):
    """What the secretary is shown: the page, or the multiple uploader's
    JSON answer."""
    if response.get("Content-Type", "").startswith("application/json"):
        answer = response.json()
        return answer.get("error_message") or answer.get("html") or str(answer)
    return response.content.decode()


VIEWS = ["add", "multiple", "chooser"]

REFUSED_DOCUMENTS = [
    ("rapport.pdf", HTML, "indeholder kode til en webside eller SVG-grafik"),
    ("tegning.pdf", SVG, "indeholder kode til en webside eller SVG-grafik"),
    ("side.docx", b"  \n" + HTML, "indeholder kode til en webside eller SVG-grafik"),
    ("bilag.docx", plain_zip(), "er ikke en rigtig DOCX-fil"),
    ("bilag.docx", PDF_BYTES, "er ikke en rigtig DOCX-fil"),
    ("notat.odt", docx_bytes(), "er ikke en rigtig ODT-fil"),
    ("forklaedt.pdf", b"bare tekst", "er ikke en rigtig PDF-fil"),
]


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize(("name", "content", "message"), REFUSED_DOCUMENTS)
def test_a_file_that_is_not_what_its_name_says_is_refused_and_not_stored(
    client_as, secretary_a, settings, view, name, content, message
):
    response = post_document(client_as(secretary_a), view, name, content)

    assert message in message_of(response)
    assert not Document.objects.exists()
    assert not UploadedFile.objects.exists()
    assert stored_files(settings) == []


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize(
    ("name", "content"), [("forslag.pdf", PDF_BYTES), ("bilag.docx", docx_bytes())]
)
def test_a_real_pdf_or_office_document_is_stored(
    client_as, secretary_a, council_a, view, name, content
):
    post_document(client_as(secretary_a), view, name, content)

    document = Document.objects.get()
    assert document.collection == council_collection(council_a)
    with document.file.open("rb") as stored:
        assert stored.read() == content


@pytest.mark.parametrize("view", VIEWS)
def test_an_oversized_document_is_refused(client_as, secretary_a, settings, view):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 40

    response = post_document(
        client_as(secretary_a), view, "stor.pdf", PDF_BYTES + b" " * 100
    )

    assert "Filen er for stor" in message_of(response)
    assert not Document.objects.exists()
    assert stored_files(settings) == []


def test_replacing_a_documents_file_with_a_web_page_keeps_the_old_file(
    client_as, secretary_a, council_a
):
    document = Document(title="Referat", collection=council_collection(council_a))
    document.file.save("referat.pdf", ContentFile(PDF_BYTES), save=False)
    document.save()
    url = reverse("wagtaildocs:edit", args=[document.pk])

    response = client_as(secretary_a).post(
        url, {"title": "Referat", "file": SimpleUploadedFile("referat.pdf", HTML)}
    )

    assert "indeholder kode til en webside" in response.content.decode()
    document.refresh_from_db()
    with document.file.open("rb") as stored:
        assert stored.read() == PDF_BYTES


# Images ----------------------------------------------------------------------


DANISH_IMAGE_REFUSAL = re.compile(
    r"Billedformatet understøttes ikke|Ikke et gyldigt \.\w+-billede"
    r"|Indsend en billedfil"
)


def post_image(client, view, name, content):
    upload = SimpleUploadedFile(name, content)
    if view == "add":
        return client.post(
            reverse("wagtailimages:add"), {"title": name, "file": upload}
        )
    if view == "chooser":
        prefix = "image-chooser-upload"
        data = {f"{prefix}-title": name, f"{prefix}-file": upload}
        return client.post(reverse("wagtailimages_chooser:create"), data)
    data = {"title": name, "files[]": upload}
    return client.post(reverse("wagtailimages:add_multiple"), data)


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("logo.svg", SVG),
        ("logo.png", SVG),
        ("side.png", HTML),
        ("foto.jpg", png_bytes()),
    ],
)
def test_svg_web_pages_and_disguised_images_are_refused(
    client_as, secretary_a, settings, view, name, content
):
    response = post_image(client_as(secretary_a), view, name, content)

    assert response.status_code == 200
    assert DANISH_IMAGE_REFUSAL.search(message_of(response))
    assert not Image.objects.exists()
    assert not UploadedFile.objects.exists()
    assert stored_files(settings) == []


def test_markup_inside_a_real_image_is_refused(client_as, secretary_a, settings):
    """A PNG that Pillow reads but that carries a page in its first bytes
    (a polyglot) is refused by the content check, after Wagtail's."""
    info = PngInfo()
    info.add_text("Comment", "<script>alert(document.cookie)</script>")
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "white").save(buffer, "PNG", pnginfo=info)
    polyglot = buffer.getvalue()

    response = post_image(client_as(secretary_a), "add", "foto.png", polyglot)

    assert "indeholder kode til en webside" in response.content.decode()
    assert not Image.objects.exists()


@pytest.mark.parametrize("view", VIEWS)
def test_a_real_png_is_stored(client_as, secretary_a, view):
    post_image(client_as(secretary_a), view, "foto.png", png_bytes())

    assert Image.objects.count() == 1


def test_an_oversized_image_is_refused(client_as, secretary_a, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 50

    response = post_image(client_as(secretary_a), "add", "foto.png", png_bytes())

    assert "Filen er for stor" in response.content.decode()
    assert not Image.objects.exists()
