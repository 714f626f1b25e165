"""Checks on files that come into a hearing from outside."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from cms.uploads import file_content_problem

# What a hearing's documents may be. The library checks every upload by its
# bytes already; a hearing checks its documents again, because a document
# may have been stored before that check existed, or by a script.
HEARING_DOCUMENT_KINDS = ("pdf", "docx", "odt")


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
    return _stored_content_problem(document, extension)


def _stored_content_problem(document, extension):
    try:
        document.file.open("rb")
    except OSError:
        return _("“%(name)s” is not really a %(kind)s file.") % {
            "name": document.title,
            "kind": extension.upper(),
        }
    try:
        return file_content_problem(
            document.file, extension=extension, name=document.title
        )
    finally:
        document.file.close()
