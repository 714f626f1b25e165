"""Anonymous pages may sit in a shared cache; nothing personal ever may."""

from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests.pages.conftest import about_page


def _cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",")}


def test_anonymous_pages_and_feeds_are_cacheable_by_shared_caches(
    client, council_a, published_response, settings
):
    settings.PUBLIC_CACHE_MAX_AGE = 120
    for url in ["/", published_response.url, "/soeg/?q=bolig", "/kalender.ics"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert _cache_control(response) == {"public", "max-age=120"}, url
        assert not response.cookies, url


def test_logged_in_users_never_get_shared_cache_headers(
    client_as, secretary_a, published_response
):
    client = client_as(secretary_a)
    for url in ["/", published_response.url, "/soeg/?q=bolig"]:
        directives = _cache_control(client.get(url))
        assert "public" not in directives, url
        assert {"private", "no-store"} <= directives, url


def test_a_restricted_page_is_never_publicly_cached(client, council_a):
    page = about_page(council_a)
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    response = client.get(page.url)
    assert "public" not in _cache_control(response)
    assert "private" in _cache_control(response)


def test_a_page_for_a_group_is_never_publicly_cached(client_as, council_a, member_a):
    page = about_page(council_a)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(user=member_a))
    response = client_as(member_a).get(page.url)
    assert response.status_code == 200
    assert "public" not in _cache_control(response)


def test_the_admin_is_never_publicly_cached(client_as, secretary_a):
    response = client_as(secretary_a).get("/admin/")
    assert "public" not in _cache_control(response)


def test_a_post_is_refused_and_never_cached(client, council_a):
    response = client.post("/soeg/", {"q": "bolig"})
    assert response.status_code == 405
    assert "public" not in _cache_control(response)
