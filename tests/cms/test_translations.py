"""The committed catalogues are complete and their compiled .mo files current."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "locale"
WAGTAIL_SUPPLEMENT = ROOT / "cms" / "wagtail_locale"


def entries(language, locale=LOCALE):
    po = polib.pofile(str(locale / language / "LC_MESSAGES" / "django.po"))
    return [entry for entry in po if not entry.obsolete]


@pytest.mark.parametrize("language", ["da", "en"])
def test_catalogue_has_no_untranslated_entry(language):
    untranslated = [e.msgid for e in entries(language) if not e.translated()]

    assert untranslated == []


@pytest.mark.parametrize("language", ["da", "en"])
def test_catalogue_has_no_fuzzy_entry(language):
    fuzzy = [e.msgid for e in entries(language) if "fuzzy" in e.flags]

    assert fuzzy == []


@pytest.mark.parametrize(
    ("locale", "language"),
    [(LOCALE, "da"), (LOCALE, "en"), (WAGTAIL_SUPPLEMENT, "da")],
)
def test_compiled_catalogue_matches_its_source(locale, language):
    folder = locale / language / "LC_MESSAGES"
    compiled = {
        (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
        for e in polib.mofile(str(folder / "django.mo"))
        if e.msgid
    }
    source = {
        (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
        for e in entries(language, locale)
        if e.translated()
    }

    assert compiled == source, "run scripts/compile_messages.py"
