"""The archive as JSON Lines, and back: what a keeper would not want to lose, and nothing
that can be made again from it.

Line 1 is the header, `{"format": "archive-jsonl", "type": "header", "version": 1}`;
then one object a line, each with a `type`:

- `review`: `text` (the body exactly as stored), `source`, `ingested_at`, and
  `metadata` (every other column of `review` a curator fills, e.g. outlet or author;
  null ones left out). Ids, sha256, counts, sentences, mentions and entities are not
  written: import analyses each text again.
- `curation`: one decision of a curator (rows of the curation tables, when the archive
  has them), after the reviews, in the order they were made.

Keys are sorted and the reviews written by id, so the same archive gives the same bytes.
Import reads the lines in one transaction: a line that is malformed is refused with its
number, and nothing of that import is written."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

FORMAT = "archive-jsonl"
VERSION = 1
HEADER = {"format": FORMAT, "type": "header", "version": VERSION}
# Columns of `review` that are derived (or are the body, source and time, written by name).
_NOT_METADATA = {"id", "sha256", "body", "source", "ingested_at", "film_id", "sentence_count", "mention_count"}
_REVIEW_KEYS = {"type", "text", "source", "ingested_at", "metadata"}


class DumpError(Exception):
    """An import that cannot go on; the message is one line and names the line."""


@dataclass
class Imported:
    added: int = 0
    unchanged: int = 0  # the same text was already in the archive (or earlier in the file)
    curation: int = 0


def encode(obj: dict) -> str:
    """One line of JSON, keys sorted. Characters as they are, unless the text holds lone
    surrogates (a file name that was not UTF-8): then \\u escapes, which read back the same."""
    line = json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(obj, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return line


def metadata_columns(conn: sqlite3.Connection) -> list[str]:
    return [row[1] for row in conn.execute("PRAGMA table_info(review)") if row[1] not in _NOT_METADATA]


def export_lines(conn: sqlite3.Connection) -> Iterator[tuple[str, str]]:
    """The archive, line by line: (type, the line without its newline)."""
    yield "header", encode(HEADER)
    extra = metadata_columns(conn)
    columns = ", ".join(["source", "ingested_at", "body"] + [f'"{c}"' for c in extra])
    for row in conn.execute(f"SELECT {columns} FROM review ORDER BY id"):
        metadata = {c: v for c, v in zip(extra, row[3:]) if v is not None}
        review = {"type": "review", "source": row[0], "ingested_at": row[1], "text": row[2]}
        if metadata:
            review["metadata"] = metadata
        yield "review", encode(review)
    for decision in _curation(conn):
        yield "curation", encode({"type": "curation", **decision})


def import_lines(conn: sqlite3.Connection, lines: Iterable[str]) -> Imported:
    """Read an export into the archive on `conn` (open for writing), all in one
    transaction: analyse and store each review, then apply the curation decisions."""
    from archive.store import Writer, sha256
    from archive.text import analyse
    from archive.text.lexicon import Known

    done = Imported()
    extra = set(metadata_columns(conn))
    known = Known.from_database(conn)
    writer = Writer(conn)
    conn.execute("BEGIN IMMEDIATE")
    try:
        header = False
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            obj = _parse(line, number)
            kind = obj.get("type")
            if not header:
                _check_header(obj, number)
                header = True
                continue
            if kind == "review":
                review = _review(obj, number, extra)
                analysis = analyse(review["text"], known)
                if not analysis.sentences:
                    raise DumpError(f"line {number}: the review's text has no sentence to store")
                stored = writer.store(analysis, review["source"], sha256(review["text"]),
                                      ingested_at=review["ingested_at"])
                if not stored.added:
                    done.unchanged += 1
                    continue
                done.added += 1
                metadata = review.get("metadata") or {}
                if metadata:
                    names = sorted(metadata)
                    conn.execute(f"UPDATE review SET {', '.join(f'{_q(n)} = ?' for n in names)} WHERE id = ?",
                                 [metadata[n] for n in names] + [stored.review_id])
            elif kind == "curation":
                try:
                    _apply_curation(conn, {k: v for k, v in obj.items() if k != "type"})
                except ValueError as exc:
                    raise DumpError(f"line {number}: {exc}") from None
                done.curation += 1
            else:
                raise DumpError(f"line {number}: unknown type {kind!r} (expected review or curation)")
        if not header:
            raise DumpError("the input is empty: no header line")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        writer.forget()
        raise
    return done


def _parse(line: str, number: int) -> dict:
    try:
        obj = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        raise DumpError(f"line {number}: not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise DumpError(f"line {number}: not a JSON object")
    return obj


def _check_header(obj: dict, number: int) -> None:
    if obj.get("type") != "header" or obj.get("format") != FORMAT:
        raise DumpError(f"line {number}: not an archive export (the first line must be {encode(HEADER)})")
    if obj.get("version") != VERSION:
        raise DumpError(f"line {number}: format version {obj.get('version')!r}; this archive reads version {VERSION}")


def _curation(conn: sqlite3.Connection) -> Iterator[dict]:
    """The curation decisions, oldest first. This archive has no curation tables yet
    (they come with migration 0006): nothing to write."""
    return iter(())


def _apply_curation(conn: sqlite3.Connection, decision: dict) -> None:
    raise ValueError("this archive has no curation tables to apply a curation decision to (upgrade archive)")


def _review(obj: dict, number: int, extra: set[str]) -> dict:
    unknown = set(obj) - _REVIEW_KEYS
    if unknown:
        raise DumpError(f"line {number}: unknown key {sorted(unknown)[0]!r} in a review")
    for name in ("text", "source", "ingested_at"):
        if not isinstance(obj.get(name), str) or not obj[name]:
            raise DumpError(f"line {number}: a review needs {name!r}, a non-empty string")
    metadata = obj.get("metadata", {})
    if not isinstance(metadata, dict):
        raise DumpError(f"line {number}: 'metadata' must be an object")
    for name, value in metadata.items():
        if name not in extra:
            have = ", ".join(sorted(extra)) or "none"
            raise DumpError(f"line {number}: unknown review metadata {name!r} (this archive has: {have})")
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise DumpError(f"line {number}: metadata {name!r} must be a string or a number")
    return obj


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
