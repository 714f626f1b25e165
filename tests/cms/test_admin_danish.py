"""Council staff see the Wagtail admin in Danish, not a Danish-English mix.

Wagtail's own Danish catalogue leaves most admin strings untranslated;
cms/wagtail_locale/da fills those gaps. These tests open the real admin
screens as the secretary and look for the words a secretary reads.
"""

import json
from pathlib import Path

import polib
import pytest
import wagtail
from django.urls import reverse
from django.utils import translation

from tests.factories import HearingFactory, HearingResponsePageFactory

SUPPLEMENT = Path(__file__).resolve().parents[2] / "cms" / "wagtail_locale" / "da"

SIDEBAR = [
    ("Billeder", "Images"),
    ("Dokumenter", "Documents"),
    ("Rapporter", "Reports"),
    ("Hjælp", "Help"),
]


@pytest.fixture
def submitted_response(index_a, council_a, secretary_a):
    """A response the secretary has sent to the chair for approval."""
    hearing = HearingFactory(council=council_a, title="Høring om væresteder")
    page = HearingResponsePageFactory(
        parent=index_a, hearing=hearing, title="Svar om væresteder"
    )
    page.save_revision(user=secretary_a)
    page.get_workflow().start(page, secretary_a)
    return page


@pytest.mark.parametrize(("danish", "english"), SIDEBAR)
def test_sidebar_menu_items_are_danish(client_as, secretary_a, danish, english):
    html = client_as(secretary_a).get(reverse("wagtailadmin_home")).content.decode()

    # The sidebar is rendered from JSON, which escapes letters such as æ.
    assert f'"label": {json.dumps(danish)}' in html
    assert f'"label": {json.dumps(english)}' not in html


def test_dashboard_workflow_panel_is_danish(client_as, secretary_a, submitted_response):
    html = client_as(secretary_a).get(reverse("wagtailadmin_home")).content.decode()

    assert "Dine sider og snippets i en arbejdsgang" in html
    assert "Your pages and snippets in a workflow" not in html
    assert "Vis/skjul sidemenu" in html
    assert "Toggle sidebar" not in html


def test_page_explorer_is_danish(client_as, secretary_a, index_a, submitted_response):
    url = reverse("wagtailadmin_explore", args=[index_a.pk])
    html = client_as(secretary_a).get(url).content.decode()

    for danish, english in [
        ("Vælg alle", "Select all"),
        ("Flere valg for &#x27;Svar om væresteder&#x27;", "More options for"),
        ("Massehandlinger", "Bulk actions"),
        ("Sidetype", "Page type"),
    ]:
        assert danish in html
        assert english not in html


def test_admin_scripts_get_the_danish_strings(client_as, secretary_a):
    url = reverse("wagtailadmin_javascript_catalog")
    script = client_as(secretary_a).get(url).content.decode()

    assert '"Toggle sidebar": "Vis/skjul sidemenu"' in script
    assert '"Are you sure?": "Er du sikker?"' in script


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_supplement_never_overrides_a_wagtail_translation(domain):
    package = Path(wagtail.__file__).parent
    shipped = {
        (entry.msgctxt, entry.msgid)
        for mo in package.glob(f"**/locale/da/LC_MESSAGES/{domain}.mo")
        for entry in polib.mofile(str(mo))
        if entry.msgstr or any(entry.msgstr_plural.values())
    }
    po = polib.pofile(str(SUPPLEMENT / "LC_MESSAGES" / f"{domain}.po"))
    supplement = {(e.msgctxt, e.msgid) for e in po if not _correction(e)}

    assert supplement & shipped == set()


def _correction(entry):
    """A deliberate change to Wagtail's own Danish, said so in its comment."""
    return (entry.tcomment or "").startswith("Correction:")


# Words of Wagtail's Danish that a council does not use: it writes a
# "kladde", and sends to the chairs' approval, not to "moderation".
NOT_THE_COUNCILS_WORDS = ("skitse", "moderation", "blivet")


def test_no_admin_string_says_skitse_moderation_or_blivet(settings):
    package = Path(wagtail.__file__).parent
    found = []
    with translation.override("da"):
        for po in package.glob("**/locale/da/LC_MESSAGES/django.po"):
            for entry in polib.pofile(str(po)):
                shown = _translated(entry).lower()
                found += [entry.msgid for w in NOT_THE_COUNCILS_WORDS if w in shown]

    assert found == []


def _translated(entry):
    if entry.msgid_plural:
        return translation.ngettext(entry.msgid, entry.msgid_plural, 2)
    if entry.msgctxt:
        return translation.pgettext(entry.msgctxt, entry.msgid)
    return translation.gettext(entry.msgid)


def test_the_editor_offers_to_save_a_kladde(client_as, secretary_a, index_a, council_a):
    page = HearingResponsePageFactory(
        parent=index_a, hearing=HearingFactory(council=council_a)
    )
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = client_as(secretary_a).get(url).content.decode()

    assert "Gem kladde" in html
    assert "skitse" not in html.lower()


def test_compiled_script_catalogue_matches_its_source():
    folder = SUPPLEMENT / "LC_MESSAGES"

    def pairs(catalogue):
        return {
            (e.msgid, e.msgstr, tuple(sorted(e.msgstr_plural.items())))
            for e in catalogue
            if e.msgid
        }

    compiled = pairs(polib.mofile(str(folder / "djangojs.mo")))
    source = pairs(polib.pofile(str(folder / "djangojs.po")))

    assert compiled == source, "run scripts/compile_messages.py"
