"""What a proxy in front of the site is told (cms.frontend_purge), as a real
HTTP server on this machine receives it: a PURGE of the council's root
address when its pages change, every council's when all of them change,
nothing when no proxy is configured."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from wagtail.models import Site


class PurgeRecorder(BaseHTTPRequestHandler):
    """Answers PURGE with 200 and remembers (host, path)."""

    received = None

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy(settings):
    received = []
    handler = type("Handler", (PurgeRecorder,), {"received": received})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield received
    server.shutdown()
    server.server_close()


def test_the_chairs_approval_purges_the_councils_address_only(
    proxy, admin, response_a, secretary_a, chair_a, council_b
):
    admin.submit(secretary_a, response_a)
    assert proxy == []

    admin.approve(chair_a, response_a)

    # Once per event the page cache heard of (publishing, the page's save).
    assert proxy
    assert set(proxy) == {("eksempelby.localhost", "/")}


def test_a_change_every_council_shows_purges_every_councils_address(
    proxy, council_a, council_b, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        Site.objects.get(pk=council_b.pk).save()

    assert set(proxy) == {
        ("eksempelby.localhost", "/"),
        ("provestrup.localhost", "/"),
    }


def test_nothing_is_sent_without_a_proxy(
    proxy, settings, admin, response_a, secretary_a, chair_a
):
    del settings.WAGTAILFRONTENDCACHE

    admin.submit(secretary_a, response_a)
    admin.approve(chair_a, response_a)

    assert proxy == []
