"""Keeping the archive: analyse stored reviews again with today's code and the keeper's
decisions, and remove reviews. Knows nothing of the command line."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from archive.meta import Meta


@dataclass
class Change:
    review_id: int
    change: str  # added, removed or moved
    start_char: int
    end_char: int
    surface: str
    before: str | None  # "person #3 Refn"
    after: str | None


@dataclass
class Reanalysed:
    reviews: int = 0
    changes: list[Change] = field(default_factory=list)
    removed_entities: list[tuple[str, int, str]] = field(default_factory=list)


def stored_meta(meta_json: str | None, front_matter: str | None) -> Meta:
    return Meta(json.loads(meta_json) if meta_json else {}, front_matter)


def _mentions(conn, review_id: int) -> dict[tuple[int, int], tuple[str, str]]:
    return {(a, b): (surface, label) for a, b, surface, label in conn.execute(
        "SELECT m.start_char, m.end_char, m.surface, CASE WHEN m.film_id IS NOT NULL THEN 'film #' || f.id || ' ' || f.title"
        " ELSE p.kind || ' #' || p.id || ' ' || p.name END FROM mention m LEFT JOIN person p ON p.id = m.person_id"
        " LEFT JOIN film f ON f.id = m.film_id WHERE m.review_id = ?", (review_id,))}


def reanalyse(conn: sqlite3.Connection, review_ids: list[int] | None = None, batch_size: int = 200,
              on_review: Callable[[int, list[Change]], None] = lambda review_id, changes: None) -> Reanalysed:
    """Today's analysis of the given reviews (all when None), the decisions applied; each
    review keeps its id, text and metadata. Returns what changed, mention by mention."""
    from archive.analysis import analyse_review
    from archive.decisions import known
    from archive.store import Writer

    ids = review_ids if review_ids is not None else [r for (r,) in conn.execute("SELECT id FROM review ORDER BY id")]
    missing = [i for i in ids if conn.execute("SELECT 1 FROM review WHERE id = ?", (i,)).fetchone() is None]
    if missing:
        from archive.queries import QueryError

        raise QueryError(f"no review with id {', '.join(map(str, missing))}")
    result = Reanalysed()
    names = known(conn)
    writer = Writer(conn)
    for start in range(0, len(ids), batch_size):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for review_id in ids[start : start + batch_size]:
                body, meta_json, front_matter = conn.execute(
                    "SELECT body, meta, front_matter FROM review WHERE id = ?", (review_id,)).fetchone()
                meta = stored_meta(meta_json, front_matter)
                before = _mentions(conn, review_id)
                _, removed = writer.replace(review_id, analyse_review(body, meta, names), meta)
                after = _mentions(conn, review_id)
                changes = [Change(review_id, "added", a, b, after[(a, b)][0], None, after[(a, b)][1])
                           for a, b in sorted(after.keys() - before.keys())]
                changes += [Change(review_id, "removed", a, b, before[(a, b)][0], before[(a, b)][1], None)
                            for a, b in sorted(before.keys() - after.keys())]
                changes += [Change(review_id, "moved", a, b, after[(a, b)][0], before[(a, b)][1], after[(a, b)][1])
                            for a, b in sorted(before.keys() & after.keys()) if before[(a, b)][1] != after[(a, b)][1]]
                changes.sort(key=lambda c: c.start_char)
                result.reviews += 1
                result.changes += changes
                result.removed_entities += removed
                on_review(review_id, changes)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return result


@dataclass
class Removed:
    reviews: list[tuple[int, str]] = field(default_factory=list)  # (id, source)
    sentences: int = 0
    mentions: int = 0
    entities: list[tuple[str, int, str]] = field(default_factory=list)  # (type, id, name)


def reviews_by_source(conn, sources: list[str]) -> list[int]:
    """The reviews of these paths: as stored (resolved), as given, or every review under a folder."""
    from pathlib import Path

    ids: list[int] = []
    for given in sources:
        resolved = str(Path(given).resolve())
        found = [r for (r,) in conn.execute(
            "SELECT id FROM review WHERE source IN (?, ?) OR source LIKE ? ESCAPE '\\' ORDER BY id",
            (given, resolved, resolved.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%"))]
        if not found:
            from archive.queries import QueryError

            raise QueryError(f"no review from {given} (archive query reviews shows the sources)")
        ids += [r for r in found if r not in ids]
    return ids


def remove(conn: sqlite3.Connection, review_ids: list[int]) -> Removed:
    """Remove reviews with their sentences (and full-text rows), mentions, roles and
    films reviewed, then every entity left with no mention and no decision; in the
    caller's transaction."""
    from archive.curation import prune
    from archive.store import Writer

    writer = Writer(conn)
    removed = Removed()
    persons: set[int] = set()
    films: set[int] = set()
    for review_id in dict.fromkeys(review_ids):
        row = conn.execute("SELECT source, (SELECT count(*) FROM sentence WHERE review_id = r.id),"
                           " (SELECT count(*) FROM mention WHERE review_id = r.id) FROM review r WHERE id = ?",
                           (review_id,)).fetchone()
        if row is None:
            from archive.queries import QueryError

            raise QueryError(f"no review with id {review_id}")
        p, f = writer.clear(review_id)
        persons |= p
        films |= f
        conn.execute("DELETE FROM review WHERE id = ?", (review_id,))
        removed.reviews.append((review_id, row[0]))
        removed.sentences += row[1]
        removed.mentions += row[2]
    removed.entities = prune(conn, persons, films)
    return removed
