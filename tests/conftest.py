"""Shared fixtures: two real councils and a user in every role."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.servers.basehttp import WSGIServer
from django.db import connections
from django.test.testcases import LiveServerThread
from wagtail.models import Locale

from cms.models import CouncilRole
from hearings.selectors import hearing_index_for
from tests.council_snapshots import CouncilRecorder
from tests.factories import UserFactory


@pytest.fixture(scope="session")
def council_recorder():
    """Councils recorded once per test process (tests.council_snapshots)."""
    return CouncilRecorder(forget_caches=_cache_emptied)


@pytest.fixture
def council_a(db, council_recorder):
    """Eksempelby: the default site."""
    return council_recorder.council(
        name="Udsatterådet i Eksempelby",
        municipality="Eksempelby Kommune",
        hostname="eksempelby.localhost",
        is_default=True,
    )


@pytest.fixture
def council_b(db, council_recorder):
    """Prøvestrup: a second council on the same installation."""
    return council_recorder.council(
        name="Udsatterådet i Prøvestrup",
        municipality="Prøvestrup Kommune",
        hostname="provestrup.localhost",
    )


def council_user(username, site, role):
    """A real user in the given council group, as an administrator makes them."""
    return UserFactory(username=username, council_role=(site, role))


@pytest.fixture
def secretary_a(council_a):
    return council_user("sekretaer-a", council_a, CouncilRole.SECRETARIAT)


@pytest.fixture
def chair_a(council_a):
    return council_user("formand-a", council_a, CouncilRole.CHAIRS)


@pytest.fixture
def vice_chair_a(council_a):
    return council_user("naestformand-a", council_a, CouncilRole.CHAIRS)


@pytest.fixture
def member_a(council_a):
    return council_user("medlem-a", council_a, CouncilRole.MEMBERS)


@pytest.fixture
def secretary_b(council_b):
    return council_user("sekretaer-b", council_b, CouncilRole.SECRETARIAT)


@pytest.fixture
def chair_b(council_b):
    return council_user("formand-b", council_b, CouncilRole.CHAIRS)


@pytest.fixture
def index_a(council_a):
    """Council A's hearing-response index ("Høringssvar")."""
    return hearing_index_for(council=council_a)


@pytest.fixture
def index_b(council_b):
    return hearing_index_for(council=council_b)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded documents go to a temporary folder, not the project's media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def superuser(db):
    """The platform administrator."""
    return get_user_model().objects.create_superuser(
        "platform", "platform@example.org", "en-lang-test-adgangskode"
    )


@pytest.fixture
def client_as(client):
    """Log the test client in as the given user and return it."""

    def login(user):
        client.force_login(user)
        return client

    return login


# Tests that commit (the browser's live server, real concurrency) flush the
# database when they end, taking with it the rows the migrations made.
TRANSACTIONAL = {"transactional_db", "live_server", "django_db_serialized_rollback"}


@pytest.fixture(autouse=True)
def _migrated_rows(request, django_db_blocker):
    """A test that runs after a flushing one on the same pytest-xdist worker
    still finds the locales, the root page and the rest the migrations made
    (restored, committed, before its own transaction begins)."""
    names = set(request.fixturenames)
    if "db" not in names or names & TRANSACTIONAL:
        return
    request.getfixturevalue("django_db_setup")
    with django_db_blocker.unblock():
        connection = connections["default"]
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents and not Locale.objects.exists():
            connection.creation.deserialize_db_from_string(contents)


def _cache_emptied():
    from django.core.cache import cache

    if hasattr(cache, "delete_pattern"):
        # django-redis: clear() empties the whole Redis database, the keys of
        # the other pytest-xdist workers' running tests included.
        cache.delete_pattern("*")
    else:
        cache.clear()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Wagtail caches site root paths; a test must not see another test's sites."""
    _cache_emptied()
    yield


@pytest.fixture(autouse=True)
def _site_language():
    """Every test starts in the site's first language: a request to an
    English page leaves English active in the thread (LocaleMiddleware does
    not undo it), and code rendering outside a request would inherit it."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def pytest_runtest_setup(item):
    """Tests marked postgres (row locks, real concurrency) skip on SQLite."""
    engine = settings.DATABASES["default"]["ENGINE"]
    if item.get_closest_marker("postgres") and "postgresql" not in engine:
        pytest.skip(
            "needs PostgreSQL: run with "
            "DATABASE_URL=postgres://postgres@127.0.0.1:5432/<name> (CI does)"
        )


class _OneRequestAtATime(WSGIServer):
    """A live server that answers one request at a time.

    With SQLite the test database lives in memory, and the live server's
    threads share the test's one connection: a page and its script
    (/admin/ and /admin/jsi18n/) answered at once interleave their request
    transactions on it ("no such savepoint"). The live-server thread has the
    shared connection already; no request thread needs it handed over.
    """

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


@pytest.fixture(scope="session", autouse=True)
def _live_server_in_turn():
    """Before any live server starts: on SQLite, one request at a time."""
    if "sqlite" not in settings.DATABASES["default"]["ENGINE"]:
        yield
        return
    threaded = LiveServerThread.server_class
    LiveServerThread.server_class = _OneRequestAtATime
    yield
    LiveServerThread.server_class = threaded
