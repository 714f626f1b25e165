"""Documents and images belong to a council.

Uploads land in the council's own collection, choosers, listings and the
admin API show only the council's own files, a page, hearing or council
setting that points at another council's file or page is refused on save,
and a document is downloaded by the public only once its council shows it.
Every test drives the real admin and public views with the test client, as
the staff of Eksempelby (A), of Prøvestrup (B), the platform administrator
or an anonymous reader.
"""

import html
import io
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, ReferenceIndex
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cms.models import CouncilSettings
from cms.references import Reference, object_references, refusal_message
from cms.services import council_collection
from hearings.models import HearingDocument
from tests.factories import (
    HearingFactory,
    HearingResponsePageFactory,
    council_settings_form,
    publish_fixture,
)
from tests.hearings.conftest import PDF_BYTES, hearing_form_data
from tests.workflows.conftest import paragraph, response_form_data

Document = get_document_model()
Image = get_image_model()

# What only council B's files say: none of it may reach A's staff.
B_SECRETS = ("Prøvestrups hemmelige bilag", "provestrup-bilag", "Prøvestrups logo")
GUARD = "cms.admin_guard.AdminCouncilScopeMiddleware"


# Files ---------------------------------------------------------------------


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "white").save(buffer, "PNG")
    return buffer.getvalue()


def make_document(site, title, filename):
    document = Document(title=title, collection=council_collection(site))
    document.file.save(filename, ContentFile(PDF_BYTES), save=False)
    document.save()
    return document


def make_image(site, title, filename):
    image = Image(title=title, collection=council_collection(site))
    image.file.save(filename, ImageFile(io.BytesIO(png_bytes()), filename), False)
    image.save()
    return image


@pytest.fixture
def doc_a(council_a):
    return make_document(council_a, "Eksempelbys referat", "eksempelby-referat.pdf")


@pytest.fixture
def doc_b(council_b):
    return make_document(
        council_b, "Prøvestrups hemmelige bilag", "provestrup-bilag.pdf"
    )


@pytest.fixture
def image_a(council_a):
    return make_image(council_a, "Eksempelbys logo", "eksempelby-logo.png")


@pytest.fixture
def image_b(council_b):
    return make_image(council_b, "Prøvestrups logo", "provestrup-logo.png")


@pytest.fixture
def without_guard(settings):
    """The admin URL guard taken out: what Wagtail's own views show then."""
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != GUARD]


def text_of(response):
    """The response with its HTML and JSON escapes undone: what a reader, or
    the admin's scripts, get out of it."""
    if response.get("Content-Type", "").startswith("application/json"):
        body = json.dumps(response.json(), ensure_ascii=False)
    else:
        body = response.content.decode()
    body = html.unescape(body)
    return re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m.group(1), 16)), body)


def assert_no_b_secrets(response):
    body = text_of(response)
    for secret in B_SECRETS:
        assert secret not in body


# 1. Uploads land in the council's own collection -----------------------------


def upload(client, url_name, filename, content, prefix="", **data):
    fields = {"title": filename, "file": SimpleUploadedFile(filename, content), **data}
    if prefix:
        fields = {f"{prefix}-{name}": value for name, value in fields.items()}
    return client.post(reverse(url_name), fields)


@pytest.mark.parametrize(
    ("url_name", "prefix", "model", "filename", "content"),
    [
        ("wagtaildocs:add", "", Document, "notat.pdf", PDF_BYTES),
        ("wagtailimages:add", "", Image, "foto.png", png_bytes()),
        (
            "wagtaildocs_chooser:create",
            "document-chooser-upload",
            Document,
            "bilag.pdf",
            PDF_BYTES,
        ),
        (
            "wagtailimages_chooser:create",
            "image-chooser-upload",
            Image,
            "kort.png",
            png_bytes(),
        ),
    ],
)
def test_a_secretarys_upload_lands_in_the_councils_collection_whatever_is_posted(
    client_as,
    secretary_a,
    council_a,
    council_b,
    url_name,
    prefix,
    model,
    filename,
    content,
):
    client = client_as(secretary_a)
    root = Collection.get_first_root_node()

    response = upload(client, url_name, filename, content, prefix, collection=root.pk)

    assert response.status_code in (200, 302)
    assert model.objects.get().collection == council_collection(council_a)


@pytest.mark.parametrize("url_name", ["wagtaildocs:add", "wagtailimages:add"])
def test_a_secretary_is_not_offered_a_collection(client_as, secretary_a, url_name):
    form = client_as(secretary_a).get(reverse(url_name)).context["form"]

    assert "collection" not in form.fields


def test_the_multiple_uploader_puts_files_in_the_councils_collection(
    client_as, secretary_b, council_b
):
    response = client_as(secretary_b).post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("bilag.pdf", PDF_BYTES)},
    )

    assert response.json()["success"]
    assert Document.objects.get().collection == council_collection(council_b)


@pytest.mark.parametrize("role", ["chair_a", "member_a"])
def test_chairs_and_members_upload_nothing(db, client_as, request, role):
    client = client_as(request.getfixturevalue(role))

    for url_name in ("wagtaildocs:add", "wagtailimages:add"):
        response = upload(client, url_name, "notat.pdf", PDF_BYTES)

        assert response.status_code in (302, 403, 404), url_name
    assert not Document.objects.exists()
    assert not Image.objects.exists()


def test_the_platform_administrator_cannot_upload_into_the_root_collection(
    client_as, superuser, council_a
):
    client = client_as(superuser)
    root = Collection.get_first_root_node()
    form = client.get(reverse("wagtaildocs:add")).context["form"]
    assert root not in form.fields["collection"].queryset

    refused = upload(client, "wagtaildocs:add", "a.pdf", PDF_BYTES, collection=root.pk)
    assert refused.status_code == 200
    assert not Document.objects.exists()

    own = council_collection(council_a)
    upload(client, "wagtaildocs:add", "a.pdf", PDF_BYTES, collection=own.pk)
    assert Document.objects.get().collection == own


# 2. Choosers, listings and the admin API show the council's own files -------


CHOOSER_URLS = [
    ("wagtaildocs_chooser:choose", {}),
    ("wagtaildocs_chooser:choose_results", {}),
    ("wagtaildocs_chooser:choose_results", {"q": "Prøvestrup"}),
    ("wagtailimages_chooser:choose", {}),
    ("wagtailimages_chooser:choose_results", {}),
    ("wagtailimages_chooser:choose_results", {"q": "logo"}),
]


@pytest.fixture
def all_files(doc_a, doc_b, image_a, image_b):
    return doc_a, doc_b, image_a, image_b


GUARDED = pytest.mark.parametrize(
    "guarded", [True, False], ids=["with-url-guard", "without-url-guard"]
)


def client_for(request, client_as, role, guarded):
    """The role's client; without the admin URL guard if not guarded, to see
    what Wagtail's own querysets (collection permissions) let through."""
    if not guarded:
        request.getfixturevalue("without_guard")
    return client_as(request.getfixturevalue(role))


@GUARDED
@pytest.mark.parametrize("role", ["secretary_a", "chair_a"])
def test_choosers_list_only_the_councils_own_files(
    client_as, request, all_files, guarded, role
):
    client = client_for(request, client_as, role, guarded)

    for url_name, query in CHOOSER_URLS:
        response = client.get(reverse(url_name), query)

        assert response.status_code == 200, url_name
        assert_no_b_secrets(response)
        if not query.get("q"):
            own = "Eksempelbys referat" if "docs" in url_name else "Eksempelbys logo"
            assert own in text_of(response), url_name


@GUARDED
@pytest.mark.parametrize("role", ["secretary_a", "chair_a", "member_a"])
def test_another_councils_file_cannot_be_chosen(
    client_as, request, all_files, guarded, role
):
    client = client_for(request, client_as, role, guarded)
    doc_a, doc_b, image_a, image_b = all_files

    for kind, own, other in [("docs", doc_a, doc_b), ("images", image_a, image_b)]:
        chosen = client.get(reverse(f"wagtail{kind}_chooser:chosen", args=[other.pk]))
        several = client.get(
            reverse(f"wagtail{kind}_chooser:chosen_multiple"),
            {"id": [own.pk, other.pk]},
        )

        assert chosen.status_code in (302, 403, 404), kind  # 302: "no permission"
        assert_no_b_secrets(chosen)
        assert_no_b_secrets(several)


def test_members_choose_no_files(client_as, member_a, all_files):
    response = client_as(member_a).get(reverse("wagtaildocs_chooser:choose"))

    assert "Eksempelbys referat" not in text_of(response)
    assert_no_b_secrets(response)


@pytest.mark.parametrize("url_name", ["wagtaildocs:index", "wagtailimages:index"])
def test_the_file_listings_show_only_the_councils_own(
    client_as, secretary_a, all_files, url_name
):
    response = client_as(secretary_a).get(reverse(url_name))

    assert response.status_code == 200
    assert "Eksempelbys" in text_of(response)
    assert_no_b_secrets(response)


def test_council_b_sees_its_own_files_and_not_as(client_as, secretary_b, all_files):
    response = client_as(secretary_b).get(reverse("wagtaildocs_chooser:choose"))

    body = text_of(response)
    assert "Prøvestrups hemmelige bilag" in body
    assert "Eksempelbys referat" not in body


API_KINDS = [("documents", 0, 1), ("images", 2, 3)]


def api_urls(kind, other):
    return [
        reverse(f"wagtailadmin_api:{kind}:listing"),
        reverse(f"wagtailadmin_api:{kind}:listing") + "?search=Prøvestrup",
        reverse(f"wagtailadmin_api:{kind}:detail", args=[other.pk]),
        reverse(f"wagtailadmin_api:{kind}:find") + f"?id={other.pk}",
    ]


@GUARDED
@pytest.mark.parametrize("role", ["secretary_a", "chair_a", "member_a"])
def test_the_admin_api_shows_no_other_councils_files(
    client_as, request, all_files, guarded, role
):
    client = client_for(request, client_as, role, guarded)

    for kind, _own, other in API_KINDS:
        for url in api_urls(kind, all_files[other]):
            response = client.get(url)

            assert response.status_code in (200, 404), url
            assert_no_b_secrets(response)


@pytest.mark.parametrize(("kind", "own", "other"), API_KINDS)
def test_without_the_guard_the_api_lists_the_councils_own_files(
    client_as, secretary_a, all_files, without_guard, kind, own, other
):
    response = client_as(secretary_a).get(reverse(f"wagtailadmin_api:{kind}:listing"))

    ids = [item["id"] for item in response.json()["items"]]
    assert ids == [all_files[own].pk]


def test_the_platform_administrator_sees_every_councils_files_in_the_api(
    client_as, superuser, all_files
):
    response = client_as(superuser).get(reverse("wagtailadmin_api:documents:listing"))

    assert response.json()["meta"]["total_count"] == 2


# 3. References to another council's objects are refused on save -------------


def danish(reference_model, label):
    """The refusal as the Danish admin says it."""
    with translation.override("da"):
        return refusal_message(Reference("", label, reference_model, ""))


def errors_of(form, field=None):
    errors = form.errors.get(field) if field else form.non_field_errors()
    return " ".join(str(error) for error in errors or [])


@pytest.fixture
def draft_a(index_a, council_a, secretary_a):
    """A draft hearing response of council A, last saved by its secretary."""
    page = HearingResponsePageFactory(
        parent=index_a, hearing=HearingFactory(council=council_a)
    )
    page.save_revision(user=secretary_a)
    return page


def edit_response(client, page, body):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, response_form_data(page, body=body))


RESPONSE_BODY = "Høringssvar, blok 1"


def test_a_document_block_with_another_councils_document_is_refused(
    client_as, secretary_a, draft_a, doc_b
):
    revisions = draft_a.revisions.count()
    block = ("document", {"document": doc_b.pk, "label": "Bilag"})

    response = edit_response(client_as(secretary_a), draft_a, [block])

    assert response.status_code == 200
    label = f"{RESPONSE_BODY} (Link til dokument)"
    assert errors_of(response.context["form"], "body") == danish(Document, label)
    assert danish(Document, label) in text_of(response)
    assert_no_b_secrets(response)
    assert draft_a.revisions.count() == revisions


def test_a_document_block_with_the_councils_own_document_is_saved(
    client_as, secretary_a, draft_a, doc_a
):
    revisions = draft_a.revisions.count()
    block = ("document", {"document": doc_a.pk, "label": "Bilag"})

    response = edit_response(client_as(secretary_a), draft_a, [block])

    assert response.status_code == 302
    assert draft_a.revisions.count() == revisions + 1


def test_a_rich_text_link_to_another_councils_page_is_refused(
    client_as, secretary_a, draft_a, index_b
):
    revisions = draft_a.revisions.count()
    link = paragraph(f'<p>Se <a linktype="page" id="{index_b.pk}">deres svar</a></p>')

    response = edit_response(client_as(secretary_a), draft_a, [link])

    assert response.status_code == 200
    label = f"{RESPONSE_BODY} (Afsnit)"
    assert errors_of(response.context["form"], "body") == danish(Page, label)
    assert index_b.url not in text_of(response)
    assert draft_a.revisions.count() == revisions


def test_even_the_platform_administrator_cannot_link_another_councils_file(
    client_as, superuser, draft_a, doc_b
):
    block = ("document", {"document": doc_b.pk, "label": "Bilag"})

    response = edit_response(client_as(superuser), draft_a, [block])

    assert response.status_code == 200
    assert "body" in response.context["form"].errors


def home_form_data(home, body_html):
    return nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "introduction": home.introduction,
            "body": rich_text(body_html),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            "comments": inline_formset([]),
        }
    )


@pytest.mark.parametrize(
    ("html", "model"),
    [
        ('<p><a linktype="document" id="{doc}">bilaget</a></p>', Document),
        ('<embed embedtype="image" id="{image}" format="left" alt="Logo"/>', Image),
    ],
    ids=["document-link", "image-embed"],
)
def test_rich_text_with_another_councils_document_or_image_is_refused(
    client_as, secretary_a, council_a, doc_b, image_b, html, model
):
    home = council_a.root_page.specific
    revisions = home.revisions.count()
    data = home_form_data(home, html.format(doc=doc_b.pk, image=image_b.pk))

    response = client_as(secretary_a).post(
        reverse("wagtailadmin_pages:edit", args=[home.pk]), data
    )

    assert response.status_code == 200
    assert errors_of(response.context["form"], "body") == danish(model, "Velkomsttekst")
    assert danish(model, "Velkomsttekst") in text_of(response)
    assert_no_b_secrets(response)
    assert home.revisions.count() == revisions


def test_rich_text_with_the_councils_own_image_is_saved(
    client_as, secretary_a, council_a, image_a
):
    home = council_a.root_page.specific
    html = f'<embed embedtype="image" id="{image_a.pk}" format="left" alt="Logo"/>'

    response = client_as(secretary_a).post(
        reverse("wagtailadmin_pages:edit", args=[home.pk]), home_form_data(home, html)
    )

    assert response.status_code == 302


def test_a_hearing_with_another_councils_document_is_not_saved(
    client_as, secretary_a, doc_b
):
    response = client_as(secretary_a).post(
        reverse("hearings_hearing:add"), hearing_form_data(documents=[doc_b])
    )

    assert response.status_code == 200
    row = response.context["form"].formsets["documents"].forms[0]
    message = danish(Document, "Høringsdokument 1: dokument")
    assert errors_of(row, "document") == message
    assert message in text_of(response)
    assert_no_b_secrets(response)
    assert not HearingDocument.objects.exists()


def test_another_councils_document_is_not_added_to_an_existing_hearing(
    client_as, secretary_a, council_a, doc_a, doc_b
):
    hearing = HearingFactory(council=council_a)
    HearingDocument.objects.create(hearing=hearing, document=doc_a)
    data = hearing_form_data(hearing, documents=[doc_a, doc_b], title="Ny titel")
    data["documents-0-id"] = hearing.documents.get().pk

    response = client_as(secretary_a).post(
        reverse("hearings_hearing:edit", args=[hearing.pk]), data
    )

    assert response.status_code == 200
    assert_no_b_secrets(response)
    hearing.refresh_from_db()
    assert hearing.title != "Ny titel"
    assert [row.document for row in hearing.documents.all()] == [doc_a]


def test_a_hearing_with_the_councils_own_document_is_saved(
    client_as, secretary_a, doc_a
):
    response = client_as(secretary_a).post(
        reverse("hearings_hearing:add"), hearing_form_data(documents=[doc_a])
    )

    assert response.status_code == 302
    assert HearingDocument.objects.get().document == doc_a


def settings_form_data(site, logo):
    return council_settings_form(site, logo=logo.pk, email="", phone="", address="")


def settings_url(site):
    return reverse("wagtailsettings:edit", args=["cms", "councilsettings", site.pk])


# The platform administrator keeps the councils' settings.


def test_another_councils_image_as_logo_is_refused(
    client_as, superuser, council_a, image_b
):
    response = client_as(superuser).post(
        settings_url(council_a), settings_form_data(council_a, image_b)
    )

    assert response.status_code == 200
    assert errors_of(response.context["form"], "logo") == danish(Image, "Logo")
    assert danish(Image, "Logo") in text_of(response)
    assert_no_b_secrets(response)
    assert CouncilSettings.for_site(council_a).logo is None


def test_the_councils_own_image_as_logo_is_saved(
    client_as, superuser, council_a, image_a
):
    response = client_as(superuser).post(
        settings_url(council_a), settings_form_data(council_a, image_a)
    )

    assert response.status_code == 302
    assert CouncilSettings.for_site(council_a).logo == image_a


# 4. Documents are downloaded by the public only once the council shows them --


def download(client, document):
    return client.get(document.url)


def test_documents_are_served_by_the_serve_view(doc_a):
    assert doc_a.url == reverse("wagtaildocs_serve", args=[doc_a.pk, doc_a.filename])


def test_a_document_nothing_public_shows_is_the_councils_only(
    client, client_as, request, doc_a
):
    assert download(client, doc_a).status_code == 404
    for role, status in [
        ("secretary_b", 404),
        ("chair_b", 404),
        ("secretary_a", 200),
        ("chair_a", 200),
        ("member_a", 200),
        ("superuser", 200),
    ]:
        response = download(client_as(request.getfixturevalue(role)), doc_a)

        assert response.status_code == status, role
        if status == 200:
            assert b"".join(response.streaming_content) == PDF_BYTES


def publish(page, capture):
    """Publish as a fixture; the reference index is updated on commit."""
    with capture(execute=True):
        publish_fixture(page)


@pytest.fixture
def published_with(index_a, council_a, django_capture_on_commit_callbacks):
    def make(document, parent=None, council=None):
        page = HearingResponsePageFactory(
            parent=parent or index_a,
            hearing=HearingFactory(council=council or council_a),
            body=[("document", {"document": document, "label": "Bilag"})],
        )
        publish(page, django_capture_on_commit_callbacks)
        return page

    return make


def test_a_document_a_live_page_of_its_council_shows_is_public(
    client, published_with, doc_a
):
    page = published_with(doc_a)

    assert ReferenceIndex.get_references_to(doc_a).filter(object_id=str(page.pk))
    assert download(client, doc_a).status_code == 200


def test_a_document_of_an_unpublished_page_is_not_public(client, published_with, doc_a):
    page = published_with(doc_a)
    page.unpublish()

    assert download(client, doc_a).status_code == 404


def test_a_document_only_a_draft_shows_is_not_public(
    client, index_a, council_a, doc_a, django_capture_on_commit_callbacks
):
    page = HearingResponsePageFactory(
        parent=index_a, hearing=HearingFactory(council=council_a), published=True
    )
    page.body = [("document", {"document": doc_a, "label": "Bilag"})]
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()

    assert download(client, doc_a).status_code == 404


def test_another_councils_live_page_does_not_make_a_document_public(
    client, published_with, index_b, council_b, doc_a
):
    published_with(doc_a, parent=index_b, council=council_b)

    assert download(client, doc_a).status_code == 404


def test_a_hearings_documents_are_public(client, client_as, council_a, doc_a, chair_b):
    hearing = HearingFactory(council=council_a)
    HearingDocument.objects.create(hearing=hearing, document=doc_a)

    assert download(client, doc_a).status_code == 200
    assert download(client_as(chair_b), doc_a).status_code == 200


def test_a_document_of_no_council_is_the_platform_administrators_only(
    client_as, secretary_a, superuser
):
    document = Document(title="Løst dokument")
    document.file.save("loest.pdf", ContentFile(PDF_BYTES), save=False)
    document.save()

    assert download(client_as(secretary_a), document).status_code == 404
    assert download(client_as(superuser), document).status_code == 200


# The extraction itself, for code that checks saved objects ------------------


def test_object_references_finds_blocks_rich_text_foreign_keys_and_rows(
    council_a, index_b, doc_a, image_a
):
    hearing = HearingFactory(council=council_a)
    HearingDocument.objects.create(hearing=hearing, document=doc_a)
    page = HearingResponsePageFactory.build(
        hearing=hearing,
        body=[
            ("document", {"document": doc_a, "label": ""}),
            (
                "paragraph",
                RichText(f'<p><a linktype="page" id="{index_b.pk}">x</a></p>'),
            ),
        ],
    )
    settings = CouncilSettings.for_site(council_a)
    settings.logo = image_a

    found = {
        (ref.model, ref.pk, ref.field)
        for obj in (page, hearing, settings)
        for ref in object_references(obj)
    }

    assert (Document, str(doc_a.pk), "body") in found
    assert (Page, str(index_b.pk), "body") in found
    assert (Document, str(doc_a.pk), "documents") in found
    assert (Image, str(image_a.pk), "logo") in found
    assert not any(model is get_user_model() for model, _pk, _field in found)
