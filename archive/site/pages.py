"""What the site's own pages show, read with plain sqlite3: a review's text cut into
plain runs and marked mentions, and an entity's mentions each in its sentence.

Nothing here knows Datasette; the plugin runs these functions on its connections."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

MENTIONS_SHOWN = 500  # an entity page lists this many mentions in context, and says how many more


@dataclass(frozen=True)
class Mark:
    """A mention in running text: what it says and which entity it names."""

    surface: str
    type: str  # person, character or film
    entity_id: int
    name: str


def entity_type(kind: str | None) -> str:
    return "character" if kind == "character" else "person"


def _rows(conn: sqlite3.Connection, sql: str, params=()) -> list[dict]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def runs(text: str, offset: int, marks: list[tuple[int, int, Mark]]) -> list[str | Mark]:
    """`text` (which starts at `offset` in the review) as plain strings and Marks, in
    order; marks are (start, end, Mark) in review offsets, not overlapping."""
    pieces: list[str | Mark] = []
    at = 0
    for start, end, mark in sorted(marks, key=lambda m: m[0]):
        start, end = start - offset, end - offset
        if start < at or end > len(text):
            continue  # outside the text, or overlapping: shown as plain text
        if start > at:
            pieces.append(text[at:start])
        pieces.append(mark)
        at = end
    if at < len(text):
        pieces.append(text[at:])
    return pieces


_MENTION_MARKS = """SELECT m.start_char, m.end_char, m.surface,
    CASE WHEN m.film_id IS NOT NULL THEN 'film' WHEN p.kind = 'character' THEN 'character' ELSE 'person' END AS type,
    coalesce(m.person_id, m.film_id) AS entity_id, coalesce(p.name, f.title) AS name
FROM mention m LEFT JOIN person p ON p.id = m.person_id LEFT JOIN film f ON f.id = m.film_id
WHERE m.review_id = ? ORDER BY m.start_char"""


def review(conn: sqlite3.Connection, review_id: int) -> dict | None:
    """The review's columns (all but body and sha256), its film, its text as runs, and
    the entities it names with how often."""
    found = _rows(conn, "SELECT * FROM review WHERE id = ?", (review_id,))
    if not found:
        return None
    row = found[0]
    body = row.pop("body")
    row.pop("sha256", None)
    film = None
    if row.get("film_id") is not None:
        film = _rows(conn, "SELECT id, title, year FROM film WHERE id = ?", (row["film_id"],))[0]
    marks = [(m["start_char"], m["end_char"], Mark(m["surface"], m["type"], m["entity_id"], m["name"]))
             for m in _rows(conn, _MENTION_MARKS, (review_id,))]
    named: dict[tuple[str, int], dict] = {}
    for _, _, mark in marks:
        entry = named.setdefault((mark.type, mark.entity_id), {"type": mark.type, "entity_id": mark.entity_id,
                                                              "name": mark.name, "mentions": 0})
        entry["mentions"] += 1
    return {"review": row, "film": film, "runs": runs(body, 0, marks),
            "entities": sorted(named.values(), key=lambda e: (-e["mentions"], e["name"]))}


def entity(conn: sqlite3.Connection, table: str, entity_id: int, limit: int = MENTIONS_SHOWN) -> dict | None:
    """A person, character (table `person`) or film (table `film`): its row, its
    mentions each in its sentence (at most `limit`, with the total), and its roles."""
    if table == "film":
        found = _rows(conn, "SELECT id, title AS name, year FROM film WHERE id = ?", (entity_id,))
        where = "m.film_id = ?"
    else:
        found = _rows(conn, """SELECT p.id, p.name, p.kind, p.film_id, f.title AS film, p.review_id
            FROM person p LEFT JOIN film f ON f.id = p.film_id WHERE p.id = ?""", (entity_id,))
        where = "m.person_id = ?"
    if not found:
        return None
    row = found[0]
    row["type"] = "film" if table == "film" else entity_type(row["kind"])
    total = conn.execute(f"SELECT count(*), count(DISTINCT review_id) FROM mention m WHERE {where}",
                         (entity_id,)).fetchone()
    mentions = _rows(conn, f"""SELECT m.review_id, r.source, s.position, s.start_char AS sentence_start, s.text,
            m.start_char, m.end_char, m.surface
        FROM mention m JOIN sentence s ON s.id = m.sentence_id JOIN review r ON r.id = m.review_id
        WHERE {where} ORDER BY m.review_id, m.start_char LIMIT ?""", (entity_id, limit))
    mark = Mark("", row["type"], entity_id, row["name"])
    for m in mentions:
        m["runs"] = runs(m.pop("text"), m["sentence_start"],
                         [(m["start_char"], m["end_char"], Mark(m["surface"], mark.type, entity_id, mark.name))])
    return {"entity": row, "mentions": mentions, "mention_count": total[0], "review_count": total[1],
            "roles": roles(conn, table, entity_id)}


def roles(conn: sqlite3.Connection, table: str, entity_id: int) -> list[dict]:
    """Who plays whom: in a film, as an actor, or as a character."""
    where = {"film": "c.film_id = ?", "person": "(role.actor_id = ? OR role.character_id = ?)"}[
        "film" if table == "film" else "person"]
    params = (entity_id,) if table == "film" else (entity_id, entity_id)
    return _rows(conn, f"""SELECT a.id AS actor_id, a.name AS actor, c.id AS character_id, c.name AS character,
            f.id AS film_id, f.title AS film, role.review_id
        FROM role JOIN person a ON a.id = role.actor_id JOIN person c ON c.id = role.character_id
        LEFT JOIN film f ON f.id = c.film_id WHERE {where} ORDER BY f.title, a.name, c.name""", params)
