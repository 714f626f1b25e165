"""Uploads on S3-compatible object storage (cms.media_storage), against a real
S3-API server over HTTP (moto's standalone server, a subprocess).

A council's secretary uploads a document and an image through the admin; the
files are found in the bucket; a reader gets the image from the bucket by the
address the page shows, and the document through Django once a live page
shows it. A document nothing public shows is given to no reader, and its
storage address is signed and short-lived, never a plain public one.
"""

import io
import json
import re
import secrets
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
import requests
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.media_storage import is_public_media
from tests.cms.test_council_files import upload
from tests.factories import HearingFactory, HearingResponsePageFactory, publish_fixture
from tests.hearings.conftest import PDF_BYTES
from tests.live_servers import PYTHON, free_port, running

REGION = "eu-north-1"
CREDENTIALS = {"aws_access_key_id": "talerør", "aws_secret_access_key": "hemmelig"}


@pytest.fixture(scope="module")
def s3_endpoint(tmp_path_factory):
    port = free_port()
    log = tmp_path_factory.mktemp("moto") / "server.log"
    command = [str(PYTHON), "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
    with running(command, port=port, log=log):
        yield f"http://127.0.0.1:{port}"


@pytest.fixture
def bucket(s3_endpoint, settings):
    """A new bucket, private but for renditions (the README's policy), as
    the default storage."""
    name = f"talerror-{secrets.token_hex(4)}"
    client = boto3.client(
        "s3", endpoint_url=s3_endpoint, region_name=REGION, **CREDENTIALS
    )
    client.create_bucket(
        Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION}
    )
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_renditions(name)))
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "cms.media_storage.CouncilMediaStorage",
            "OPTIONS": {
                "bucket_name": name,
                "endpoint_url": s3_endpoint,
                "region_name": REGION,
                "access_key": CREDENTIALS["aws_access_key_id"],
                "secret_key": CREDENTIALS["aws_secret_access_key"],
                "addressing_style": "path",
                "querystring_expire": 300,
                "file_overwrite": False,
            },
        },
    }
    return client, name


def public_renditions(name):
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{name}/images/*",
            }
        ],
    }


def keys_in(bucket):
    client, name = bucket
    listing = client.list_objects_v2(Bucket=name)
    return sorted(item["Key"] for item in listing.get("Contents", []))


def jpeg_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (80, 60), "navy").save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def uploaded(bucket, client_as, secretary_a):
    """A document and an image, uploaded by the secretary in the admin."""
    client = client_as(secretary_a)
    for url_name, filename, content in [
        ("wagtaildocs:add", "referat.pdf", PDF_BYTES),
        ("wagtailimages:add", "vaerested.jpg", jpeg_bytes()),
    ]:
        response = upload(client, url_name, filename, content)
        assert response.status_code == 302, response.content.decode()[:2000]
    document = get_document_model().objects.get(title="referat.pdf")
    image = get_image_model().objects.get(title="vaerested.jpg")
    return document, image


def test_uploads_through_the_admin_land_in_the_bucket(bucket, uploaded):
    document, image = uploaded
    _, name = bucket

    keys = keys_in(bucket)

    assert document.file.name in keys
    assert document.file.name.startswith("documents/")
    assert image.file.name in keys
    assert image.file.name.startswith("original_images/")
    client, _ = bucket
    stored = client.get_object(Bucket=name, Key=document.file.name)["Body"].read()
    assert stored == PDF_BYTES


def img_sources(html):
    return re.findall(r'<img[^>]+src="([^"]+)"', html)


@pytest.fixture
def live_response(uploaded, index_a, council_a, django_capture_on_commit_callbacks):
    """A live response showing the image in its text and the document."""
    document, image = uploaded
    page = HearingResponsePageFactory(
        parent=index_a,
        hearing=HearingFactory(council=council_a),
        title="Svar med billede",
        body=[
            (
                "paragraph",
                f'<p>Se billedet.</p><embed embedtype="image" id="{image.pk}" '
                'format="fullwidth" alt="Værestedet om aftenen"/>',
            ),
            ("document", {"document": document, "label": "Referat"}),
        ],
    )
    with django_capture_on_commit_callbacks(execute=True):
        publish_fixture(page)
    return page


def test_a_reader_gets_the_image_from_the_bucket_and_the_document_through_django(
    bucket, uploaded, live_response
):
    document, _ = uploaded
    reader = Client()

    page = reader.get(live_response.url, HTTP_HOST="eksempelby.localhost")

    assert page.status_code == 200
    [source] = [s for s in img_sources(page.content.decode()) if "/images/" in s]
    address = urlsplit(source)
    assert address.path.startswith(f"/{bucket[1]}/images/")
    assert not parse_qs(address.query), "a rendition's address is plain"
    assert address.path.split(f"/{bucket[1]}/", 1)[1] in keys_in(bucket)
    image = requests.get(source, timeout=10)
    assert image.status_code == 200
    assert image.content.startswith(b"\xff\xd8")  # a JPEG

    assert document.url in page.content.decode()
    download = reader.get(document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES


def test_a_document_nothing_public_shows_stays_private_on_the_bucket(
    bucket, uploaded, client_as, chair_a
):
    document, image = uploaded

    assert Client().get(document.url).status_code == 404
    assert client_as(chair_a).get(document.url).status_code == 200
    for stored in (document.file, image.file):
        assert not is_public_media(stored.name)
        assert "X-Amz-Signature" in parse_qs(urlsplit(stored.url).query)


def test_the_secretarys_image_listing_shows_renditions_from_the_bucket(
    bucket, uploaded, client_as, secretary_a
):
    response = client_as(secretary_a).get(reverse("wagtailimages:index"))

    sources = [s for s in img_sources(response.content.decode()) if bucket[1] in s]
    assert sources
    for source in sources:
        assert requests.get(source, timeout=10).status_code == 200
