"""Compile the project's .po catalogues to .mo without GNU gettext.

Covers locale/*/LC_MESSAGES/django.po and the supplement to Wagtail's admin
catalogues in cms/wagtail_locale/*/LC_MESSAGES/ (django.po, djangojs.po).

The compiled catalogues are committed, so neither `make run` nor the tests
need the system gettext tools; run this after editing a .po file.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = (
    "locale/*/LC_MESSAGES/django.po",
    "cms/wagtail_locale/*/LC_MESSAGES/django.po",
    "cms/wagtail_locale/*/LC_MESSAGES/djangojs.po",
)


def main():
    po_paths = sorted(path for pattern in CATALOGUES for path in ROOT.glob(pattern))
    for po_path in po_paths:
        catalogue = polib.pofile(str(po_path))
        catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
        print(f"compiled {po_path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
