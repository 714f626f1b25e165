"""Fixtures of the tenancy tests: a second council full of things the first
council's staff must never learn of, each carrying a marker string."""

import io
from dataclasses import dataclass

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.admin.models import EditingSession
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, UploadedFile
from wagtail.rich_text import RichText
from wagtail_localize.models import Translation

from cms.council_translations import page_translation_save
from cms.models import CouncilRole
from cms.services import council_collection
from hearings.selectors import hearing_index_for
from pages.working_groups.models import (
    WorkingGroup,
    WorkingGroupText,
    WorkingGroupTextKind,
)
from tests.factories import (
    ContentPageFactory,
    HearingFactory,
    HearingResponsePageFactory,
    UserFactory,
)
from workflows.publish_guard import bootstrap

# Every text of council B's below contains one of these; none may appear in
# anything council A's staff are shown. Prøvestrup itself is a marker: its
# name is in B's site, settings, groups, collection and home page.
MARKERS = ("prøvestrup", "pr\\u00f8vestrup", "provestrup", "hemmelig", "skjulmose")

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def markers_in(text):
    """The markers of council B found in a response body or header."""
    lowered = text.lower()
    return [marker for marker in MARKERS if marker in lowered]


def png_file(name):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), (200, 30, 30)).save(buffer, "PNG")
    return ImageFile(buffer, name=name)


@dataclass
class CouncilWorld:
    """Council B's objects of every kind an admin URL can name."""

    site: object
    staff: object
    draft: object
    live: object
    in_review: object
    translation: object
    translated_page: object
    document: object
    image: object
    hearing: object
    upload: object
    editing_session: object
    redirect: object
    working_group: object
    working_group_text: object

    @property
    def task_state(self):
        return self.in_review.current_workflow_task_state

    @property
    def workflow_state(self):
        return self.in_review.current_workflow_state


def _document(collection, user):
    document = get_document_model()(
        title="Prøvestrups hemmelige bilag", collection=collection
    )
    document.uploaded_by_user = user
    document.file.save(
        "provestrup-hemmeligt-bilag.pdf", ContentFile(PDF_BYTES), save=False
    )
    document.save()
    return document


def _image(collection, user):
    return get_image_model().objects.create(
        title="Prøvestrups hemmelige billede",
        file=png_file("provestrup-hemmeligt-billede.png"),
        collection=collection,
        uploaded_by_user=user,
    )


def _pages(site, staff, document):
    about = site.root_page.get_children().get(slug="om-raadet")
    draft = ContentPageFactory(
        parent=about, title="Prøvestrups hemmelige udkast", slug="hemmelig-udkast"
    )
    draft.save_revision(user=staff)
    live = ContentPageFactory(
        parent=about, title="Prøvestrups offentlige side", slug="provestrup-side"
    )
    live.body = [("paragraph", RichText("<p>Prøvestrup skriver.</p>"))]
    with bootstrap(reason="test fixture: a page the chairs published"):
        live.save_revision(user=staff).publish()
    live.title = "Prøvestrups hemmelige ændring"
    live.save_revision(user=staff)
    return draft, live


def _in_review(site, staff, document):
    hearing = HearingFactory(
        council=site,
        title="Prøvestrups hemmelige høring",
        contact_email="hoering@provestrup.example",
    )
    response = HearingResponsePageFactory(
        parent=hearing_index_for(council=site),
        hearing=hearing,
        title="Prøvestrups hemmelige svar",
        slug="hemmeligt-svar",
        body=[("document", {"document": document, "label": "Hemmeligt bilag"})],
    )
    response.save_revision(user=staff)
    response.get_workflow().start(response, staff)
    hearing.title = "Prøvestrups hemmelige høring (rettet)"
    hearing.save()
    hearing.citizen_inputs.create(
        text="Hemmeligt input til Prøvestrup", contact="skjulmose@provestrup.example"
    )
    return response, hearing


def _translation(page, staff):
    return page_translation_save(
        page=page,
        locale=Locale.objects.get(language_code="en"),
        strings={"title": "Provestrup secret"},
        user=staff,
    )


@pytest.fixture
def world_b(council_b):
    return council_world(council_b)


def council_world(council_b):
    """Council B with a draft, a live page with unpublished changes, a page
    in review, a translation, a document, an image, a hearing, an upload in
    progress, an editing session and a redirect — all by its secretary."""
    staff = UserFactory(
        username="skjulmose-b",
        first_name="Birthe",
        last_name="Skjulmose",
        council_role=(council_b, CouncilRole.SECRETARIAT),
    )
    collection = council_collection(council_b)
    document = _document(collection, staff)
    draft, live = _pages(council_b, staff, document)
    in_review, hearing = _in_review(council_b, staff, document)
    translated = _translation(in_review, staff)
    page_type = ContentType.objects.get_for_model(Page)
    return CouncilWorld(
        site=council_b,
        staff=staff,
        draft=draft,
        live=live,
        in_review=in_review,
        translation=translated_translation(translated),
        translated_page=translated,
        document=document,
        image=_image(collection, staff),
        hearing=hearing,
        upload=UploadedFile.objects.create(
            for_content_type=ContentType.objects.get_for_model(get_document_model()),
            file=ContentFile(PDF_BYTES, name="provestrup-upload.pdf"),
            uploaded_by_user=staff,
        ),
        editing_session=EditingSession.objects.create(
            user=staff,
            content_type=page_type,
            object_id=str(draft.pk),
            last_seen_at=timezone.now(),
        ),
        redirect=Redirect.objects.create(
            old_path="/hemmelig-provestrup", site=council_b, redirect_link="/"
        ),
        **_working_group(council_b, staff),
    )


def _working_group(site, staff):
    group = WorkingGroup.objects.create(
        council=site, name="Prøvestrups hemmelige gruppe", theme="Hemmelig"
    )
    group.members.add(staff)
    text = WorkingGroupText.objects.create(
        group=group,
        kind=WorkingGroupTextKind.DRAFT,
        title="Prøvestrups hemmelige udkast",
        text="Hemmelig tekst",
        author=staff,
    )
    return {"working_group": group, "working_group_text": text}


def translated_translation(page):
    """The wagtail-localize Translation that produces a translated page."""
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    )
