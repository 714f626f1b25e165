"""Uploads on S3-compatible object storage (django-storages), when S3_BUCKET
is set: every app server reads and writes the same files.

Not everything uploaded is public. A draft's attachment belongs to its
council until the council shows it (cms.files), so documents are always
served through Django (WAGTAILDOCS_SERVE_METHOD = "serve_view", which streams
them from the bucket after the permission check), and an original image may
be part of a draft as well. Only the renditions Wagtail makes for pages
(under images/) are shown to readers by their storage address. So the
bucket is private except for images/ (see the README), and the addresses
this storage hands out say the same: a rendition's address is plain and
stable (S3_CUSTOM_DOMAIN, e.g. a CDN, if set), so stored pages and browsers
can keep it; any other file's address is signed and expires soon, and never
on the public domain.
"""

from storages.backends.s3 import S3Storage

# Keys under these prefixes may be read by anyone: Wagtail's renditions.
PUBLIC_PREFIXES = ("images/",)


def is_public_media(name):
    """Whether readers are given the file's storage address."""
    return name.lstrip("/").startswith(PUBLIC_PREFIXES)


class CouncilMediaStorage(S3Storage):
    """One bucket, two kinds of address (see the module): plain for
    renditions, signed and short-lived for everything else."""

    def __init__(self, **options):
        super().__init__(**options)
        self.public_addresses = S3Storage(**{**options, "querystring_auth": False})
        self.signed_addresses = S3Storage(
            **{**options, "querystring_auth": True, "custom_domain": None}
        )

    def url(self, name, parameters=None, expire=None, http_method=None):
        twin = self.public_addresses if is_public_media(name) else self.signed_addresses
        return twin.url(name, parameters, expire, http_method)
