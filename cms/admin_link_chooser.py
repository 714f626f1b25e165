"""The link chooser's "external link" step, refusing an empty form.

Wagtail's URL field of that step reads a missing field as a server error
(it asks the absent value whether it starts with "/"). The view here is
Wagtail's own with a form whose URL field reads a missing field as an
empty one, so the modal shows its usual "This field is required".
cms.admin_urls serves it in front of Wagtail's at the same path and name.
"""

from django.urls import path
from wagtail.admin.forms.choosers import (
    ExternalLinkChooserForm,
    URLOrAbsolutePathField,
)
from wagtail.admin.views.chooser import ExternalLinkView


class _UrlOrPathField(URLOrAbsolutePathField):
    def to_python(self, value):
        return super().to_python(value or "")


class CompleteExternalLinkForm(ExternalLinkChooserForm):
    """Wagtail's form; a missing URL is a missing answer, not a crash."""

    url = _UrlOrPathField(
        required=True, label=ExternalLinkChooserForm.base_fields["url"].label
    )


class CompleteExternalLinkView(ExternalLinkView):
    """Wagtail's external-link step with the form above."""

    form_class = CompleteExternalLinkForm


urlpatterns = [
    path(
        "choose-external-link/",
        CompleteExternalLinkView.as_view(),
        name="wagtailadmin_choose_page_external_link",
    ),
]
