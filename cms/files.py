"""Documents and images belong to a council: where uploads go, who lists
them and who may download a document.

Each council has its own collection (cms.services.council_collection), and
its groups hold their file permissions there only, so Wagtail's collection
permission policies already scope the upload forms, listings and choosers.
What they do not scope is added here: the root collection is never offered
for an upload, the admin API lists only the files the user may choose, and
a document is downloaded by the public only once the council shows it.
Every upload is also checked by its bytes (cms.uploads).
"""

from django.contrib.contenttypes.models import ContentType
from wagtail import hooks
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.forms import BaseImageForm
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

from cms.tenancy import PLATFORM, SHARED, object_owner, pages_of_councils, user_may_know
from cms.uploads import CheckedUploadMixin

# Other apps answer "does the council show this document to the public?"
# for their own models: fn(*, document, councils) -> bool.
PUBLIC_DOCUMENT_HOOK = "document_shown_to_public"


class CouncilCollectionFormMixin:
    """Upload and edit forms of documents and images never offer the root
    collection: a file there belongs to no council, so no council could
    use it. Council staff see no choice at all (their council's collection
    is the only one they may add to); the platform administrator chooses a
    council's collection."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("collection")
        if field is not None:
            field.queryset = field.queryset.exclude(depth=1)
            field.empty_label = "---------"


class CouncilDocumentForm(
    CouncilCollectionFormMixin, CheckedUploadMixin, BaseDocumentForm
):
    """WAGTAILDOCS_DOCUMENT_FORM_BASE (through cms.file_forms): add, edit,
    the multiple uploader and the chooser's upload all use it."""


class CouncilImageForm(CouncilCollectionFormMixin, CheckedUploadMixin, BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE (through cms.file_forms)."""


def files_user_may_choose(*, user, model):
    """The documents or images the user may choose or change, as Wagtail's
    choosers and listings work them out (collection permissions)."""
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, ["choose", "change"])


class CouncilFilesAPIMixin:
    """Wagtail's admin API lists every file outside private collections, to
    anyone who may use the admin; here, only those the user may choose."""

    def get_queryset(self):
        allowed = files_user_may_choose(user=self.request.user, model=self.model)
        return super().get_queryset().filter(pk__in=allowed.values("pk"))


class CouncilDocumentsAdminAPIViewSet(CouncilFilesAPIMixin, DocumentsAdminAPIViewSet):
    pass


class CouncilImagesAdminAPIViewSet(CouncilFilesAPIMixin, ImagesAdminAPIViewSet):
    pass


def document_is_public(*, document):
    """Whether anyone may download the document: a live page of its council
    refers to it (Wagtail's reference index of the pages' live content), or
    another app shows it in public for that council (PUBLIC_DOCUMENT_HOOK,
    e.g. a hearing's material)."""
    councils = object_owner(document)
    if councils in (SHARED, PLATFORM):
        return False
    return _live_page_refers_to(document, councils) or any(
        fn(document=document, councils=councils)
        for fn in hooks.get_hooks(PUBLIC_DOCUMENT_HOOK)
    )


def _live_page_refers_to(document, councils):
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    pages = Page.objects.live().filter(pk__in=list(page_ids))
    return pages_of_councils(pages, councils).exists()


def user_may_download(*, user, document):
    """The council's own staff and the platform administrator may download
    any of its documents, drafts' attachments included; others only what
    the council has made public."""
    return user_may_know(user, document) or document_is_public(document=document)
