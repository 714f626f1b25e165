"""Fixtures of the hearings tests: index pages, documents, form data."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.services import council_collection

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture
def make_document(council_a):
    """make_document(name, content) -> a Document in council A's collection
    (or the given council's)."""

    def make(name, content, title=None, council=None):
        document = get_document_model()(
            title=title or name, collection=council_collection(council or council_a)
        )
        document.file.save(name, ContentFile(content), save=False)
        document.save()
        return document

    return make


def hearing_form_data(hearing=None, documents=(), **overrides):
    """POST data of the hearing editor, from a hearing or from defaults."""
    data = {
        "council": hearing.council_id if hearing else "",
        "title": hearing.title if hearing else "Høring om nye væresteder",
        "summary": "",
        "municipal_committee": getattr(hearing, "municipal_committee_id", "") or "",
        "committee": hearing.committee if hearing else "Socialudvalget",
        "case_number": hearing.case_number if hearing else "27.00.00-P20-9-25",
        "contact_email": hearing.contact_email if hearing else "hoering@example.dk",
        "received_on": str(hearing.received_on) if hearing else "2026-03-02",
        "deadline": str(hearing.deadline) if hearing else "2026-03-30",
        "decided_on": "",
        "decision_summary": "",
        "decision_url": "",
        "points_used": hearing.points_used if hearing else "unknown",
    }
    data.update(overrides)
    rows = [{"document": doc.pk} for doc in documents]
    data.update(nested_form_data({"documents": inline_formset(rows)}))
    return data
