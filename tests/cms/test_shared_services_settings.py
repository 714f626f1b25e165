"""Production reads its shared services from the environment: object
storage for uploads (S3_*), a proxy to purge (FRONTEND_CACHE_URL), and the
public pages' CSP lets readers' browsers fetch renditions from the storage."""

from tests.cms.test_settings import PLAUSIBLE, production_setting

WITH_STORAGE = {
    **PLAUSIBLE,
    "S3_BUCKET": "raad-filer",
    "S3_ENDPOINT_URL": "https://s3.example.dk",
    "S3_CUSTOM_DOMAIN": "billeder.example.dk",
    "FRONTEND_CACHE_URL": "http://127.0.0.1:6081",
}


def test_uploads_go_to_the_bucket_and_renditions_are_allowed_from_its_domain():
    assert production_setting('STORAGES["default"]["BACKEND"]', WITH_STORAGE) == (
        "cms.media_storage.CouncilMediaStorage"
    )
    policy = production_setting("CONTENT_SECURITY_POLICY", WITH_STORAGE)
    assert "img-src 'self' data: https://billeder.example.dk;" in policy
    assert production_setting(
        'WAGTAILFRONTENDCACHE["proxy"]["LOCATION"]', WITH_STORAGE
    ) == ("http://127.0.0.1:6081")


def test_without_a_bucket_the_csp_allows_images_from_the_site_only():
    policy = production_setting("CONTENT_SECURITY_POLICY", PLAUSIBLE)

    assert "img-src 'self' data:;" in policy
