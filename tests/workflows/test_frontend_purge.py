"""A reverse proxy in front of the site shows a council's new text at once
after the chairs approve it (cms.frontend_purge), against a real Varnish
(Debian's varnishd, unprivileged, with tests/workflows/varnish.vcl) in front of a
live Django server.

Readers get the pages through Varnish, which keeps them (a second read is
Varnish's); the secretary changes the response and the chair approves it in
the admin, the way pages go live; the next reader through Varnish sees the
new title on every page that shows it. Another council's kept pages stay.
"""

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

from tests.live_servers import free_port, running

HOST_A = "eksempelby.localhost"
HOST_B = "provestrup.localhost"
VCL = Path(__file__).with_name("varnish.vcl")
NEW_TITLE = "Rådets nye svar om væresteder"

pytestmark = [
    pytest.mark.skipif(
        shutil.which("varnishd", path="/usr/sbin:/usr/bin") is None,
        reason="needs Varnish: apt-get install varnish (.ci/run installs it)",
    ),
    # The live server's tests commit; the migrations' rows come back after.
    pytest.mark.usefixtures("django_db_serialized_rollback"),
]


@pytest.fixture(scope="module")
def varnish(live_server, tmp_path_factory):
    """varnishd in the foreground, as this user, in front of the live server."""
    work = tmp_path_factory.mktemp("varnish")
    vcl = work / "talerror.vcl"
    backend_port = live_server.url.rsplit(":", 1)[1]
    vcl.write_text(VCL.read_text().replace("BACKEND_PORT", backend_port))
    port = free_port()
    command = [
        shutil.which("varnishd", path="/usr/sbin:/usr/bin"),
        *("-F", "-j", "none", "-n", str(work / "state")),
        *("-a", f"127.0.0.1:{port}", "-f", str(vcl), "-s", "malloc,32m"),
        *("-T", "none"),
    ]
    with running(command, port=port, log=work / "varnishd.log"):
        yield f"http://127.0.0.1:{port}"


@pytest.fixture
def purging(varnish, settings):
    settings.PAGE_CACHE_TIMEOUT = 300
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": varnish,
        }
    }
    return varnish


def through_varnish(varnish, path, host=HOST_A):
    response = requests.get(varnish + path, headers={"Host": host}, timeout=10)
    assert response.status_code == 200, (path, response.status_code)
    return response


def from_varnish_cache(response):
    """Varnish names two transactions (this one and the stored object's)
    when it answered from its cache."""
    return len(response.headers["X-Varnish"].split()) == 2


@pytest.fixture
def live_response(admin, response_a, secretary_a, chair_a, purging):
    admin.submit(secretary_a, response_a)
    admin.approve(chair_a, response_a)
    response_a.refresh_from_db()
    return response_a


def addresses_showing(page):
    """Where a reader finds the response: its page, the index, its feed, the
    home page, the hearing's page, search results (a query string)."""
    return [
        path_of(page),
        "/hoeringssvar/",
        "/hoeringssvar/feed/",
        "/",
        f"/hoeringssvar/hoering/{page.specific.hearing_id}/",
        "/soeg/?q=svar",
    ]


def path_of(page):
    return urlsplit(page.get_full_url()).path


def test_varnish_keeps_anonymous_pages(purging, live_response):
    first = through_varnish(purging, path_of(live_response))
    second = through_varnish(purging, path_of(live_response))

    assert not from_varnish_cache(first)
    assert from_varnish_cache(second)
    assert "Age" in second.headers
    assert live_response.title in second.text


def test_an_approved_change_is_shown_through_varnish_at_once_everywhere(
    purging, live_response, admin, secretary_a, chair_a, council_b
):
    urls = addresses_showing(live_response)
    for url in urls:
        through_varnish(purging, url)
        assert from_varnish_cache(through_varnish(purging, url)), url
    through_varnish(purging, "/", HOST_B)

    admin.submit(secretary_a, live_response, title=NEW_TITLE)
    admin.approve(chair_a, live_response)

    for url in urls:
        page = through_varnish(purging, url)
        assert NEW_TITLE in unescaped(page.text), url
    assert from_varnish_cache(through_varnish(purging, "/", HOST_B))


def unescaped(text):
    return re.sub(r"&#x27;|&#39;", "'", text)
