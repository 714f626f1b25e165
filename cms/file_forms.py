"""The document and image forms of the admin, with the CPR guard.

A file's title and its file name are public: the title where a page links
the document or shows the image, the file name in the document's address
(/documents/<id>/<file name>) and the image's. So, unlike a page's text,
which the chairs check before it goes live, they are refused on every save
while they seem to hold a CPR number. cms.files adds the council's
collection and the check of the file's bytes; these are the classes that
WAGTAILDOCS_DOCUMENT_FORM_BASE and WAGTAILIMAGES_IMAGE_FORM_BASE name, so
every add, edit, multiple-upload and chooser-upload view uses them.
"""

import os

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from cms.files import CouncilDocumentForm, CouncilImageForm
from cms.text_checks import cpr_numbers_in, slug_words


class CprFreeFileMixin:
    """Refuses a title or a new file's name that seems to hold a CPR number,
    naming the field."""

    def clean(self):
        cleaned_data = super().clean()
        numbers = cpr_numbers_in(cleaned_data.get("title"))
        if numbers:
            self.add_error("title", _cpr_error(_("The title"), numbers))
        file = cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            stem = os.path.splitext(os.path.basename(file.name))[0]
            numbers = cpr_numbers_in(slug_words(stem))
            if numbers:
                self.add_error("file", _cpr_error(_("The file name"), numbers))
        return cleaned_data


def _cpr_error(place, numbers):
    return forms.ValidationError(
        _(
            "%(place)s seems to contain a CPR number (%(number)s). A council "
            "may not publish personal data: remove it, and rename the file "
            "if its name holds the number."
        )
        % {"place": place, "number": ", ".join(numbers)},
        code="cpr_number",
    )


class GuardedDocumentForm(CprFreeFileMixin, CouncilDocumentForm):
    """WAGTAILDOCS_DOCUMENT_FORM_BASE."""


class GuardedImageForm(CprFreeFileMixin, CouncilImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE."""
