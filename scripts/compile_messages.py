"""Compile every locale/*/LC_MESSAGES/django.po to .mo without GNU gettext.

The compiled catalogues are committed, so neither `make run` nor the tests
need the system gettext tools; run this after editing a .po file.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def main():
    for po_path in sorted(ROOT.glob("locale/*/LC_MESSAGES/django.po")):
        catalogue = polib.pofile(str(po_path))
        catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
        print(f"compiled {po_path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
