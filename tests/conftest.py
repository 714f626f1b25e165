"""Shared fixtures: two real councils and a user in every role."""

import pytest
from django.conf import settings

from cms.models import CouncilRole
from cms.services import council_create
from tests.factories import UserFactory


@pytest.fixture
def council_a(db):
    """Eksempelby: the default site."""
    return council_create(
        name="Udsatterådet i Eksempelby",
        municipality="Eksempelby Kommune",
        hostname="eksempelby.localhost",
        is_default=True,
    ).site


@pytest.fixture
def council_b(db):
    """Prøvestrup: a second council on the same installation."""
    return council_create(
        name="Udsatterådet i Prøvestrup",
        municipality="Prøvestrup Kommune",
        hostname="provestrup.localhost",
    ).site


@pytest.fixture
def secretary_a(council_a):
    return UserFactory(
        username="sekretaer-a", council_role=(council_a, CouncilRole.SECRETARIAT)
    )


@pytest.fixture
def chair_a(council_a):
    return UserFactory(
        username="formand-a", council_role=(council_a, CouncilRole.CHAIRS)
    )


@pytest.fixture
def vice_chair_a(council_a):
    return UserFactory(
        username="naestformand-a", council_role=(council_a, CouncilRole.CHAIRS)
    )


@pytest.fixture
def member_a(council_a):
    return UserFactory(
        username="medlem-a", council_role=(council_a, CouncilRole.MEMBERS)
    )


@pytest.fixture
def secretary_b(council_b):
    return UserFactory(
        username="sekretaer-b", council_role=(council_b, CouncilRole.SECRETARIAT)
    )


@pytest.fixture
def chair_b(council_b):
    return UserFactory(
        username="formand-b", council_role=(council_b, CouncilRole.CHAIRS)
    )


@pytest.fixture
def client_as(client):
    """Log the test client in as the given user and return it."""

    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture(autouse=True)
def _empty_cache():
    """Wagtail caches site root paths; a test must not see another test's sites."""
    from django.core.cache import cache

    cache.clear()
    yield


def pytest_runtest_setup(item):
    """Tests marked postgres (row locks, real concurrency) skip on SQLite."""
    engine = settings.DATABASES["default"]["ENGINE"]
    if item.get_closest_marker("postgres") and "postgresql" not in engine:
        pytest.skip(
            "needs PostgreSQL: run with "
            "DATABASE_URL=postgres://postgres@127.0.0.1:5432/<name> (CI does)"
        )
