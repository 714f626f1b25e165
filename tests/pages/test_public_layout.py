"""The shared layout of every public page: what a keyboard or screen-reader
user relies on, and the rules that let a strict CSP be set."""

import pytest

from cms.models import CouncilSettings
from pages.models import AccessibilityStatementPage
from tests.pages.conftest import about_page, hearing_index, meeting_index
from tests.pages.html import parse

EVENT_ATTRIBUTES = ("onclick", "onload", "onerror", "onchange", "onsubmit")


@pytest.fixture
def public_urls(council_a, published_response, upcoming_meeting):
    statement = AccessibilityStatementPage.objects.child_of(council_a.root_page).get()
    return {
        "home": "/",
        "hearing index": hearing_index(council_a).url,
        "response": published_response.url,
        "content page": about_page(council_a).url,
        "meeting index": meeting_index(council_a).url,
        "meeting": upcoming_meeting.url,
        "accessibility statement": statement.url,
        "search": "/soeg/?q=bolig",
        "not found": "/findes-ikke/",
    }


def _get(client, url):
    response = client.get(url)
    assert response.status_code in (200, 404), url
    return response


def test_every_page_starts_with_a_skip_link_to_the_main_content(client, public_urls):
    for name, url in public_urls.items():
        document = parse(_get(client, url).content)
        first_link = document.find("body").find("a")
        assert first_link.attrs["href"] == "#main-content", name
        assert first_link.text == "Gå til sidens indhold", name
        main = document.find("main")
        assert main.attrs["id"] == "main-content", name
        assert main.attrs["tabindex"] == "-1", name


def test_every_page_has_one_h1_danish_lang_and_the_landmarks(client, public_urls):
    for name, url in public_urls.items():
        document = parse(_get(client, url).content)
        assert len(document.find_all("h1")) == 1, name
        assert document.find("html").attrs["lang"] == "da", name
        assert len(document.find_all("main")) == 1, name
        assert document.find("header") is not None, name
        assert document.find("footer") is not None, name
        assert document.find("nav", **{"aria-label": "Hovedmenu"}) is not None, name


def test_no_page_has_inline_scripts_or_styles(client, public_urls):
    for name, url in public_urls.items():
        response = _get(client, url)
        document = parse(response.content)
        for script in document.find_all("script"):
            assert script.attrs.get("src"), f"inline script on {name}"
            assert not script.text.strip(), f"inline script on {name}"
        assert not document.find_all("style"), f"<style> on {name}"
        for element in document.iter():
            assert "style" not in element.attrs, f"style= on <{element.tag}> ({name})"
            for attribute in EVENT_ATTRIBUTES:
                assert attribute not in element.attrs, f"{attribute} on {name}"
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "style-src 'self'" in policy


def test_the_footer_links_to_the_accessibility_statement_everywhere(
    client, public_urls, council_a
):
    statement = AccessibilityStatementPage.objects.child_of(council_a.root_page).get()
    for name, url in public_urls.items():
        footer = parse(_get(client, url).content).find("footer")
        links = {a.text: a.attrs["href"] for a in footer.find_all("a")}
        assert links["Tilgængelighedserklæring"] == statement.url, name


def test_header_and_footer_show_the_councils_own_details(client, council_a):
    settings = CouncilSettings.for_site(council_a)
    settings.email = "raadet@eksempelby.example"
    settings.phone = "70 11 22 33"
    settings.save()
    document = parse(client.get("/").content)
    assert "Udsatterådet i Eksempelby" in document.find("header").text
    footer = document.find("footer")
    assert footer.find("a", href="mailto:raadet@eksempelby.example") is not None
    assert footer.find("a", href="tel:70112233").text == "70 11 22 33"


def test_main_menu_lists_the_sections_and_marks_where_the_reader_is(
    client, council_a, upcoming_meeting
):
    document = parse(client.get(upcoming_meeting.url).content)
    menu = document.find("nav", **{"aria-label": "Hovedmenu"})
    titles = [link.text for link in menu.find_all("a")]
    assert titles == ["Høringssvar", "Møder", "Om rådet"]
    meetings_link = menu.find("a", href=meeting_index(council_a).url)
    assert meetings_link.attrs["aria-current"] == "true"


def test_breadcrumbs_lead_from_the_home_page_to_the_current_page(
    client, upcoming_meeting
):
    document = parse(client.get(upcoming_meeting.url).content)
    crumbs = document.find("nav", **{"aria-label": "Brødkrumme"})
    items = crumbs.find_all("li")
    assert [item.text for item in items] == [
        "Udsatterådet i Eksempelby",
        "Møder",
        "Rådsmøde om vinterhjælp",
    ]
    assert items[-1].attrs["aria-current"] == "page"
    assert (
        parse(client.get("/").content).find("nav", **{"aria-label": "Brødkrumme"})
        is None
    )


def test_every_page_loads_the_print_stylesheet(client, public_urls):
    for name, url in public_urls.items():
        document = parse(_get(client, url).content)
        sheets = [
            link.attrs["href"]
            for link in document.find_all("link", rel="stylesheet", media="print")
        ]
        assert sheets == ["/static/css/print.css"], name


def test_the_search_field_has_a_label(client, council_a):
    document = parse(client.get("/soeg/").content)
    for field in document.find_all("input", type="search"):
        label = document.find("label", **{"for": field.attrs["id"]})
        assert label is not None and label.text == "Søg på siden"


def test_the_404_page_is_danish_and_helpful(client, council_a):
    response = client.get("/findes-ikke/")
    assert response.status_code == 404
    document = parse(response.content)
    assert document.find("h1").text == "Siden blev ikke fundet"
    main = document.find("main")
    assert main.find("a", href="/").text == "Gå til forsiden"


def test_the_500_page_renders_without_a_database():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    document = parse(html)
    assert document.find("h1").text == "Der skete en fejl"
    assert document.find("a").attrs["href"] == "#main-content"


def test_english_pages_say_they_are_english(client, council_a):
    document = parse(client.get("/en/soeg/").content)
    assert document.find("html").attrs["lang"] == "en"
    assert document.find("body").find("a").text == "Skip to main content"
