"""The keeper's decisions: merge, rename, retype, alias, drop a mention. Knows nothing
of the command line.

Each decision is a row of `curation`, applied to today's rows when it is made and again
whenever a review is analysed (store.Writer asks archive.decisions), so a fix survives new
reviews and new versions of the analysis. Every decision but a dropped mention reads:
where the analysis names `name` (as `type`, or as anything for an alias), it means this
entity. The entity is a person or character (`person_id`) or a film (`film_id`)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone

from archive.decisions import TYPES
from archive.names import fold


class CurationError(Exception):
    """A decision that cannot be made as asked; the message is one line and names the fix."""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Entity:
    table: str  # person or film
    id: int
    type: str  # person, character or film
    name: str
    film_id: int | None = None  # a character's film
    review_id: int | None = None  # a character's review, when its film is not known


def entity(conn: sqlite3.Connection, ref: int | str, table: str = "person") -> Entity:
    """An entity by reference: `12` or `person:12` is the person or character with id 12
    (`archive query persons`), `film:12` the film (`archive query films`): persons and
    films are numbered apart. `table` is what a bare id means."""
    text = str(ref).strip().lstrip("#")
    prefix, sep, number = text.partition(":")
    if sep:
        if prefix not in ("person", "character", "film"):
            raise CurationError(f"{ref!r}: write ID, person:ID or film:ID")
        table = "film" if prefix == "film" else "person"
        text = number
    if not text.isdigit():
        raise CurationError(f"{ref!r} is no entity id (archive query persons / query films show the ids)")
    entity_id = int(text)
    if entity_id > 2**63 - 1:  # past SQLite's integers: no row can have it
        raise CurationError(f"{ref!r} is no entity id: the largest is {2**63 - 1}")
    if table == "person":
        row = conn.execute("SELECT id, kind, name, film_id, review_id FROM person WHERE id = ?", (entity_id,)).fetchone()
        if row:
            return Entity("person", row[0], row[1], row[2], row[3], row[4])
        raise CurationError(f"no person or character with id {entity_id} (a film's id: write film:{entity_id})")
    row = conn.execute("SELECT id, title FROM film WHERE id = ?", (entity_id,)).fetchone()
    if row:
        return Entity("film", row[0], "film", row[1])
    raise CurationError(f"no film with id {entity_id} (archive query films shows the ids)")


def _record(conn, action: str, target: Entity, name: str | None, type_: str | None, value: str | None = None,
            review_id: int | None = None, start: int | None = None, end: int | None = None,
            surface: str | None = None) -> int | None:
    person_id = target.id if target and target.table == "person" else None
    film_id = target.id if target and target.table == "film" else None
    return record(conn, (action, person_id, film_id, name, type_, value, review_id, start, end, surface), _now())


DECISION_COLUMNS = ("action", "person_id", "film_id", "name", "type", "value", "review_id", "start_char",
                    "end_char", "surface")


def record(conn, decision: tuple, made_at: str) -> int | None:
    """Store a decision (values of DECISION_COLUMNS), unless one with the same action and
    arguments is stored already: a decision made twice, or imported twice, is one row.
    The new row's id, or None when it was there."""
    same = " AND ".join(f"{c} IS ?" for c in DECISION_COLUMNS)
    if conn.execute(f"SELECT 1 FROM curation WHERE {same}", decision).fetchone():
        return None
    return conn.execute(f"INSERT INTO curation ({', '.join(DECISION_COLUMNS)}, made_at)"
                        f" VALUES ({', '.join('?' * (len(DECISION_COLUMNS) + 1))})", (*decision, made_at)).lastrowid


def _column(e: Entity) -> str:
    return "person_id" if e.table == "person" else "film_id"


def _move(conn, source: Entity, into: Entity) -> None:
    """Every row that points at `source` points at `into`; then `source` goes."""
    a, b = source.id, into.id
    if source.table == "person":
        conn.execute("UPDATE mention SET person_id = ? WHERE person_id = ?", (b, a))
        for column in ("character_id", "actor_id"):
            conn.execute(f"UPDATE OR IGNORE role SET {column} = ? WHERE {column} = ?", (b, a))
            conn.execute(f"DELETE FROM role WHERE {column} = ?", (a,))  # the same role was there already
        conn.execute("UPDATE curation SET person_id = ? WHERE person_id = ?", (b, a))
        conn.execute("UPDATE OR IGNORE credit SET person_id = ? WHERE person_id = ?", (b, a))
        conn.execute("DELETE FROM credit WHERE person_id = ?", (a,))
        conn.execute("DELETE FROM person WHERE id = ?", (a,))
    else:
        conn.execute("UPDATE mention SET film_id = ? WHERE film_id = ?", (b, a))
        conn.execute("UPDATE review SET film_id = ? WHERE film_id = ?", (b, a))
        conn.execute("UPDATE OR IGNORE review_film SET film_id = ? WHERE film_id = ?", (b, a))
        conn.execute("DELETE FROM review_film WHERE film_id = ?", (a,))
        conn.execute("UPDATE OR IGNORE person SET film_id = ? WHERE film_id = ?", (b, a))
        for (character,) in conn.execute("SELECT id FROM person WHERE film_id = ?", (a,)).fetchall():
            twin = conn.execute("SELECT id FROM person p WHERE film_id = ? AND name = (SELECT name FROM person WHERE id = ?)",
                                (b, character)).fetchone()
            _move(conn, entity(conn, character, "person"), entity(conn, twin[0], "person"))
        conn.execute("UPDATE curation SET film_id = ? WHERE film_id = ?", (b, a))
        conn.execute("DELETE FROM film WHERE id = ?", (a,))


def _recount(conn, review_ids) -> None:
    for review_id in review_ids:
        conn.execute("UPDATE review SET mention_count = (SELECT count(*) FROM mention WHERE review_id = ?)"
                     " WHERE id = ?", (review_id, review_id))


def merge(conn, refs: list, into) -> list[Entity]:
    """`Refn` into Nicolas Winding Refn: their mentions, roles and decisions move, and
    their names lead to `into` from now on. Entities of one type only."""
    target = entity(conn, into)
    sources = [e for e in (entity(conn, r, target.table) for r in refs) if (e.table, e.id) != (target.table, target.id)]
    if not sources:
        raise CurationError("give the entities to merge besides --into")
    for s in sources:
        if s.type != target.type:
            raise CurationError(f"#{s.id} {s.name} is a {s.type}, #{target.id} {target.name} a {target.type}:"
                                f" archive entity retype {'film:' if s.table == 'film' else ''}{s.id} {target.type} first")
    for s in sources:
        _move(conn, s, target)
        _record(conn, "merge", target, s.name, s.type)
    return sources


def rename(conn, entity_id, name: str) -> Entity:
    e = entity(conn, entity_id)
    name = " ".join(name.split())
    if not name:
        raise CurationError("the new name must not be empty")
    if name == e.name:
        return e
    clash = _same_name(conn, e, name)
    if clash is not None:
        raise CurationError(f"#{clash} is already called {name!r}: archive entity merge {e.id} --into {clash}")
    if e.table == "person":
        conn.execute("UPDATE person SET name = ?, name_key = ? WHERE id = ?", (name, fold(name), e.id))
    else:
        conn.execute("UPDATE film SET title = ?, title_key = ? WHERE id = ?", (name, fold(name), e.id))
    _record(conn, "rename", e, e.name, e.type, name)
    return e


def _same_name(conn, e: Entity, name: str) -> int | None:
    if e.table == "film":
        row = conn.execute("SELECT id FROM film WHERE title = ? AND ifnull(year, 0) ="
                           " (SELECT ifnull(year, 0) FROM film WHERE id = ?) AND id <> ?", (name, e.id, e.id)).fetchone()
    elif e.type == "person":
        row = conn.execute("SELECT id FROM person WHERE kind = 'person' AND name = ? AND id <> ?", (name, e.id)).fetchone()
    else:
        row = conn.execute("SELECT id FROM person WHERE kind = 'character' AND name = ? AND film_id IS ?"
                           " AND review_id IS ? AND id <> ?", (name, e.film_id, e.review_id, e.id)).fetchone()
    return row[0] if row else None


ARTICLES = frozenset("der die das den dem des ein eine einen einem einer eines".split())


def alias(conn, entity_id, name: str) -> tuple[Entity, bool]:
    """A spelling that always means this entity, whatever the analysis takes it for;
    (the entity, False when that alias was given already)."""
    e = entity(conn, entity_id)
    name = " ".join(name.split())
    if not name:
        raise CurationError("the alias must not be empty")
    return e, _record(conn, "alias", e, name, None) is not None


def article_warning(e: Entity, name: str) -> str | None:
    """What to say of an alias of a person or character that starts with an article
    (`die Hüller`): it is found only written so, article and case included, and the
    analysis never finds the name alone with it."""
    first, _, rest = " ".join(name.split()).partition(" ")
    if e.table != "person" or first.casefold() not in ARTICLES or not rest:
        return None
    return (f"warning: {name!r} starts with the article {first!r}: it is found only written exactly so;"
            f" for the name wherever it is written: archive entity alias {e.id} {rest!r}")


def retype(conn, entity_id, new_type: str) -> Entity:
    """A person who is a character, a character who is a film…: the entity is made anew
    with the other type (or joins the one of that name), its mentions move with it."""
    if new_type not in TYPES:
        raise CurationError(f"the type is one of {', '.join(TYPES)}")
    e = entity(conn, entity_id)
    if e.type == new_type:
        return e
    reviews = [r for (r,) in conn.execute(f"SELECT DISTINCT review_id FROM mention WHERE {_column(e)} = ?", (e.id,))]
    if new_type == "film":
        row = conn.execute("SELECT id FROM film WHERE title = ? ORDER BY year IS NULL DESC, id LIMIT 1", (e.name,)).fetchone()
        new_id = row[0] if row else conn.execute("INSERT INTO film (title, year, title_key) VALUES (?, NULL, ?)",
                                                 (e.name, fold(e.name))).lastrowid
        conn.execute("UPDATE mention SET person_id = NULL, film_id = ? WHERE person_id = ?", (new_id, e.id))
        conn.execute("DELETE FROM role WHERE character_id = ? OR actor_id = ?", (e.id, e.id))
        conn.execute("DELETE FROM credit WHERE person_id = ?", (e.id,))
        conn.execute("UPDATE curation SET person_id = NULL, film_id = ? WHERE person_id = ?", (new_id, e.id))
        conn.execute("DELETE FROM person WHERE id = ?", (e.id,))
        target = Entity("film", new_id, "film", e.name)
    else:
        if new_type == "person":
            film, review = None, None
        elif e.table == "film":  # a film taken for a character: the character of the film its review is about
            first = reviews[0] if reviews else None
            film = conn.execute("SELECT film_id FROM review WHERE id = ?", (first,)).fetchone()[0] if first else None
            film = None if film == e.id else film
            review = None if film else first
        else:
            first = reviews[0] if reviews else None
            film = conn.execute("SELECT film_id FROM review WHERE id = ?", (first,)).fetchone()[0] if first else None
            review = None if film else first
        if new_type == "character" and film is None and review is None:
            raise CurationError(f"#{e.id} {e.name} has no mention to tell its film; nothing to retype")
        lookup = ("SELECT id FROM person WHERE kind = 'person' AND name = ?", (e.name,)) if new_type == "person" else \
            ("SELECT id FROM person WHERE kind = 'character' AND name = ? AND film_id IS ? AND review_id IS ?",
             (e.name, film, review))
        row = conn.execute(*lookup).fetchone()
        if e.table == "person" and row is None:  # person <-> character: the same row, another type
            conn.execute("UPDATE person SET kind = ?, film_id = ?, review_id = ? WHERE id = ?",
                         (new_type, film, review, e.id))
            conn.execute("DELETE FROM role WHERE " + ("character_id" if new_type == "person" else "actor_id") + " = ?",
                         (e.id,))
            if new_type == "character":
                conn.execute("DELETE FROM credit WHERE person_id = ?", (e.id,))
            target = Entity("person", e.id, new_type, e.name, film, review)
        else:
            new_id = row[0] if row else conn.execute(
                "INSERT INTO person (name, kind, name_key, film_id, review_id) VALUES (?, ?, ?, ?, ?)",
                (e.name, new_type, fold(e.name), film, review)).lastrowid
            target = Entity("person", new_id, new_type, e.name, film, review)
            if e.table == "person":
                _move(conn, e, target)
            else:
                conn.execute("UPDATE mention SET film_id = NULL, person_id = ? WHERE film_id = ?", (new_id, e.id))
                conn.execute("UPDATE review SET film_id = NULL WHERE film_id = ?", (e.id,))
                conn.execute("DELETE FROM review_film WHERE film_id = ?", (e.id,))
                conn.execute("UPDATE curation SET film_id = NULL, person_id = ? WHERE film_id = ?", (new_id, e.id))
                if not conn.execute("SELECT 1 FROM person WHERE film_id = ?", (e.id,)).fetchone():
                    conn.execute("DELETE FROM film WHERE id = ?", (e.id,))
    _record(conn, "retype", target, e.name, e.type, new_type)
    return target


def drop_mention(conn, mention_id: int) -> tuple:
    row = conn.execute("SELECT review_id, start_char, end_char, surface, person_id, film_id FROM mention WHERE id = ?",
                       (mention_id,)).fetchone()
    if row is None:
        raise CurationError(f"no mention with id {mention_id} (archive query mentions shows the ids)")
    review_id, start, end, surface, person_id, film_id = row
    conn.execute("DELETE FROM mention WHERE id = ?", (mention_id,))
    _recount(conn, [review_id])
    _record(conn, "drop-mention", None, None, None, None, review_id, start, end, surface)
    prune(conn, {person_id} - {None}, {film_id} - {None})
    return row


def prune(conn, person_ids, film_ids) -> list[tuple[str, int, str]]:
    """Remove those of the given entities nothing points at any more (no mention, role,
    decision or review); returns (type, id, name) of each removed."""
    removed = []
    for pid in sorted(person_ids):
        row = conn.execute(
            "SELECT kind, name FROM person p WHERE id = ? AND NOT EXISTS (SELECT 1 FROM mention WHERE person_id = p.id)"
            " AND NOT EXISTS (SELECT 1 FROM role WHERE character_id = p.id OR actor_id = p.id)"
            " AND NOT EXISTS (SELECT 1 FROM curation WHERE person_id = p.id)"
            " AND NOT EXISTS (SELECT 1 FROM credit WHERE person_id = p.id)", (pid,)).fetchone()
        if row:
            conn.execute("DELETE FROM person WHERE id = ?", (pid,))
            removed.append((row[0], pid, row[1]))
    for fid in sorted(film_ids):
        row = conn.execute(
            "SELECT title FROM film f WHERE id = ? AND NOT EXISTS (SELECT 1 FROM mention WHERE film_id = f.id)"
            " AND NOT EXISTS (SELECT 1 FROM review WHERE film_id = f.id)"
            " AND NOT EXISTS (SELECT 1 FROM review_film WHERE film_id = f.id)"
            " AND NOT EXISTS (SELECT 1 FROM person WHERE film_id = f.id)"
            " AND NOT EXISTS (SELECT 1 FROM curation WHERE film_id = f.id)", (fid,)).fetchone()
        if row:
            conn.execute("DELETE FROM film WHERE id = ?", (fid,))
            removed.append(("film", fid, row[0]))
    return removed


def decisions(conn):
    """Every decision, oldest first, for `archive curation list`."""
    from archive.queries import Result

    cursor = conn.execute(
        "SELECT c.id, c.made_at, c.action, coalesce(c.type, 'any') AS type, c.name,"
        " CASE WHEN c.action = 'drop-mention' THEN 'review ' || c.review_id || ' ' || c.start_char || '-' || c.end_char"
        "  || ' ' || quote(c.surface) ELSE coalesce(p.kind, 'film') || ' #' || coalesce(c.person_id, c.film_id)"
        "  || ' ' || coalesce(p.name, f.title) END AS leads_to, c.value"
        " FROM curation c LEFT JOIN person p ON p.id = c.person_id LEFT JOIN film f ON f.id = c.film_id ORDER BY c.id")
    return Result([d[0] for d in cursor.description], cursor.fetchall())


def describe(conn, e: Entity):
    """An entity for `archive entity show`: what it is, then its aliases (every name a
    decision leads to it from), its mentions per review, its films and its roles."""
    from archive.queries import Result

    def run(sql, params) -> Result:
        cursor = conn.execute(sql, params)
        return Result([d[0] for d in cursor.description], cursor.fetchall())

    column = _column(e)
    about = {"id": e.id, "type": e.type, "name": e.name}
    if e.table == "film":
        about["year"] = conn.execute("SELECT year FROM film WHERE id = ?", (e.id,)).fetchone()[0]
    elif e.film_id:
        about["film"] = conn.execute("SELECT title FROM film WHERE id = ?", (e.film_id,)).fetchone()[0]
    sections = {
        "aliases": run(f"SELECT name, action, made_at FROM curation WHERE {column} = ? AND action <> 'drop-mention'"
                       " ORDER BY id", (e.id,)),
        "mentions": run(f"SELECT m.review_id, r.source, count(*) AS mentions, group_concat(DISTINCT m.surface) AS written"
                        f" FROM mention m JOIN review r ON r.id = m.review_id WHERE m.{column} = ?"
                        " GROUP BY m.review_id ORDER BY m.review_id", (e.id,)),
    }
    if e.table == "person":
        sections["films"] = run(
            "SELECT f.id, f.title, f.year, count(DISTINCT x.review_id) AS reviews"
            " FROM (SELECT review_id FROM mention WHERE person_id = ? UNION SELECT review_id FROM role"
            "  WHERE actor_id = ? OR character_id = ? UNION SELECT review_id FROM credit WHERE person_id = ?) rv"
            " JOIN (SELECT review_id, film_id FROM mention WHERE film_id IS NOT NULL UNION SELECT review_id, film_id"
            "  FROM review_film UNION SELECT id, film_id FROM review WHERE film_id IS NOT NULL) x"
            "  ON x.review_id = rv.review_id JOIN film f ON f.id = x.film_id"
            " GROUP BY f.id ORDER BY reviews DESC, f.title", (e.id, e.id, e.id, e.id))
        sections["roles"] = run(
            "SELECT CASE WHEN r.actor_id = ? THEN 'plays' ELSE 'played by' END AS role,"
            " CASE WHEN r.actor_id = ? THEN c.name ELSE a.name END AS name, f.title AS film, r.review_id"
            " FROM role r JOIN person c ON c.id = r.character_id JOIN person a ON a.id = r.actor_id"
            " LEFT JOIN film f ON f.id = c.film_id WHERE r.actor_id = ? OR r.character_id = ? ORDER BY name",
            (e.id, e.id, e.id, e.id))
        sections["credits"] = run(
            "SELECT c.job, f.title AS film, c.review_id FROM credit c JOIN review r ON r.id = c.review_id"
            " LEFT JOIN film f ON f.id = r.film_id WHERE c.person_id = ? ORDER BY c.review_id, c.job", (e.id,))
    else:
        sections["reviewed in"] = run(
            "SELECT r.id AS review_id, r.source, r.author, r.outlet, r.published FROM review r WHERE r.film_id = ?"
            " OR r.id IN (SELECT review_id FROM review_film WHERE film_id = ?) ORDER BY r.id", (e.id, e.id))
        sections["characters"] = run(
            "SELECT c.id, c.name, group_concat(a.name, '; ') AS played_by FROM person c"
            " LEFT JOIN role r ON r.character_id = c.id LEFT JOIN person a ON a.id = r.actor_id"
            " WHERE c.film_id = ? GROUP BY c.id ORDER BY c.name", (e.id,))
    return about, sections
