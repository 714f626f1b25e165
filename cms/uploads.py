"""Uploads are checked by their bytes, not their names.

A document is served from the council's own domain, so a web page, an SVG
or a script uploaded under any name could run there as part of the site.
A file is accepted only when its bytes are what its extension says: a PDF
starts as one, a DOCX or ODT is the zip archive that kind of file is, an
image has its format's signature (Wagtail then reads it with Pillow), and
nothing starts with markup. The document library, the image library and
hearing documents all use file_content_problem. This module imports no
models, so model modules may use it.
"""

import os
import re
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

# How the bytes of each kind of file the councils may upload begin. DOCX and
# ODT are zip archives, told apart by what the archive holds; AVIF is an ISO
# media file whose brand follows "ftyp" at byte 4; WebP is a RIFF container.
FILE_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "webp": (b"RIFF",),
    "avif": (b"\x00\x00\x00",),
}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# A browser may run these as a page of the council's site, whatever the file
# is called: markup (HTML, SVG, XML) at the start of a file or its tags for
# pages and scripts near the start are never accepted.
MARKUP_TAGS = re.compile(
    rb"<\s*(?:!doctype|html|head|body|script|svg|iframe|object|embed)\b",
    re.IGNORECASE,
)
HEAD_BYTES = 1024


def file_content_problem(file, *, extension, name):
    """Why a file is not what its extension says, in words; None if it is.
    file is open (an upload or a stored file), is read from the start and
    left at the start; name is what the message calls the file."""
    extension = extension.lower()
    file.seek(0)
    try:
        head = file.read(HEAD_BYTES)
        if _is_markup(head):
            return _(
                "“%(name)s” contains web page or SVG code, which cannot be uploaded."
            ) % {"name": name}
        if extension not in FILE_SIGNATURES:
            return _("“%(name)s” is a kind of file that cannot be uploaded here.") % {
                "name": name
            }
        if not _content_matches(file, head, extension):
            return _("“%(name)s” is not really a %(kind)s file.") % {
                "name": name,
                "kind": extension.upper(),
            }
        return None
    finally:
        file.seek(0)


def _is_markup(head):
    text_start = head.lstrip(b"\xef\xbb\xbf \t\r\n\x0c")
    return text_start.startswith(b"<") or bool(MARKUP_TAGS.search(head))


def _content_matches(file, head, extension):
    if not head.startswith(FILE_SIGNATURES[extension]):
        return False
    if extension == "webp":
        return head[8:12] == b"WEBP"
    if extension == "avif":
        return head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis")
    if extension in ("docx", "odt"):
        return _archive_matches(file, extension)
    return True


def _archive_matches(file, extension):
    """A DOCX holds its content types and a Word document, and no macros; an
    ODT names its kind in its first entry, "mimetype"."""
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if extension == "docx":
                return {"[Content_Types].xml", "word/document.xml"} <= names and (
                    "word/vbaProject.bin" not in names
                )
            return archive.read("mimetype").strip() == ODT_MIMETYPE
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return False


class CheckedUploadMixin:
    """A new upload is refused, with the form's file field named, unless its
    bytes are what its name says (file_content_problem). Wagtail's own checks
    (extension, size, and for images that Pillow can read it) run first."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            name = os.path.basename(file.name)
            extension = os.path.splitext(name)[1].lstrip(".")
            problem = file_content_problem(file, extension=extension, name=name)
            if problem:
                raise ValidationError(problem, code="file_content")
        return file
