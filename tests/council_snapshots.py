"""Councils for tests, made once per test process and then written back.

``council_create`` is most tests' largest cost: a council with its groups,
collection, workflow, pages, English translations, log entries and search
index is about 2,000 queries and more than a second. The fixtures ask for
the same two councils in over a thousand tests, always from the same
starting database (the migrations' rows, rolled back to after each test).

So the first test in a process that asks for a council in a given database
state runs ``council_create`` for real and records every row it inserted,
changed or deleted, table by table. A later test that asks for the same
council in the same state (the same row count and highest key in every
table) gets those rows written directly, with the same keys, inside its
own transaction. The council that results is row for row the one
``council_create`` made; what differs is only what lives outside the
database, so the cache is emptied afterwards as each test's start does.

On PostgreSQL every test runs ``council_create``: written back there, the
councils misled Wagtail's site lookups in some tests (not yet understood),
so the recorder is for SQLite only. Tests that commit (live server, real
concurrency) always run ``council_create``: outside a transaction its
commit callbacks run, and a recording made inside one would lack what they
do. ``COUNCIL_SNAPSHOTS=0``
turns recording off everywhere.
"""

import os
from dataclasses import dataclass, field

from django.apps import apps
from django.db import IntegrityError, connection, transaction
from wagtail.models import Site

from cms.services import council_create

# SQLite's full-text table of Wagtail's search index: triggers on the index
# table write it, so its rows come back with the index's own.
FILLED_BY_TRIGGERS = {"wagtailsearch_indexentry_fts"}


@dataclass
class TableChanges:
    """What ``council_create`` did to one table."""

    table: str
    columns: list
    pk_column: str
    inserted: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    deleted: list = field(default_factory=list)


@dataclass
class Recording:
    site_id: int
    tables: list


def _tables():
    """(model, table, columns, pk column) of every table with rows of its own."""
    found = []
    existing = set(connection.introspection.table_names())
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or meta.db_table not in existing:
            continue
        if meta.db_table in FILLED_BY_TRIGGERS:
            continue
        columns = [f.column for f in meta.local_concrete_fields]
        found.append((model, meta.db_table, columns, meta.pk.column))
    _numeric_keys.update(
        model._meta.db_table for model, *_ in found if _is_numeric(model._meta.pk)
    )
    return found


def _quoted(name):
    return connection.ops.quote_name(name)


# Tables whose keys are numbers (most); the others' (UUIDs) compare as text.
_numeric_keys = set()


def _is_numeric(pk):
    kind = (pk.target_field if pk.is_relation else pk).get_internal_type()
    return "Integer" in kind or "AutoField" in kind


def _highest(table, pk):
    key = _quoted(pk)
    if table in _numeric_keys:
        return f"CAST(MAX({key}) AS TEXT)"
    return f"MAX(CAST({key} AS TEXT))"


def _fingerprint(tables):
    """Row count and highest key of every table, in one query."""
    parts = [
        f"SELECT '{table}', COUNT(*), {_highest(table, pk)} FROM {_quoted(table)}"
        for _model, table, _columns, pk in tables
    ]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts))
        counts = tuple(sorted(tuple(row) for row in cursor.fetchall()))
        # Two states can count alike (one council or another made first):
        # the rows that say which councils and trees exist tell them apart.
        shapes = []
        for statement in SHAPE_QUERIES:
            cursor.execute(statement)
            shapes.append(tuple(tuple(row) for row in cursor.fetchall()))
    return counts, tuple(shapes)


SHAPE_QUERIES = (
    "SELECT id, hostname, port, root_page_id, is_default_site FROM wagtailcore_site"
    " ORDER BY id",
    "SELECT id, path, numchild, name FROM wagtailcore_collection ORDER BY id",
    "SELECT id, path, numchild, url_path, locale_id FROM wagtailcore_page ORDER BY id",
    "SELECT id, name FROM auth_group ORDER BY id",
)


def _rows(table, columns, pk):
    select = ", ".join(_quoted(c) for c in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {select} FROM {_quoted(table)}")
        index = columns.index(pk)
        return {row[index]: tuple(row) for row in cursor.fetchall()}


def _snapshot(tables):
    return {table: _rows(table, cols, pk) for _m, table, cols, pk in tables}


def _changes(tables, before, after):
    changed = []
    for _model, table, columns, pk in tables:
        old, new = before[table], after[table]
        change = TableChanges(table=table, columns=columns, pk_column=pk)
        change.inserted = [row for key, row in new.items() if key not in old]
        change.updated = [
            row for key, row in new.items() if key in old and old[key] != row
        ]
        change.deleted = [key for key in old if key not in new]
        if change.inserted or change.updated or change.deleted:
            changed.append(change)
    return changed


def _write(change, cursor):
    table, columns = _quoted(change.table), change.columns
    names = ", ".join(_quoted(c) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    key = _quoted(change.pk_column)
    if change.deleted:
        cursor.executemany(
            f"DELETE FROM {table} WHERE {key} = %s",
            [(pk,) for pk in change.deleted],
        )
    pk_index = columns.index(change.pk_column)
    assignments = ", ".join(f"{_quoted(c)} = %s" for c in columns)
    # Updates before inserts: a tree (collections, pages) sorted by name
    # moves the existing siblings along before the new one takes its place.
    _in_any_order(
        cursor,
        f"UPDATE {table} SET {assignments} WHERE {key} = %s",
        [(*row, row[pk_index]) for row in change.updated],
    )
    _in_any_order(
        cursor, f"INSERT INTO {table} ({names}) VALUES ({marks})", change.inserted
    )


def _in_any_order(cursor, statement, rows):
    """Write the rows; when a unique column refuses one because a row still
    to be written holds its value (siblings moving along one place), try it
    again after the others."""
    if not rows:
        return
    try:
        with transaction.atomic():
            cursor.executemany(statement, rows)
        return
    except IntegrityError:
        pass
    pending = list(rows)
    while pending:
        refused = []
        for row in pending:
            try:
                with transaction.atomic():
                    cursor.execute(statement, row)
            except IntegrityError:
                refused.append(row)
        if len(refused) == len(pending):
            raise IntegrityError(f"cannot replay {statement[:60]}: {refused[:1]}")
        pending = refused


class CouncilRecorder:
    """One per test process: recordings keyed by the database's state and
    the council asked for."""

    def __init__(self, forget_caches):
        self._recordings = {}
        self._forget_caches = forget_caches
        self._tables = None

    def council(self, **details):
        if (
            os.environ.get("COUNCIL_SNAPSHOTS") == "0"
            or connection.vendor != "sqlite"
            or not connection.in_atomic_block
        ):
            return council_create(**details).site
        if self._tables is None:
            self._tables = _tables()
        key = (_fingerprint(self._tables), tuple(sorted(details.items())))
        recording = self._recordings.get(key)
        if recording is None:
            site, recording = self._record(details)
            self._recordings[key] = recording
            return site
        return self._replay(recording)

    def _record(self, details):
        before = _snapshot(self._tables)
        site = council_create(**details).site
        changes = _changes(self._tables, before, _snapshot(self._tables))
        return site, Recording(site_id=site.pk, tables=changes)

    def _replay(self, recording):
        with transaction.atomic(), connection.cursor() as cursor:
            for change in recording.tables:
                _write(change, cursor)
        self._forget_caches()
        site = Site.objects.get(pk=recording.site_id)
        # As council_create hands it back: with its home page as its own type.
        site.root_page = site.root_page.specific
        return site
