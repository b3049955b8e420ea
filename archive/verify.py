"""Checking a database the way `archive check` reports it: SQLite's own integrity and
foreign-key checks, FTS5's own check of the full-text indexes, then the archive's
invariants (offsets, one entity per mention, every review whole, each row of the German
index holding the keys of its sentence)."""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile


INVARIANTS = {
    "mention text differs from the review at its offsets":
        "SELECT m.id FROM mention m JOIN review r ON r.id = m.review_id"
        " WHERE substr(r.body, m.start_char + 1, m.end_char - m.start_char) <> m.surface",
    "mention outside its sentence":
        "SELECT m.id FROM mention m JOIN sentence s ON s.id = m.sentence_id"
        " WHERE s.review_id <> m.review_id OR m.start_char < s.start_char OR m.end_char > s.end_char",
    "sentence text differs from the review at its offsets":
        "SELECT s.id FROM sentence s JOIN review r ON r.id = s.review_id"
        " WHERE substr(r.body, s.start_char + 1, s.end_char - s.start_char) <> s.text",
    "mention with no entity or two":
        "SELECT id FROM mention WHERE (person_id IS NULL) = (film_id IS NULL)",
    "review whose stored counts differ from its sentences or mentions":
        "SELECT r.id FROM review r WHERE r.sentence_count <> (SELECT count(*) FROM sentence s WHERE s.review_id = r.id)"
        " OR r.mention_count <> (SELECT count(*) FROM mention m WHERE m.review_id = r.id)",
    "review without sentences":
        "SELECT r.id FROM review r WHERE NOT EXISTS (SELECT 1 FROM sentence s WHERE s.review_id = r.id)",
    "full-text index out of step with sentences":
        "SELECT 1 WHERE (SELECT count(*) FROM sentence) <> (SELECT count(*) FROM sentence_fts_docsize)",
}

# FTS5's own check of each index against what it indexes (zeroed blocks pass a count).
FULL_TEXT_INDEXES = ("sentence_fts", "sentence_stem")


def verify(conn: sqlite3.Connection) -> tuple[list[str], dict[str, int]]:
    problems: list[str] = []
    for (row,) in conn.execute("PRAGMA integrity_check"):
        if row != "ok":
            problems.append(f"integrity: {row}")
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
        problems.append(f"foreign key: {table} row {rowid} points to a missing {parent}")
    for what, sql in INVARIANTS.items():
        ids = [r[0] for r in conn.execute(sql + " LIMIT 20")]
        if ids:
            problems.append(f"{what}: " + ", ".join(map(str, ids)))
    stems = _stems_out_of_step(conn)
    if stems:
        problems.append(stems)
    for index in FULL_TEXT_INDEXES:
        problem = fts_integrity(conn, index)
        if problem:
            problems.append(f"full-text index {index} is damaged, search misses sentences (FTS5 integrity-check: "
                            f"{problem}); rebuild it with INSERT INTO {index} ({index}) VALUES ('rebuild')")
    bad_digest = _bad_digests(conn)
    if bad_digest:
        problems.append("review whose text does not match its sha256: " + ", ".join(map(str, bad_digest)))
    counts = {
        "reviews": conn.execute("SELECT count(*) FROM review").fetchone()[0],
        "sentences": conn.execute("SELECT count(*) FROM sentence").fetchone()[0],
        "mentions": conn.execute("SELECT count(*) FROM mention").fetchone()[0],
    }
    return problems, counts


def _stems_out_of_step(conn: sqlite3.Connection) -> str | None:
    """Each sentence's row in the German index against the keys ingest makes of its text
    (a row with other words passes every count and FTS5's own check, and search misses
    the sentence)."""
    from archive.store import stems_out_of_step

    ids = stems_out_of_step(conn)
    if not ids:
        return None
    shown = ", ".join(map(str, ids[:20])) + (f", … ({len(ids)} in all)" if len(ids) > 20 else "")
    return (f"German search index (sentence_stem) out of step with sentences, search misses them: sentence {shown};"
            " rebuild it with archive db reindex")


def _bad_digests(conn: sqlite3.Connection) -> list[int]:
    from archive.store import sha256

    return [rid for rid, body, digest in conn.execute("SELECT id, body, sha256 FROM review")
            if sha256(body) != digest][:20]


def fts_integrity(conn: sqlite3.Connection, index: str) -> str | None:
    """FTS5's own integrity-check of `index`, which reads the whole index and compares
    it with what it indexes (counts alike say nothing of zeroed blocks). The check is an
    INSERT, which a read-only connection may not run though it writes nothing, so it runs
    on a copy of the index (and of the columns it indexes, for an external-content index)
    in a temporary file: the archive is only read, even where it cannot be written."""
    found = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (index,)).fetchone()
    if found is None:
        return "the index is missing"
    shadows = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ? ESCAPE '\\'",
        (index.replace("_", "\\_") + "\\_%",))]
    content = re.search(r"""\bcontent\s*=\s*["']?(\w+)""", found[0])
    with tempfile.TemporaryDirectory(prefix="archive-check-") as folder:
        copy_path = os.path.join(folder, "fts.db")
        copy = sqlite3.connect(copy_path, isolation_level=None)
        try:
            copy.execute("PRAGMA journal_mode = OFF")
            if content:  # an external-content index reads its columns from this table
                rowid = re.search(r"""\bcontent_rowid\s*=\s*["']?(\w+)""", found[0])
                rowid_column = rowid.group(1) if rowid else "rowid"
                columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{index}")')]
                names = ", ".join(f'"{c}"' for c in columns)
                copy.execute(f'CREATE TABLE "{content.group(1)}" ("{rowid_column}" INTEGER PRIMARY KEY, {names})')
                rows = conn.execute(f'SELECT "{rowid_column}", {names} FROM "{content.group(1)}"')
                copy.execute("BEGIN")
                copy.executemany(f'INSERT INTO "{content.group(1)}" VALUES ({", ".join("?" * (len(columns) + 1))})',
                                 rows)
                copy.execute("COMMIT")
            copy.execute(found[0])  # makes the shadow tables, emptied and filled from the archive below
            copy.execute("BEGIN")
            for shadow in shadows:
                rows = conn.execute(f'SELECT * FROM "{shadow}"')
                marks = ", ".join("?" * len(rows.description))
                copy.execute(f'DELETE FROM "{shadow}"')
                copy.executemany(f'INSERT INTO "{shadow}" VALUES ({marks})', rows)
            copy.execute("COMMIT")
        finally:
            copy.close()
        # A fresh connection: FTS5 keeps what it read of the index before the copy replaced it.
        copy = sqlite3.connect(copy_path, isolation_level=None)
        try:
            copy.execute(f"INSERT INTO \"{index}\" (\"{index}\", rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            return " ".join(str(exc).split())
        finally:
            copy.close()
    return None