"""Checks on files that come into a hearing from outside."""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# What a hearing's documents may be, and the first bytes such a file starts
# with: a PDF says so; DOCX and ODT are zip archives.
HEARING_DOCUMENT_KINDS = {
    "pdf": b"%PDF-",
    "docx": b"PK\x03\x04",
    "odt": b"PK\x03\x04",
}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def validate_hearing_document(document):
    """Refuse a library document that is not a PDF, DOCX or ODT, or too big."""
    error = _document_error(document)
    if error:
        raise ValidationError({"document": error})


def _document_error(document):
    extension = document.file_extension.lower()
    if extension not in HEARING_DOCUMENT_KINDS:
        return _("“%(name)s” is not a PDF, DOCX or ODT file.") % {
            "name": document.title
        }
    limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    size = document.get_file_size()
    if limit and size and size > limit:
        return _("“%(name)s” is %(size)s; the limit is %(limit)s.") % {
            "name": document.title,
            "size": filesizeformat(size),
            "limit": filesizeformat(limit),
        }
    if not _content_matches(document.file, extension):
        return _("“%(name)s” is not really a %(kind)s file.") % {
            "name": document.title,
            "kind": extension.upper(),
        }
    return None


def _content_matches(file, extension):
    """Whether the file's bytes are what its name says (a renamed file is not)."""
    try:
        file.open("rb")
        head = file.read(len(HEARING_DOCUMENT_KINDS[extension]))
        if head != HEARING_DOCUMENT_KINDS[extension]:
            return False
        if extension == "pdf":
            return True
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if extension == "docx":
                return "word/document.xml" in names
            return archive.read("mimetype").strip() == ODT_MIMETYPE
    except (OSError, zipfile.BadZipFile, KeyError):
        return False
    finally:
        file.close()
