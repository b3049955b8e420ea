"""Checking a database the way `archive check` reports it: SQLite's own integrity and
foreign-key checks, then the archive's invariants (offsets, one entity per mention,
every review whole)."""

from __future__ import annotations

import sqlite3

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
    "German search index (sentence_stem) out of step with sentences":
        "SELECT 1 WHERE (SELECT count(*) FROM sentence) <> (SELECT count(*) FROM sentence_stem_docsize)"
        " OR EXISTS (SELECT 1 FROM sentence s LEFT JOIN sentence_stem_docsize d ON d.id = s.id WHERE d.id IS NULL)",
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
    for index in FULL_TEXT_INDEXES:
        problem = _fts_integrity(conn, index)
        if problem:
            problems.append(f"full-text index {index} is damaged: {problem}")
    bad_digest = _bad_digests(conn)
    if bad_digest:
        problems.append("review whose text does not match its sha256: " + ", ".join(map(str, bad_digest)))
    counts = {
        "reviews": conn.execute("SELECT count(*) FROM review").fetchone()[0],
        "sentences": conn.execute("SELECT count(*) FROM sentence").fetchone()[0],
        "mentions": conn.execute("SELECT count(*) FROM mention").fetchone()[0],
    }
    return problems, counts


def _fts_integrity(conn: sqlite3.Connection, index: str) -> str | None:
    """FTS5's 'integrity-check': a command written as an INSERT that changes nothing.
    A read-only connection cannot send it, so it goes on a second connection to the same
    file, in a transaction that is rolled back."""
    command = f"INSERT INTO {index} ({index}) VALUES ('integrity-check')"
    try:
        conn.execute(command)
        return None
    except sqlite3.DatabaseError as exc:
        if "readonly" not in str(exc):
            return " ".join(str(exc).split())
    path = next(row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main")
    try:
        writer = sqlite3.connect(path, isolation_level=None, timeout=30)
    except sqlite3.DatabaseError as exc:
        return f"cannot check ({exc})"
    try:
        writer.execute("BEGIN")
        writer.execute(command)
        return None
    except sqlite3.DatabaseError as exc:
        message = " ".join(str(exc).split())
        return f"cannot check ({message})" if "readonly" in message else message
    finally:
        if writer.in_transaction:
            writer.execute("ROLLBACK")
        writer.close()


def _bad_digests(conn: sqlite3.Connection) -> list[int]:
    from archive.store import sha256

    return [rid for rid, body, digest in conn.execute("SELECT id, body, sha256 FROM review")
            if sha256(body) != digest][:20]
