"""Nothing is tied to one machine: two app servers (gunicorn, production
settings: tests/workflows/two_servers_settings.py) share PostgreSQL and Redis, and
what is approved on one is read from the other at once.

Readers have read the response, the index and the home page through server
B, which kept them in the page cache on Redis; the chair logs in to server
A's admin and approves the secretary's change there; the next reader of
server B gets the new title on every one of those pages. The chair's login
on A holds on B too (sessions in the database).
"""

import re
import secrets
from urllib.parse import urlsplit

import pytest
import redis
import requests
from django.conf import settings
from django.urls import reverse
from wagtail.models import Page

from tests.factories import TEST_PASSWORD
from tests.live_servers import ROOT, free_port, running

HOST = "eksempelby.localhost"
NEW_TITLE = "Rådets nye svar om væresteder"
REDIS_URL = settings.CACHE_URL or "redis://127.0.0.1:6379/15"

pytestmark = [
    pytest.mark.postgres,
    # The servers read what the test commits; the migrations' rows come back.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def database_url():
    db = settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


@pytest.fixture(scope="module")
def cache_prefix():
    prefix = f"two-servers-{secrets.token_hex(4)}"
    yield prefix
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


@pytest.fixture(scope="module")
def app_servers(django_db_setup, cache_prefix, tmp_path_factory):
    """Two gunicorn servers on the test database and one Redis."""
    logs = tmp_path_factory.mktemp("app-servers")
    env = {
        "DJANGO_SETTINGS_MODULE": "tests.workflows.two_servers_settings",
        "DATABASE_URL": database_url(),
        "CACHE_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": cache_prefix,
        "SECRET_KEY": "two-servers-test-key-" + secrets.token_hex(16),
        "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "WAGTAILADMIN_BASE_URL": f"http://{HOST}",
        "TWO_FACTOR_REQUIRED": "false",
        "SECURE_SSL_REDIRECT": "false",
        "PAGE_CACHE_TIMEOUT": "300",
        "TASKS_BACKEND": "immediate",
        "EMAIL_HOST": "",
        "S3_BUCKET": "",
        "FRONTEND_CACHE_URL": "",
    }
    ports = [free_port(), free_port()]
    commands = [
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "cms.wsgi:application"]
        + ["-b", f"127.0.0.1:{port}", "-w", "1", "--timeout", "60"]
        for port in ports
    ]
    with (
        running(commands[0], port=ports[0], log=logs / "a.log", env=env),
        running(commands[1], port=ports[1], log=logs / "b.log", env=env),
    ):
        yield [f"http://127.0.0.1:{port}" for port in ports]


def read(server, path, session=None):
    response = (session or requests).get(
        server + path, headers={"Host": HOST}, timeout=30, allow_redirects=False
    )
    assert response.status_code == 200, (server, path, response.status_code)
    return response.text


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def logged_in(server, user):
    """A browser logged in to the server's admin with the user's password."""
    browser = requests.Session()
    login = reverse("wagtailadmin_login")
    token = csrf_token(read(server, login, browser))
    response = browser.post(
        server + login,
        data={
            "csrfmiddlewaretoken": token,
            "username": user.username,
            "password": TEST_PASSWORD,
        },
        headers={"Host": HOST},
        timeout=30,
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:2000]
    return browser


def approve_on(server, browser, page):
    task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    edit = read(server, reverse("wagtailadmin_pages:edit", args=[page.pk]), browser)
    response = browser.post(
        server + url,
        data={"csrfmiddlewaretoken": csrf_token(edit), "comment": ""},
        headers={"Host": HOST},
        timeout=60,
        allow_redirects=False,
    )
    assert response.status_code in (200, 302), response.text[:2000]


def stored_pages(prefix):
    client = redis.Redis.from_url(REDIS_URL)
    return list(client.scan_iter(f"{prefix}:*page-cache:v1:page:*"))


def test_a_change_approved_on_one_server_is_read_from_the_other_at_once(
    app_servers, cache_prefix, admin, response_a, secretary_a, chair_a
):
    server_a, server_b = app_servers
    admin.submit(secretary_a, response_a)
    admin.approve(chair_a, response_a)
    page = Page.objects.get(pk=response_a.pk).specific
    urls = [urlsplit(page.get_full_url()).path, "/hoeringssvar/", "/"]
    for url in urls:
        assert page.title in read(server_b, url), url
    assert len(stored_pages(cache_prefix)) >= len(urls)

    admin.submit(secretary_a, page, title=NEW_TITLE)
    chair = logged_in(server_a, chair_a)
    approve_on(server_a, chair, page)

    assert Page.objects.get(pk=page.pk).title == NEW_TITLE
    for url in urls:
        assert NEW_TITLE in read(server_b, url), url
    read(server_b, reverse("wagtailadmin_home"), chair)  # not sent to log in
