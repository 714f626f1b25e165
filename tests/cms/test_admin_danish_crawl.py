"""Council staff read the admin in Danish: crawling it as the secretary, a
chair and a member (GET only, following the admin's own links), no text on
any screen is one of Wagtail's, wagtail-localize's or Django's English
strings that has no Danish translation."""

from collections import deque
from functools import cache
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import polib
import pytest
import wagtail
import wagtail_localize
from bs4 import BeautifulSoup
from django.conf import settings

from tests.factories import (
    HearingFactory,
    HearingResponsePageFactory,
    MeetingPageFactory,
)
from tests.pages.conftest import hearing_index, meeting_index

PACKAGES = (Path(wagtail.__file__).parent, Path(wagtail_localize.__file__).parent)
# Screens a person reaches from the dashboard in a few clicks; enough to see
# every everyday screen without walking every page of every listing.
MAX_PAGES_PER_ROLE = 150
SKIPPED = ("/admin/logout/", "/admin/jsi18n/", "/admin/password_reset/")


def _english_catalogues():
    """Every string of the admin's packages (their English catalogues hold
    all of them; the Danish ones only those translated there)."""
    for package in PACKAGES:
        yield from package.glob("**/locale/en/LC_MESSAGES/django.po")


def _danish_catalogues():
    for package in PACKAGES:
        yield from package.glob("**/locale/da/LC_MESSAGES/django.po")
    root = Path(settings.BASE_DIR)
    yield root / "cms" / "wagtail_locale" / "da" / "LC_MESSAGES" / "django.po"
    yield root / "locale" / "da" / "LC_MESSAGES" / "django.po"


def _singular_msgids(path, *, translated):
    for entry in polib.pofile(str(path)):
        if entry.obsolete or entry.msgid_plural:
            continue
        if not translated or (entry.msgstr and "fuzzy" not in entry.flags):
            yield entry.msgid


@cache
def untranslated_english():
    """Admin strings of the admin's packages that have no Danish anywhere."""
    msgids = {
        m for p in _english_catalogues() for m in _singular_msgids(p, translated=False)
    }
    danish = {
        m for p in _danish_catalogues() for m in _singular_msgids(p, translated=True)
    }
    return {m for m in msgids - danish if any(c.isalpha() for c in m)}


def visible_texts(html):
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "template", "noscript"]):
        hidden.decompose()
    texts = {" ".join(text.split()) for text in soup.stripped_strings}
    for element in soup.find_all(attrs={"aria-label": True}):
        texts.add(element["aria-label"].strip())
    for element in soup.find_all(attrs={"placeholder": True}):
        texts.add(element["placeholder"].strip())
    return texts


def admin_links(html):
    soup = BeautifulSoup(html, "html.parser")
    for anchor in soup.find_all("a", href=True):
        href = urldefrag(anchor["href"])[0]
        parts = urlsplit(href)
        if parts.netloc and parts.netloc != "testserver":
            continue
        # Sorting, paging and "next" give the same screen again.
        if parts.path.startswith("/admin/") and not parts.path.startswith(SKIPPED):
            yield parts.path


def crawl(client, start="/admin/"):
    """{url: English strings shown there}, breadth first from the dashboard."""
    queue, seen, found = deque([start]), {start}, {}
    english = untranslated_english()
    while queue and len(seen) <= MAX_PAGES_PER_ROLE:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code != 200 or "html" not in response["Content-Type"]:
            continue
        html = response.content.decode()
        shown = visible_texts(html) & english
        if shown:
            found[url] = sorted(shown)
        for link in admin_links(html):
            if link not in seen:
                seen.add(link)
                queue.append(link)
    return found


@pytest.fixture
def council_at_work(council_a, secretary_a):
    hearing = HearingFactory(council=council_a, title="Høring om væresteder")
    response = HearingResponsePageFactory(
        parent=hearing_index(council_a), hearing=hearing, title="Svar om væresteder"
    )
    response.save_revision(user=secretary_a)
    response.get_workflow().start(response, secretary_a)
    meeting = MeetingPageFactory(parent=meeting_index(council_a), live=False)
    meeting.save_revision(user=secretary_a)
    return response


@pytest.mark.parametrize("role", ["secretary_a", "chair_a", "member_a"])
def test_no_screen_shows_an_untranslated_admin_string(
    request, db, client_as, council_at_work, role
):
    client = client_as(request.getfixturevalue(role))

    found = crawl(client)

    report = [f"{url}: {', '.join(map(repr, texts))}" for url, texts in found.items()]
    assert not report, "English on Danish screens:\n" + "\n".join(report)
