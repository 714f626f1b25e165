"""Page addresses are plain ASCII, spelled the Danish way (æ → ae, ø → oe,
å → aa), however a page is made; old addresses of existing pages redirect."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.council_translations import page_translation_save
from cms.slugs import ascii_slug
from hearings.services import response_page_ensure
from pages.models import ContentPage
from tests.factories import HearingFactory, HearingResponsePageFactory, publish_fixture
from workflows.publish_guard import bootstrap

HOST = {"HTTP_HOST": "eksempelby.localhost"}
TITLE = "Nye åbningstider på værestedet"
SLUG = "nye-aabningstider-paa-vaerestedet"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        (TITLE, SLUG),
        ("ÆBLER, ØL OG ÅER", "aebler-oel-og-aaer"),
        ("Café & søvn – før kl. 22", "cafe-soevn-foer-kl-22"),
        ("Rådsmøde i Næstved", "raadsmoede-i-naestved"),
    ],
)
def test_danish_letters_are_spelled_out(text, slug):
    assert ascii_slug(text) == slug


def home_of(site):
    """The council's home page as it is now (the fixture's site object
    holds it from before the council's tree was completed)."""
    return Page.objects.get(pk=site.root_page_id).specific


def content_page_data(title, slug):
    return {
        "title": title,
        "slug": slug,
        "introduction": "",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        **nested_form_data({"body": streamfield([]), "comments": inline_formset([])}),
    }


@pytest.mark.parametrize("typed_slug", ["", "nye-åbningstider-på-værestedet"])
def test_a_page_made_in_the_admin_gets_an_ascii_slug(
    client_as, secretary_a, council_a, typed_slug
):
    client = client_as(secretary_a)
    home = home_of(council_a)
    url = reverse("wagtailadmin_pages:add", args=["pages", "contentpage", home.pk])
    response = client.post(url, content_page_data(TITLE, typed_slug))
    assert response.status_code == 302, response.context["form"].errors
    page = ContentPage.objects.child_of(home).get(title=TITLE)
    assert page.slug == SLUG
    assert page.get_latest_revision_as_object().slug == SLUG


def test_the_editors_slug_field_spells_danish_letters_out(
    client_as, secretary_a, council_a
):
    home = home_of(council_a)
    url = reverse("wagtailadmin_pages:add", args=["pages", "contentpage", home.pk])
    html = client_as(secretary_a).get(url).content.decode()
    field = BeautifulSoup(html, "html.parser").find("input", attrs={"name": "slug"})
    assert field["data-controller"] == "w-slug"
    assert field["data-w-slug-allow-unicode-value"] == "false"
    # Wagtail's slug widget applies these (pattern, flags) → replacement
    # formatters to the title as it is typed, and to a typed slug, before its
    # own ASCII transliteration (which, like Django's, ends in slugify).
    formatters = json.loads(field["data-w-slug-formatters-value"])
    typed = TITLE
    for (pattern, flags), replacement in formatters:
        assert flags == "gu"
        typed = re.sub(pattern, replacement, typed)
    assert slugify(typed) == SLUG


def test_pages_made_in_code_get_ascii_slugs_drafts_too(council_a):
    home = home_of(council_a)
    with bootstrap(reason="test"):
        draft = home.add_child(instance=ContentPage(title=TITLE, live=False))
        typed = home.add_child(
            instance=ContentPage(title="Om os", slug="på-tværs-af-byen", live=False)
        )
        again = home.add_child(instance=ContentPage(title=TITLE, live=False))
    assert draft.slug == SLUG
    assert typed.slug == "paa-tvaers-af-byen"
    assert again.slug == SLUG + "-2"


def test_an_existing_ascii_slug_is_left_as_it_is(council_a):
    home = home_of(council_a)
    with bootstrap(reason="test"):
        page = home.add_child(instance=ContentPage(title="X", slug="Om_Os", live=False))
    assert page.slug == "Om_Os"


def test_a_response_started_from_a_hearing_gets_an_ascii_slug(
    council_a, index_a, secretary_a
):
    hearing = HearingFactory(council=council_a, title="Forslag om værestedets åbning")
    page = response_page_ensure(hearing=hearing, owner=secretary_a)
    assert page.slug == "forslag-om-vaerestedets-aabning"


def test_the_poster_letter_and_feed_carry_ascii_addresses(client, council_a, index_a):
    page = HearingResponsePageFactory(
        parent=index_a,
        hearing=HearingFactory(council=council_a),
        title="Svar om åbningstider",
        slug="",
        published=True,
    )
    assert page.slug == "svar-om-aabningstider"
    full_url = page.get_full_url()
    assert full_url.isascii()
    poster = client.get(page.url + "opslag/", **HOST).content.decode()
    assert full_url in poster
    feed = client.get(index_a.url + "feed/", **HOST).content.decode()
    assert full_url in feed
    assert "%C3" not in poster + feed


def test_changing_a_live_pages_slug_redirects_its_old_address(
    client, council_a, django_capture_on_commit_callbacks
):
    home = home_of(council_a)
    with bootstrap(reason="test"):
        page = home.add_child(instance=ContentPage(title="Om caféen", live=False))
    publish_fixture(page)
    old_url = page.url
    page.slug = "om-vores-cafe"
    # Wagtail makes its redirect when the change is committed.
    with django_capture_on_commit_callbacks(execute=True):
        publish_fixture(page)
    response = client.get(old_url, **HOST)
    assert response.status_code == 301
    assert response["Location"] == "/om-vores-cafe/"


# The data migration, run forward on pages made before the rule.

MIGRATION = ("cms", "0005_ascii_page_addresses")


def unicode_slug(page, slug):
    """Give ``page`` a slug as pages had before the rule (bypassing it)."""
    Page.objects.filter(pk=page.pk).update(slug=slug)
    parent_url = page.get_parent().url_path
    Page.objects.filter(pk=page.pk).update(url_path=f"{parent_url}{slug}/")
    for child in page.get_children():
        Page.objects.filter(pk=child.pk).update(
            url_path=f"{parent_url}{slug}/{child.slug}/"
        )


def migrate_forward():
    """Run the migration's operation forward on the models as they were at
    that migration (later migrations of other apps stay applied)."""
    loader = MigrationLoader(connection)
    (operation,) = loader.get_migration(*MIGRATION).operations
    historical_apps = loader.project_state(MIGRATION).apps
    # A data-only migration: it never touches the schema editor.
    operation.code(historical_apps, None)


def test_the_migration_gives_old_pages_ascii_addresses_and_redirects(
    client, council_a, index_a
):
    home = home_of(council_a)
    with bootstrap(reason="test"):
        about = home.add_child(instance=ContentPage(title="Om rådet i byen"))
        child = about.add_child(instance=ContentPage(title="Vores møder"))
    publish_fixture(about)
    publish_fixture(child)
    english = translated(about)
    unicode_slug(about, "om-rådet-i-byen")
    unicode_slug(english, "om-rådet-i-byen")
    migrate_forward()

    about.refresh_from_db()
    child.refresh_from_db()
    assert about.slug == "om-raadet-i-byen"
    assert about.url == "/om-raadet-i-byen/"
    assert child.url == "/om-raadet-i-byen/vores-moeder/"
    assert about.get_latest_revision_as_object().slug == "om-raadet-i-byen"
    for old, new in [
        ("/om-r%C3%A5det-i-byen/", "/om-raadet-i-byen/"),
        ("/om-r%C3%A5det-i-byen/vores-moeder/", "/om-raadet-i-byen/vores-moeder/"),
        ("/en/om-r%C3%A5det-i-byen/", "/en/om-raadet-i-byen/"),
    ]:
        response = client.get(old, **HOST)
        assert response.status_code == 301, old
        assert response["Location"] == new
        assert client.get(new, **HOST).status_code == 200
    redirect = Redirect.objects.get(old_path="/om-rådet-i-byen")
    assert redirect.site == council_a
    assert redirect.is_permanent


def translated(page):
    with bootstrap(reason="test fixture"):
        return page_translation_save(
            page=page,
            locale=Locale.objects.get(language_code="en"),
            strings={"title": "About the council"},
            publish=True,
        )


def test_the_demo_content_has_ascii_addresses_only(db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-adgangskode-1")
    call_command("seed_demo", "--force")
    pages = Page.objects.filter(depth__gt=1)
    assert pages.count() > 20
    assert [page.url_path for page in pages if not page.url_path.isascii()] == []
