"""Checks on files that come into a hearing from outside."""

import os
import re

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
    """Refuse a library document that is not a PDF, DOCX or ODT, or too big,
    or whose title is only its file name."""
    error = _document_error(document) or _title_error(document)
    if error:
        raise ValidationError({"document": error})


# A title ending like a file name, or a file name's stem with the random
# suffix the storage adds to a name already taken ("bilag_3_AbC1234.pdf").
FILE_NAME_ENDING = re.compile(r"\.(pdf|docx?|odt|rtf|txt)$", re.IGNORECASE)
STORAGE_SUFFIX = re.compile(r"_[A-Za-z0-9]{7}$")


def title_is_file_name(*, title, file_name):
    """Whether a document's title is just its file name ("bilag_3_v2.pdf"):
    the name a file got on someone's disk says nothing to a public reader."""
    title = title.strip().casefold()
    name = os.path.basename(file_name).casefold()
    stem = os.path.splitext(name)[0]
    if title in (name, stem) or FILE_NAME_ENDING.search(title):
        return True
    return stem.startswith(title) and bool(STORAGE_SUFFIX.fullmatch(stem[len(title) :]))


def _title_error(document):
    if not title_is_file_name(title=document.title, file_name=document.file.name):
        return None
    return _(
        "“%(name)s” has its file name as its title. A hearing's documents are "
        "public: give it a title that says what it is, under Documents or by "
        "uploading it again, then save the hearing."
    ) % {"name": document.title}


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
