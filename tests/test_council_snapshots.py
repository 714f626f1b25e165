"""The council the fixtures write back is row for row the one council_create
makes (tests/council_snapshots.py), so the suite tests the real thing."""

import re

from django.db import connection, transaction

from cms.services import council_create
from tests.council_snapshots import CouncilRecorder, _snapshot, _tables

DETAILS = {
    "name": "Udsatterådet i Skovby",
    "municipality": "Skovby Kommune",
    "hostname": "skovby.localhost",
}
# What differs between two real runs too: the moment, and random keys.
MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?(\+00:00|Z)?")
RANDOM_KEY = re.compile(
    r"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}"
)


def _comparable(value):
    text = str(value)
    return RANDOM_KEY.sub("<key>", MOMENT.sub("<moment>", text))


def _rows_after(make):
    """Every table's rows once make() has run, rolled back afterwards."""
    tables = _tables()
    with transaction.atomic():
        make()
        rows = _snapshot(tables)
        transaction.set_rollback(True)
    return {
        table: sorted(tuple(map(_comparable, row)) for row in found.values())
        for table, found in rows.items()
    }


def test_a_written_back_council_is_the_one_council_create_makes(db):
    recorder = CouncilRecorder(forget_caches=lambda: None)
    made = _rows_after(lambda: council_create(**DETAILS))
    _rows_after(lambda: recorder.council(**DETAILS))  # recorded, rolled back
    if "sqlite" not in connection.settings_dict["ENGINE"]:
        # Elsewhere the recorder calls council_create every time.
        assert recorder._recordings == {}
        return
    assert len(recorder._recordings) == 1

    written_back = _rows_after(lambda: recorder.council(**DETAILS))

    assert written_back == made
    assert sum(len(rows) for rows in made.values()) > 100  # a whole council
