"""The Datasette metadata of `archive serve`, fitted to the database it serves.

metadata.yaml says what each page shows (titles, hidden tables, label columns,
facets); schema.json adds the descriptions of docs/schema.md; canned.py the queries.
Facets on columns the schema does not have (yet) are left out, so one file serves
every revision of the schema from 0009 on."""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path

from archive.site import canned, describe

DATABASE = "archive"  # the database's name in every URL, whatever the file is called
METADATA_YAML = Path(__file__).with_name("metadata.yaml")


def columns_of(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Every table and view with its columns."""
    names = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")]
    return {name: [row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')] for name in names}


def full_text_tables(conn: sqlite3.Connection) -> list[str]:
    """Every FTS5 index with the tables FTS5 keeps it in (`x_data`, `x_idx`, ...): not for
    browsing, whichever indexes the schema has."""
    indexes = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'")]
    return indexes + [f"{index}_{part}" for index in indexes
                      for part in ("data", "idx", "content", "docsize", "config")]


def build(conn: sqlite3.Connection) -> dict:
    import yaml

    metadata = yaml.safe_load(METADATA_YAML.read_text(encoding="utf-8"))
    present = columns_of(conn)
    described = describe.load()
    tables = metadata["databases"][DATABASE]["tables"]
    for name in list(tables):
        if name not in present:
            del tables[name]
    for name in present:
        if name.startswith("sqlite_"):
            continue
        table = tables.setdefault(name, {})
        doc = described.get(name, {})
        description = " ".join(filter(None, [doc.get("description"), table.pop("description_extra", None)]))
        if description and not table.get("hidden"):
            table["description"] = description
        if doc.get("columns"):
            table["columns"] = {c: meaning for c, meaning in doc["columns"].items() if c in present[name]}
        facets = table.pop("facets", []) + table.pop("optional_facets", [])
        if facets:  # a column's name, or {facet type: column}
            table["facets"] = [f for f in facets
                               if (f if isinstance(f, str) else next(iter(f.values()))) in present[name]]
        labels = [c for c in table.pop("label_columns", []) if c in present[name]]
        if labels:
            table["label_column"] = labels[0]
    for name in full_text_tables(conn):
        if name in present:
            tables.setdefault(name, {})["hidden"] = True
    metadata["databases"][DATABASE]["queries"] = copy.deepcopy(canned.QUERIES)
    return metadata
