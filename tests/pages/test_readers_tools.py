"""What feed readers, search engines and browsers ask a council's site for:
robots.txt, a sitemap of that council only, a favicon, a description and a
title that does not repeat itself on every page, and conditional requests."""

import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup

from tests.factories import ContentPageFactory
from tests.pages.conftest import about_page, hearing_index

HOST_A = "eksempelby.localhost"
HOST_B = "provestrup.localhost"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def head(client, url, host=HOST_A):
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser").head


def sitemap_urls(client, host):
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [loc.text for loc in root.iter(f"{SITEMAP}loc")]


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(
    client, council_a
):
    response = client.get("/robots.txt", HTTP_HOST=HOST_A)

    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert f"Sitemap: http://{HOST_A}/sitemap.xml" in lines


def test_the_sitemap_lists_the_councils_live_pages_in_both_languages_only(
    client, council_a, council_b, published_response, draft_response
):
    urls = sitemap_urls(client, HOST_A)

    assert f"http://{HOST_A}/" in urls
    assert f"http://{HOST_A}/en/" in urls
    assert f"http://{HOST_A}/hoeringssvar/{published_response.slug}/" in urls
    assert not any(draft_response.slug in url for url in urls)
    assert not any(HOST_B in url for url in urls)
    assert all(url.startswith(f"http://{HOST_A}/") for url in urls)
    assert f"http://{HOST_B}/" in sitemap_urls(client, HOST_B)
    index = hearing_index(council_a)
    assert index.hearing_url(published_response.hearing, full=True) in urls


def test_favicon_ico_leads_to_the_icon(client, council_a):
    response = client.get("/favicon.ico", HTTP_HOST=HOST_A)

    assert response.status_code == 301
    assert response["Location"].endswith("/img/favicon.svg")


def test_every_page_has_a_description_and_uses_the_introduction(
    client, council_a, published_response
):
    about = about_page(council_a)
    page = ContentPageFactory(
        parent=about, title="Sådan arbejder vi", introduction="Vi mødes  hver\nmåned."
    )
    urls = ["/", "/soeg/?q=bolig", about.url, published_response.url]

    for url in urls:
        description = head(client, url).find("meta", attrs={"name": "description"})
        assert description is not None and description["content"].strip(), url
    own = head(client, page.url).find("meta", attrs={"name": "description"})
    assert own["content"] == "Vi mødes hver måned."


def test_the_home_page_title_says_the_councils_name_once(client, council_a):
    about = about_page(council_a)

    assert head(client, "/").title.string == "Udsatterådet i Eksempelby"
    assert (
        head(client, about.url).title.string
        == f"{about.title} – Udsatterådet i Eksempelby"
    )


def test_a_conditional_request_is_answered_with_304_and_no_body(client, council_a):
    first = client.get("/", HTTP_HOST=HOST_A)
    assert first.has_header("ETag")

    again = client.get("/", HTTP_HOST=HOST_A, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""
