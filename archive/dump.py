"""The archive as JSON Lines, and back: what a keeper would not want to lose, and nothing
that can be made again from it.

Line 1 is the header, `{"format": "archive-jsonl", "type": "header", "version": 1}`;
then one object a line, each with a `type`:

- `review`, in the order stored: `text` (the body exactly as stored), `source`,
  `ingested_at`, and when given `meta` (every metadata key, as `review.meta` holds
  them) and `front_matter` (the block as written in the file). The metadata columns
  (title, author, …), films reviewed and credits are made from `meta` again; ids,
  sha256, counts, sentences, mentions and entities are not written.
- `curation`, oldest first: one keeper's decision, its entity named rather than
  numbered (`{"type": "person", "name": …}`; a character with its film or review; a
  film with its title and year), a review by its place among the review lines (1 is
  the first).

Keys are sorted, so the same archive gives the same bytes. Import reads the lines in
one transaction: a malformed line is refused with its number, and nothing of that
import is written. A review line is held to what `archive ingest` holds a file to (its
text and front matter by sources.review_text, its metadata by meta.check), and its
`ingested_at` must be a time as the archive writes it. The decisions are in place before the texts are analysed, so the
analysis applies them, as it does for every review ingested after a decision."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

FORMAT = "archive-jsonl"
VERSION = 1
HEADER = {"format": FORMAT, "type": "header", "version": VERSION}
_REVIEW_KEYS = {"type", "text", "source", "ingested_at", "meta", "front_matter"}
_ACTIONS = ("merge", "rename", "retype", "alias", "drop-mention")
_TYPES = ("person", "character", "film")
_DECISION_KEYS = {"type", "action", "name", "name_type", "value", "entity", "review", "start_char", "end_char",
                  "surface", "made_at"}


class DumpError(Exception):
    """An import that cannot go on; the message is one line and names the line."""


@dataclass
class Imported:
    added: int = 0
    unchanged: int = 0  # the same text was already in the archive (or earlier in the file)
    curation: int = 0
    known: int = 0  # decisions the archive held already


def encode(obj: dict) -> str:
    """One line of JSON, keys sorted. Characters as they are, unless the text holds lone
    surrogates (a file name that was not UTF-8): then \\u escapes, which read back the same."""
    line = json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(obj, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return line


# --- export ---------------------------------------------------------------------------------

def export_lines(conn: sqlite3.Connection) -> Iterator[tuple[str, str]]:
    """The archive, line by line: (type, the line without its newline)."""
    yield "header", encode(HEADER)
    place: dict[int, int] = {}  # review id -> its place among the review lines
    for review_id, source, ingested_at, body, meta, front_matter in conn.execute(
            "SELECT id, source, ingested_at, body, meta, front_matter FROM review ORDER BY id"):
        place[review_id] = len(place) + 1
        review = {"type": "review", "source": source, "ingested_at": ingested_at, "text": body}
        if meta:
            review["meta"] = json.loads(meta)
        if front_matter is not None:
            review["front_matter"] = front_matter
        yield "review", encode(review)
    for decision in _decisions(conn, place):
        yield "curation", encode(decision)


def _decisions(conn: sqlite3.Connection, place: dict[int, int]) -> Iterator[dict]:
    rows = conn.execute(
        "SELECT c.action, c.name, c.type, c.value, c.review_id, c.start_char, c.end_char, c.surface, c.made_at,"
        " p.name, p.kind, pf.title, pf.year, p.review_id, f.title, f.year FROM curation c"
        " LEFT JOIN person p ON p.id = c.person_id LEFT JOIN film pf ON pf.id = p.film_id"
        " LEFT JOIN film f ON f.id = c.film_id ORDER BY c.id")
    for (action, name, name_type, value, review_id, start, end, surface, made_at,
         person, kind, of_title, of_year, of_review, title, year) in rows:
        decision = {"type": "curation", "action": action, "made_at": made_at, "name": name, "name_type": name_type,
                    "value": value, "review": place.get(review_id), "start_char": start, "end_char": end,
                    "surface": surface}
        if person is not None:
            entity = {"type": kind, "name": person}
            if of_title is not None:
                entity["film"] = {"title": of_title, "year": of_year}
            elif of_review is not None:
                entity["review"] = place.get(of_review)
            decision["entity"] = entity
        elif title is not None:
            decision["entity"] = {"type": "film", "title": title, "year": year}
        yield {k: v for k, v in decision.items() if v is not None}


# --- import ---------------------------------------------------------------------------------

def import_lines(conn: sqlite3.Connection, lines: Iterable[str]) -> Imported:
    """Read an export into the archive on `conn` (open for writing), all in one
    transaction. Every line is read and checked before anything is written; then the
    reviews are stored, the decisions put in place, and the new texts analysed."""
    reviews, decisions = _read(lines)
    from archive.analysis import analyse_review
    from archive.decisions import known as known_names
    from archive.meta import Meta
    from archive.store import Writer, sha256

    done = Imported()
    conn.execute("BEGIN IMMEDIATE")
    try:
        ids, new = [], []
        for number, review in reviews:
            digest = sha256(review["text"])
            row = conn.execute("SELECT id FROM review WHERE sha256 = ?", (digest,)).fetchone()
            if row:
                ids.append(row[0])
                done.unchanged += 1
                continue
            ids.append(conn.execute("INSERT INTO review (source, sha256, body, ingested_at) VALUES (?, ?, ?, ?)",
                                    (review["source"], digest, review["text"], review["ingested_at"])).lastrowid)
            new.append((number, ids[-1], review))
        writer = Writer(conn)
        for number, decision in decisions:
            if _put_decision(conn, writer, decision, ids, number):
                done.curation += 1
            else:
                done.known += 1
        writer = Writer(conn)  # reads the decisions just made
        known = known_names(conn)
        for number, review_id, review in new:
            meta = Meta(review.get("meta") or {}, review.get("front_matter"))
            analysis = analyse_review(review["text"], meta, known)
            if not analysis.sentences:
                raise DumpError(f"line {number}: the review's text has no sentence to store")
            writer.replace(review_id, analysis, meta)
            done.added += 1
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return done


def _read(lines: Iterable[str]) -> tuple[list[tuple[int, dict]], list[tuple[int, dict]]]:
    """Every line parsed and checked: (line number, review) and (line number, decision)."""
    reviews: list[tuple[int, dict]] = []
    decisions: list[tuple[int, dict]] = []
    header = False
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        obj = _parse(line, number)
        if not header:
            _check_header(obj, number)
            header = True
        elif obj.get("type") == "review":
            reviews.append((number, _review(obj, number)))
        elif obj.get("type") == "curation":
            decisions.append((number, _decision(obj, number)))
        else:
            raise DumpError(f"line {number}: unknown type {obj.get('type')!r} (expected review or curation)")
    if not header:
        raise DumpError("the input is empty: no header line")
    for number, decision in decisions:
        for place in (decision.get("review"), (decision.get("entity") or {}).get("review")):
            if place is not None and not 1 <= place <= len(reviews):
                raise DumpError(f"line {number}: no review {place} in this file (it has {len(reviews)})")
    return reviews, decisions


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


def _review(obj: dict, number: int) -> dict:
    """A review line checked as `archive ingest` checks a file: its text (with its front
    matter, as the file held them) by sources.review_text, its metadata by meta.check,
    and its ingestion time, which only an export gives, as the archive writes it."""
    from archive.meta import MetaError, check
    from archive.sources import TooBig, review_text
    from archive.text.decode import NotText

    _known_keys(obj, _REVIEW_KEYS, "a review", number)
    for name in ("text", "source", "ingested_at"):
        if not isinstance(obj.get(name), str) or not obj[name]:
            raise DumpError(f"line {number}: a review needs {name!r}, a non-empty string")
    if not isinstance(obj.get("meta", {}), dict):
        raise DumpError(f"line {number}: 'meta' must be an object")
    if not isinstance(obj.get("front_matter", ""), str):
        raise DumpError(f"line {number}: 'front_matter' must be a string")
    try:
        review_text(((obj.get("front_matter") or "") + obj["text"]).encode("utf-8"))
    except UnicodeEncodeError:
        raise DumpError(f"line {number}: the review's text is not Unicode text (a lone surrogate, \\ud800 say)") from None
    except (TooBig, NotText) as exc:
        raise DumpError(f"line {number}: the review's text is refused, as ingest would refuse it: {exc}") from None
    try:
        check(obj.get("meta") or {}, "the review's metadata")
    except MetaError as exc:
        raise DumpError(f"line {number}: {exc}") from None
    if not _timestamp(obj["ingested_at"]):
        raise DumpError(f"line {number}: 'ingested_at' takes a time in ISO 8601 with its offset, as an export writes"
                        f" it (2026-11-25T22:35:00+00:00), not {obj['ingested_at']!r}")
    return obj


_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})")


def _timestamp(value: str) -> bool:
    """A real date and time with its offset from UTC, the way the archive stores
    ingested_at (2026-11-25T22:35:00+00:00; seconds, fractions and `Z` also read)."""
    if not _TIMESTAMP.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _decision(obj: dict, number: int) -> dict:
    _known_keys(obj, _DECISION_KEYS, "a curation decision", number)
    action = obj.get("action")
    if action not in _ACTIONS:
        raise DumpError(f"line {number}: a decision's action is one of {', '.join(_ACTIONS)}, not {action!r}")
    if not isinstance(obj.get("made_at"), str):
        raise DumpError(f"line {number}: a decision needs 'made_at', a string")
    for name in ("review", "start_char", "end_char"):
        if name in obj and (not isinstance(obj[name], int) or isinstance(obj[name], bool)):
            raise DumpError(f"line {number}: {name!r} must be a whole number")
    if action == "drop-mention":
        if not all(isinstance(obj.get(k), int) for k in ("review", "start_char", "end_char")):
            raise DumpError(f"line {number}: drop-mention needs 'review', 'start_char' and 'end_char'")
        return obj
    entity = obj.get("entity")
    if not isinstance(obj.get("name"), str) or not isinstance(entity, dict) or entity.get("type") not in _TYPES:
        raise DumpError(f"line {number}: a {action} decision needs 'name' and 'entity' (with a type:"
                        " person, character or film)")
    if not isinstance(entity.get("title" if entity["type"] == "film" else "name"), str):
        raise DumpError(f"line {number}: the decision's entity needs its {'title' if entity['type'] == 'film' else 'name'}")
    return obj


def _known_keys(obj: dict, allowed: set[str], what: str, number: int) -> None:
    unknown = sorted(set(obj) - allowed)
    if unknown:
        raise DumpError(f"line {number}: unknown key {unknown[0]!r} in {what}")


def _put_decision(conn: sqlite3.Connection, writer, decision: dict, ids: list[int], number: int) -> bool:
    """The decision as a row of `curation`, its entity found or made by the writer;
    False when the archive holds it already."""
    person_id = film_id = None
    entity = decision.get("entity")
    if entity is not None:
        if entity["type"] == "film":
            film_id = writer.film_id(entity["title"], entity.get("year"))
        else:
            film = entity.get("film")
            of_film = writer.film_id(film["title"], film.get("year")) if isinstance(film, dict) else None
            of_review = ids[entity["review"] - 1] if entity.get("review") else None
            if entity["type"] == "character" and of_film is None and of_review is None:
                raise DumpError(f"line {number}: a character needs its film or its review")
            person_id = writer.person_id(entity["name"], entity["type"], of_film, of_review)
    from archive.curation import record

    review_id = ids[decision["review"] - 1] if decision.get("review") else None
    return record(conn, (decision["action"], person_id, film_id, decision.get("name"), decision.get("name_type"),
                         decision.get("value"), review_id, decision.get("start_char"), decision.get("end_char"),
                         decision.get("surface")), decision["made_at"]) is not None
