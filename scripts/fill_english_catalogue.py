"""Fill the English catalogue: the msgids are English, so each is its own
translation. Run by `make messages` before compiling."""

import sys
from pathlib import Path

import polib

CATALOGUE = Path(__file__).resolve().parent.parent / "locale/en/LC_MESSAGES/django.po"


def main():
    po = polib.pofile(str(CATALOGUE))
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
    po.save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
