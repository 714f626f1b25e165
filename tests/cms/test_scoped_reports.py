"""The admin's page listings, filters and reports show a council's staff
their own council only (cms.admin_views), the platform administrator all.

Council B (Prøvestrup) gets a draft, a locked page, a page in review, a
hearing with a log entry and a translation, all by staff with distinctive
names; council A (Eksempelby) gets the same of its own. Each test requests
the real admin URL and reads the whole body, filter forms included.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.checks import run_checks
from django.urls import URLPattern, URLResolver, resolve, reverse
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from cms.admin_urls import SCOPED_VIEWS
from cms.models import CouncilRole
from cms.selectors import council_group
from pages.models import ContentPage
from tests.factories import ContentPageFactory, HearingFactory, UserFactory

# Everything of council B's below carries one of these.
B_MARKERS = (
    "prøvestrup",
    "pr\\u00f8vestrup",
    "provestrup",
    "fjordskjul",
    "låsholm",
    "laasholm",
)


def markers_in(text):
    lowered = text.lower()
    return [marker for marker in B_MARKERS if marker in lowered]


@dataclass
class Council:
    """One council's distinctive objects."""

    site: object
    secretary: object
    chair: object
    draft: object
    locked: object
    in_review: object
    hearing: object

    @property
    def council_root(self):
        return self.site.root_page.get_parent()


def _page(council_site, title, user):
    about = council_site.root_page.get_children().get(slug="om-raadet")
    page = ContentPageFactory(parent=about, title=title, owner=user, live=False)
    page.save_revision(user=user, log_action=True)
    return page


def _council(site, secretary, chair, prefix):
    draft = _page(site, f"{prefix} udkast", secretary)
    locked = _page(site, f"{prefix} låste side", secretary)
    Page.objects.filter(pk=locked.pk).update(
        locked=True, locked_by=chair, locked_at=timezone.now()
    )
    in_review = _page(site, f"{prefix} side til godkendelse", secretary)
    in_review.get_workflow().start(in_review, secretary)
    hearing = HearingFactory(council=site, title=f"{prefix} høring")
    log(instance=hearing, action="wagtail.create", user=secretary)
    source, _created = TranslationSource.get_or_create_from_instance(draft)
    Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    return Council(site, secretary, chair, draft, locked, in_review, hearing)


def _named(user, first_name, last_name):
    user.first_name, user.last_name = first_name, last_name
    user.save(update_fields=["first_name", "last_name"])
    return user


@pytest.fixture
def world(council_a, council_b, secretary_a, chair_a):
    """Council A's things first, then B's: B's are the latest everywhere."""
    a = _council(
        council_a,
        _named(secretary_a, "Eskild", "Eksempelsen"),
        _named(chair_a, "Karen", "Eksempelformand"),
        "Eksempelbys",
    )
    staff_b = UserFactory(
        username="sekretaer-fjordskjul",
        first_name="Gorm",
        last_name="Fjordskjul",
        council_role=(council_b, CouncilRole.SECRETARIAT),
    )
    chair_b = UserFactory(
        username="formand-laasholm",
        first_name="Valdemar",
        last_name="Låsholm",
        council_role=(council_b, CouncilRole.CHAIRS),
    )
    b = _council(council_b, staff_b, chair_b, "Prøvestrups hemmelige")
    return a, b


def explorer(a):
    return reverse("wagtailadmin_explore", args=[a.council_root.pk])


def explorer_filtered(a):
    return explorer(a) + "?q=side&search_all=1"


def explorer_results(a):
    url = reverse("wagtailadmin_explore_results", args=[a.council_root.pk])
    return url + "?q=side&search_all=1"


def page_search(a):
    return reverse("wagtailadmin_pages:search") + "?q=side"


def page_search_results(a):
    return reverse("wagtailadmin_pages:search_results") + "?q=side"


def report(name):
    def url(a):
        return reverse(name)

    url.__name__ = name
    return url


# (URL, whose eyes, texts of council A's that must be shown)
VIEWS = [
    (explorer, "secretary", ["Eksempelsen", "Udsatterådet i Eksempelby"]),
    (explorer_filtered, "secretary", ["Eksempelbys låste side", "Eksempelsen"]),
    (explorer_results, "chair", ["Eksempelbys side til godkendelse"]),
    (page_search, "secretary", ["Eksempelbys låste side"]),
    (page_search_results, "chair", ["Eksempelbys låste side"]),
    (
        report("wagtailadmin_reports:locked_pages"),
        "chair",
        ["Eksempelbys låste side", "formand-a"],
    ),
    (report("wagtailadmin_reports:locked_pages_results"), "chair", []),
    (
        report("wagtailadmin_reports:workflow"),
        "secretary",
        ["Eksempelbys side til godkendelse", "Eksempelsen"],
    ),
    (report("wagtailadmin_reports:workflow_results"), "chair", []),
    (
        report("wagtailadmin_reports:workflow_tasks"),
        "chair",
        ["Eksempelbys side til godkendelse"],
    ),
    (report("wagtailadmin_reports:workflow_tasks_results"), "secretary", []),
    (
        report("wagtailadmin_reports:site_history"),
        "secretary",
        ["Eksempelbys udkast", "Eksempelbys høring", "Eksempelsen"],
    ),
    (report("wagtailadmin_reports:site_history_results"), "chair", []),
    (report("wagtailadmin_reports:aging_pages"), "secretary", []),
    (report("wagtailadmin_reports:aging_pages_results"), "chair", []),
    (
        report("wagtailadmin_reports:page_types_usage"),
        "secretary",
        ["Eksempelbys side til godkendelse"],
    ),
    (report("wagtailadmin_reports:page_types_usage_results"), "chair", []),
    (
        report("wagtail_localize:translations_report"),
        "secretary",
        ["Eksempelbys udkast", "Udsatterådet i Eksempelby"],
    ),
    (report("wagtail_localize:translations_report_results"), "chair", []),
]
VIEW_IDS = [url.__name__ for url, _who, _shown in VIEWS]


def _get(client, url):
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("url, who, shown", VIEWS, ids=VIEW_IDS)
def test_council_staff_see_their_own_council_only(client_as, world, url, who, shown):
    a, _b = world
    body = _get(client_as(getattr(a, who)), url(a))

    assert markers_in(body) == []
    for text in shown:
        assert text in body


@pytest.fixture
def mistaken_rights(world):
    """Council A's groups wrongly given rights on council B's pages (which
    cms.checks reports): the listings must still keep to council A."""
    _a, b = world
    for role in (CouncilRole.SECRETARIAT, CouncilRole.CHAIRS):
        group = council_group(site=world[0].site, role=role)
        for codename in ("change_page", "unlock_page", "publish_page"):
            GroupPagePermission.objects.create(
                group=group,
                page=b.site.root_page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    # ...and one of B's pages locked by A's chair while they had them.
    locked = _page(b.site, "Prøvestrups hemmelige side, låst af A", b.secretary)
    Page.objects.filter(pk=locked.pk).update(
        locked=True, locked_by=world[0].chair, locked_at=timezone.now()
    )
    return world


@pytest.mark.parametrize("url, who, shown", VIEWS, ids=VIEW_IDS)
def test_rights_on_another_council_do_not_widen_the_listings(
    client_as, mistaken_rights, url, who, shown
):
    a, _b = mistaken_rights
    body = _get(client_as(getattr(a, who)), url(a))

    assert markers_in(body) == []


def test_explorer_root_leads_a_secretary_to_their_own_council(client_as, world):
    a, _b = world
    response = client_as(a.secretary).get(reverse("wagtailadmin_explore_root"))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_explore", args=[a.council_root.pk])


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        "platform", "platform@example.org", "x"
    )


@pytest.mark.parametrize("url, who, shown", VIEWS, ids=VIEW_IDS)
def test_the_platform_administrator_sees_every_council(
    client_as, world, superuser, url, who, shown
):
    """The same pages, as superuser, do show council B: the data above is
    what the council's staff would see without the scoping."""
    a, _b = world
    body = _get(client_as(superuser), url(a))

    assert markers_in(body)


def test_page_types_usage_counts_only_the_councils_pages(client_as, world):
    a, _b = world
    response = client_as(a.secretary).get(
        reverse("wagtailadmin_reports:page_types_usage")
    )

    usage = {item.model: item for item in response.context["object_list"]}
    own_tree = a.council_root.path
    assert usage["contentpage"].count == (
        ContentPage.objects.filter(path__startswith=own_tree).count()
    )
    assert usage["contentpage"].last_edited_page.title.startswith("Eksempelbys")
    assert usage["councilrootpage"].count == 1


def test_filters_offer_only_the_councils_people_and_site(client_as, world):
    a, b = world
    response = client_as(a.chair).get(explorer_filtered(a))

    form = response.context["filters"].form
    owners = set(form.fields["owner"].queryset)
    assert a.secretary in owners and b.secretary not in owners
    assert b.secretary not in set(form.fields["edited_by"].queryset)
    assert "site" not in form.fields or list(form.fields["site"].queryset) == [a.site]


def test_a_filter_for_another_councils_user_finds_nothing(client_as, world):
    a, b = world
    url = reverse("wagtailadmin_reports:site_history")
    body = _get(client_as(a.secretary), f"{url}?user={b.secretary.pk}")

    assert markers_in(body) == []


def test_members_without_page_rights_get_no_reports(client_as, world, member_a):
    response = client_as(member_a).get(reverse("wagtailadmin_reports:workflow"))

    assert response.status_code in {302, 403, 404}


# The URL configuration ------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SCOPED_VIEWS))
def test_each_scoped_view_is_served_at_wagtails_url_name(name):
    pattern, view_class = SCOPED_VIEWS[name]
    kwargs = dict.fromkeys(pattern.pattern.converters, 1)

    match = resolve(reverse(name, kwargs=kwargs))

    assert match.view_name == name
    assert match.func.view_class is view_class


def sample_kwargs(pattern):
    """Path arguments that fit the pattern: 1 for each."""
    names = pattern.pattern.converters or pattern.pattern.regex.groupindex
    return dict.fromkeys(names, 1)


def _wagtail_named_patterns(patterns, namespace=""):
    from wagtail.admin import urls as wagtail_admin_urls

    for pattern in patterns or wagtail_admin_urls.urlpatterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else ""
            yield from _wagtail_named_patterns(pattern.url_patterns, inner or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def test_every_other_wagtail_admin_url_is_still_wagtails():
    for name, pattern in _wagtail_named_patterns(None):
        if name in SCOPED_VIEWS:
            continue
        try:
            match = resolve(reverse(name, kwargs=sample_kwargs(pattern)))
        except Exception as error:  # noqa: BLE001 (name it in the failure)
            pytest.fail(f"{name}: {error!r}")
        assert match.view_name == name


def test_the_url_check_passes_as_configured():
    ids = [m.id for m in run_checks(tags=["urls"]) if m.id.startswith("talerror.")]

    assert ids == []


@pytest.mark.urls("tests.cms.urls_wagtail_first")
def test_the_url_check_fails_when_wagtails_views_come_first():
    ids = {m.id for m in run_checks(tags=["urls"]) if m.id.startswith("talerror.")}

    assert ids == {"talerror.E006"}
