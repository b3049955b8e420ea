"""Questions to the archive, as SQL over a sqlite3 connection. Knows nothing of the
command line: every function takes plain values and returns a Result.

Every value from a user is bound as a parameter; the only SQL assembled in code is
made of fixed fragments and `?` placeholders."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field

from archive.names import fold
from archive.snippets import of_hits, snippet


class QueryError(Exception):
    """A question the archive cannot answer as asked; the message is one line."""


@dataclass
class Result:
    columns: list[str]
    rows: list[tuple] | Iterator[tuple]  # an iterator where rows are streamed (archive sql)
    notes: list[str] = field(default_factory=list)  # for people, on stderr: which entities a filter matched


@dataclass(frozen=True)
class Match:
    """The entities a name filter matched (case, diacritics and part of the name ignored)."""

    option: str
    given: str
    ids: tuple[int, ...]
    names: tuple[str, ...]

    def note(self) -> str:
        if not self.ids:
            return f"{self.option} {self.given!r} matches nothing"
        return f"{self.option} {self.given!r} matches: " + ", ".join(self.names)


def _like(value: str) -> str:
    escaped = fold(value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def selection(given: str, key_column: str) -> tuple[str, list]:
    """The one place a name filter is read: `#12` is the entity with id 12, `=Her` the
    whole name (folded: case and diacritics do not matter), anything else part of it."""
    text = given.strip()
    if text.startswith("#") and text[1:].strip().isascii() and text[1:].strip().isdigit():
        return "id = ?", [int(text[1:])]
    if text.startswith("=") and text[1:].strip():
        return f"{key_column} = ?", [fold(text[1:])]
    return f"{key_column} LIKE ? ESCAPE '\\'", [_like(text)]


def match_persons(conn: sqlite3.Connection, name: str, kind: str | None = None, option: str = "--person") -> Match:
    where, params = selection(name, "name_key")
    sql = "SELECT id, name FROM person WHERE " + where
    if kind:
        sql += " AND kind = ?"
        params.append(kind)
    rows = conn.execute(sql + " ORDER BY name", params).fetchall()
    return Match(option, name, tuple(r[0] for r in rows), tuple(r[1] for r in rows))


def match_films(conn: sqlite3.Connection, title: str, option: str = "--film") -> Match:
    where, params = selection(title, "title_key")
    rows = conn.execute("SELECT id, title, year FROM film WHERE " + where + " ORDER BY +title", params).fetchall()
    return Match(option, title, tuple(r[0] for r in rows),
                 tuple(f"{t} ({y})" if y else t for _, t, y in rows))


def _in(ids: tuple[int, ...]) -> str:
    return "(" + ",".join("?" * len(ids)) + ")" if ids else "(NULL)"


def _search(text: str, exact: bool):
    from archive.search import SearchError, parse

    try:
        return parse(text, exact)
    except SearchError as exc:
        raise QueryError(f"--text: {exc}") from None


def _fts_error(exc: sqlite3.OperationalError) -> QueryError:
    from archive.search import fts5_message

    message = fts5_message(str(exc))
    return QueryError(f"--text: {message}" if message else str(exc))


def reviews(conn, persons: list[Match] = (), films: list[Match] = (), text: str | None = None,
            limit: int | None = None, author: str | None = None, outlet: str | None = None,
            since: str | None = None, until: str | None = None, reviewed: Match | None = None,
            exact: bool = False) -> Result:
    """Reviews with their metadata and counts, by id; with text, the reviews whose best
    sentence ranks best come first. author and outlet match by part (folded like names);
    since and until compare the published date (ISO 8601, so as text); reviewed: the
    film a review is about, not any film it names."""
    where, params, hits, hit_params = [], [], "", []
    for column, value in (("author", author), ("outlet", outlet)):
        if value:
            where.append(f"fold(r.{column}) LIKE ? ESCAPE '\\'")
            params.append(_like(value))
    if since:
        where.append("r.published >= ?")
        params.append(since)
    if until:
        where.append("substr(r.published, 1, ?) <= ?")
        params += [len(until), until]
    if reviewed is not None:
        where.append(f"(r.film_id IN {_in(reviewed.ids)} OR r.id IN (SELECT review_id FROM review_film"
                     f" WHERE film_id IN {_in(reviewed.ids)}))")
        params += reviewed.ids + reviewed.ids
    for match in persons:
        where.append(f"r.id IN (SELECT review_id FROM mention WHERE person_id IN {_in(match.ids)})")
        params += match.ids
    for match in films:
        where.append(f"r.id IN (SELECT review_id FROM mention WHERE film_id IN {_in(match.ids)})")
        params += match.ids
    if text:
        search = _search(text, exact)
        hits = (f" JOIN (SELECT s.review_id, min({search.table}.rank) AS score FROM {search.table}"
                f" JOIN sentence s ON s.id = {search.table}.rowid WHERE {search.table} MATCH ? GROUP BY s.review_id)"
                " hit ON hit.review_id = r.id")
        hit_params.append(search.match)
    matched, matched_params = "", []
    if persons or films:  # which of the matched entities each review mentions
        person_ids = tuple({i for m in persons for i in m.ids})
        film_ids = tuple({i for m in films for i in m.ids})
        matched = (
            ", (SELECT group_concat(name, '; ') FROM (SELECT DISTINCT coalesce(p.name, f2.title) AS name"
            " FROM mention m LEFT JOIN person p ON p.id = m.person_id LEFT JOIN film f2 ON f2.id = m.film_id"
            f" WHERE m.review_id = r.id AND (m.person_id IN {_in(person_ids)} OR m.film_id IN {_in(film_ids)})"
            " ORDER BY name)) AS matched"
        )
        matched_params = list(person_ids + film_ids)
    sql = (
        "SELECT r.id, r.source, r.title, r.author, r.outlet, r.published, f.title AS film,"
        " coalesce(r.sentence_count, (SELECT count(*) FROM sentence s WHERE s.review_id = r.id)) AS sentences,"
        " coalesce(r.mention_count, (SELECT count(*) FROM mention m WHERE m.review_id = r.id)) AS mentions"
        + matched + ", r.ingested_at"
        " FROM review r" + hits + " LEFT JOIN film f ON f.id = r.film_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + (" ORDER BY hit.score, r.id" if text else " ORDER BY r.id") + _limit(limit, params)
    )
    if author or outlet:
        conn.create_function("fold", 1, lambda v: fold(v) if v else v, deterministic=True)
    return _run(conn, sql, matched_params + hit_params + params,
                list(persons) + list(films) + ([reviewed] if reviewed else []))


def persons(conn, kind: str | None = None, with_: Match | None = None, film: Match | None = None,
            review: int | None = None, limit: int | None = None, only: Match | None = None) -> Result:
    # Which mentions count (alias m): those of one review, or of the reviews naming a film.
    scope, scope_params = "", []
    if review is not None:
        scope += " AND m.review_id = ?"
        scope_params.append(review)
    if film is not None:
        scope += f" AND m.review_id IN (SELECT review_id FROM mention WHERE film_id IN {_in(film.ids)})"
        scope_params += film.ids
    kind_filter = " AND p.kind = ?" if kind else ""
    kind_params = [kind] if kind else []
    if only is not None:  # --person: these persons only
        kind_filter += f" AND p.id IN {_in(only.ids)}"
        kind_params += list(only.ids)
    if with_ is not None:
        sql = (
            "SELECT p.id, p.name, p.kind AS type,"
            " count(DISTINCT m.sentence_id) AS sentences_together, count(DISTINCT m.review_id) AS reviews,"
            " group_concat(DISTINCT p1.name) AS together_with"
            " FROM mention m1 JOIN mention m ON m.sentence_id = m1.sentence_id"
            " JOIN person p ON p.id = m.person_id JOIN person p1 ON p1.id = m1.person_id"
            f" WHERE m1.person_id IN {_in(with_.ids)} AND m.person_id NOT IN {_in(with_.ids)}" + scope + kind_filter
            + " GROUP BY p.id ORDER BY sentences_together DESC, p.name"
        )
        params = list(with_.ids + with_.ids) + scope_params + kind_params
    else:
        # Count first, straight from the mention index, then look the persons up: an
        # outer join from every person cost half as much again.
        # Without a scope, the persons the metadata credits (director, cast) are listed
        # too, with 0 mentions when the text does not name them.
        credited = "" if scope else (" UNION ALL SELECT DISTINCT c.person_id, 0, 0 FROM credit c WHERE NOT EXISTS"
                                     " (SELECT 1 FROM mention m WHERE m.person_id = c.person_id)")
        sql = (
            "SELECT p.id, p.name, p.kind AS type,"
            " f.title AS film, n.mentions, n.reviews FROM (SELECT m.person_id, count(*) AS mentions,"
            " count(DISTINCT m.review_id) AS reviews FROM mention m WHERE m.person_id IS NOT NULL" + scope
            + " GROUP BY m.person_id" + credited + ") n JOIN person p ON p.id = n.person_id LEFT JOIN film f ON f.id = p.film_id"
            " WHERE 1" + kind_filter + " ORDER BY n.mentions DESC, p.name"
        )
        params = scope_params + kind_params
    sql += _limit(limit, params)
    return _run(conn, sql, params, [m for m in (only, with_, film) if m is not None])


def films(conn, person: Match | None = None, review: int | None = None, limit: int | None = None,
          only: Match | None = None) -> Result:
    """Films by mentions. The films reviewed (review_film) are listed too, with 0 mentions
    and the reviews about them, when the text does not name them: as `persons` lists the
    credited persons."""

    def scope(alias: str) -> tuple[str, list]:  # which mentions (or films reviewed) count, as in persons()
        where, params = "", []
        if only is not None:  # --film: these films only
            where += f" AND {alias}.film_id IN {_in(only.ids)}"
            params += only.ids
        if person is not None:
            where += f" AND {alias}.review_id IN (SELECT review_id FROM mention WHERE person_id IN {_in(person.ids)})"
            params += person.ids
        if review is not None:
            where += f" AND {alias}.review_id = ?"
            params.append(review)
        return where, params

    (named, params), (reviewed, reviewed_params) = scope("m"), scope("rf")
    sql = ("SELECT f.id, f.title, f.year, n.mentions, n.reviews FROM (SELECT m.film_id, count(*) AS mentions,"
           " count(DISTINCT m.review_id) AS reviews FROM mention m WHERE m.film_id IS NOT NULL" + named
           + " GROUP BY m.film_id UNION ALL SELECT rf.film_id, 0, count(DISTINCT rf.review_id) FROM review_film rf"
           " WHERE NOT EXISTS (SELECT 1 FROM mention m WHERE m.film_id = rf.film_id" + named + ")" + reviewed
           + " GROUP BY rf.film_id) n JOIN film f ON f.id = n.film_id ORDER BY n.mentions DESC, f.title")
    params = params + params + reviewed_params
    sql += _limit(limit, params)
    return _run(conn, sql, params, [m for m in (only, person) if m is not None])


def sentences(conn, text: str | None = None, persons: list[Match] = (), films: list[Match] = (),
              review: int | None = None, limit: int | None = None, highlight: tuple[str, str] = ("[", "]"),
              exact: bool = False) -> Result:
    """Sentences with a snippet: the full-text hits marked when there is --text (best
    first), else the mentions of the filtered entities marked. With entity filters,
    `matched` says which of the matched entities each sentence mentions."""
    matches = list(persons) + list(films)
    person_ids = tuple({i for m in persons for i in m.ids})
    film_ids = tuple({i for m in films for i in m.ids})
    params: list = []
    search = _search(text, exact) if text else None
    if search:
        from archive.search import CLOSE, OPEN

        table = search.table
        sql = (f"SELECT s.review_id, s.id AS sentence_id, s.position, highlight({table}, 0, ?, ?), s.text,"
               f" s.start_char FROM {table} JOIN sentence s ON s.id = {table}.rowid WHERE {table} MATCH ?")
        params += [OPEN, CLOSE, search.match]
    else:
        sql = "SELECT s.review_id, s.id AS sentence_id, s.position, NULL AS snippet, s.text, s.start_char FROM sentence s WHERE 1"
    for match in persons:
        sql += f" AND s.id IN (SELECT sentence_id FROM mention WHERE person_id IN {_in(match.ids)})"
        params += match.ids
    for match in films:
        sql += f" AND s.id IN (SELECT sentence_id FROM mention WHERE film_id IN {_in(match.ids)})"
        params += match.ids
    if review is not None:
        sql += " AND s.review_id = ?"
        params.append(review)
    sql += (f" ORDER BY {search.table}.rank, s.id" if search else " ORDER BY s.review_id, s.position")
    sql += _limit(limit, params)
    columns = ["review_id", "sentence_id", "position"] + (["matched"] if matches else []) + ["snippet", "text"]
    if not matches:  # the hits alone (or a review's sentences): each snippet straight from the cursor
        mark = of_hits(search, highlight) if search else lambda _, body: snippet(body, [], highlight)
        return Result(columns, [(r, i, p, mark(hit, body), body) for r, i, p, hit, body, _ in _cursor(conn, sql, params)])
    if text:
        found = _run(conn, sql, params)
        spans = _spans(conn, [row[1] for row in found.rows], person_ids, film_ids)
        found.rows = [row + (spans.get(row[1], []),) for row in found.rows]
    else:
        simple = len(matches) == 1 and limit is None and review is None
        found = _marked_sentences(conn, None if simple else (sql, params), person_ids, film_ids)
    rows = []
    mark = of_hits(search, highlight) if search else None
    for review_id, sentence_id, position, hit, body, start, spans_in in found.rows:
        shown = mark(hit, body) if mark else snippet(body, [(a - start, b - start) for a, b, _ in spans_in], highlight)
        matched = spans_in[0][2] if len(spans_in) == 1 else "; ".join(dict.fromkeys([n for _, _, n in spans_in]))
        rows.append((review_id, sentence_id, position, matched, shown, body))
    return Result(columns, rows, [m.note() for m in matches])


def _marked_sentences(conn, chosen: tuple[str, list] | None, person_ids, film_ids) -> Result:
    """The sentences that mention the matched entities, each with those mentions, in one
    query (a query for the sentences and a second for their mentions cost three times the
    hand-written SQL). With one filter and no limit the mentions alone say which sentences
    (`chosen` is None); else `chosen`, the sentence query, picks them and the mentions are
    looked up by sentence (`+` keeps SQLite from reading every mention of the entity)."""
    plus = "+" if chosen else ""
    hit = " OR ".join(([f"{plus}m.person_id IN {_in(person_ids)}"] if person_ids else [])
                      + ([f"{plus}m.film_id IN {_in(film_ids)}"] if film_ids else [])) or "0"  # matched nothing
    sql = ("SELECT s.review_id, s.id, s.position, s.text, s.start_char, m.start_char, m.end_char,"
           " coalesce(p.name, f.title) FROM mention m JOIN sentence s ON s.id = m.sentence_id"
           " LEFT JOIN person p ON p.id = m.person_id LEFT JOIN film f ON f.id = m.film_id"
           f" WHERE ({hit})")
    params = list(person_ids + film_ids)
    if chosen:
        sql += f" AND m.sentence_id IN (SELECT sentence_id FROM ({chosen[0]}))"
        params += chosen[1]
    sql += " ORDER BY s.review_id, s.position, m.start_char"
    rows: list[tuple] = []
    for review_id, sentence_id, position, body, start, a, b, name in _run(conn, sql, params).rows:
        if not rows or rows[-1][1] != sentence_id:
            rows.append((review_id, sentence_id, position, None, body, start, []))
        rows[-1][6].append((a, b, name))
    return Result([], rows)


def _spans(conn, sentence_ids: list[int], person_ids: tuple[int, ...], film_ids: tuple[int, ...]) -> dict:
    """Offsets and names of the given entities' mentions in the given sentences (looked up
    by sentence: `+` keeps SQLite from scanning every mention of a popular entity)."""
    spans: dict[int, list] = {}
    for i in range(0, len(sentence_ids), 500):
        chunk = tuple(sentence_ids[i : i + 500])
        rows = conn.execute(
            "SELECT m.sentence_id, m.start_char, m.end_char, coalesce(p.name, f.title) FROM mention m"
            " LEFT JOIN person p ON p.id = m.person_id LEFT JOIN film f ON f.id = m.film_id"
            f" WHERE m.sentence_id IN {_in(chunk)} AND (+m.person_id IN {_in(person_ids)} OR +m.film_id IN {_in(film_ids)})"
            " ORDER BY m.sentence_id, m.start_char", chunk + person_ids + film_ids)
        for sentence_id, a, b, name in rows:
            spans.setdefault(sentence_id, []).append((a, b, name))
    return spans


MENTION_SQL = (
    "SELECT m.id AS mention_id, m.review_id, m.sentence_id, m.start_char, m.end_char, m.surface AS text,"
    " CASE WHEN m.film_id IS NOT NULL THEN 'film' WHEN p.kind = 'character' THEN 'character' ELSE 'person' END AS type,"
    " coalesce(p.name, f.title) AS name, coalesce(m.person_id, m.film_id) AS entity_id, m.rule"
    " FROM mention m LEFT JOIN person p ON p.id = m.person_id LEFT JOIN film f ON f.id = m.film_id WHERE 1"
)


def mentions(conn, review: int | None = None, type_: str | None = None, limit: int | None = None) -> Result:
    sql, params = MENTION_SQL, []
    if review is not None:
        sql += " AND m.review_id = ?"
        params.append(review)
    if type_ == "film":
        sql += " AND m.film_id IS NOT NULL"
    elif type_ in ("person", "character"):
        sql += " AND p.kind = ?"
        params.append(type_)
    sql += " ORDER BY m.review_id, m.start_char" + _limit(limit, params)
    return _run(conn, sql, params)


def cast(conn, film: Match | None = None, limit: int | None = None, person: Match | None = None,
         character: Match | None = None) -> Result:
    """Who plays whom; --person: the roles of these persons, as actor or character."""
    sql = ("SELECT c.name AS character, a.name AS actor, f.title AS film, r.review_id"
           " FROM role r JOIN person c ON c.id = r.character_id JOIN person a ON a.id = r.actor_id"
           " LEFT JOIN film f ON f.id = c.film_id WHERE 1")
    params: list = []
    if film is not None:
        sql += f" AND c.film_id IN {_in(film.ids)}"
        params += film.ids
    if person is not None:
        sql += f" AND (r.actor_id IN {_in(person.ids)} OR r.character_id IN {_in(person.ids)})"
        params += person.ids + person.ids
    if character is not None:
        sql += f" AND r.character_id IN {_in(character.ids)}"
        params += character.ids
    sql += " ORDER BY f.title, c.name" + _limit(limit, params)
    return _run(conn, sql, params, [m for m in (film, person, character) if m is not None])


def review_detail(conn, review_id: int) -> tuple[dict, Result, Result]:
    """A review, its sentences and its mentions (for `archive show`)."""
    row = conn.execute(
        "SELECT r.id, r.source, r.sha256, r.ingested_at, f.title, r.body, r.title, r.author, r.outlet, r.published,"
        " r.front_matter FROM review r LEFT JOIN film f ON f.id = r.film_id WHERE r.id = ?", (review_id,)
    ).fetchone()
    if row is None:
        raise QueryError(f"no review with id {review_id}")
    review = dict(zip(("id", "source", "sha256", "ingested_at", "film", "body", "title", "author", "outlet",
                       "published", "front_matter"), row))
    sents = _run(conn, "SELECT id, position, start_char, end_char, text FROM sentence WHERE review_id = ?"
                       " ORDER BY position", [review_id])
    return review, sents, mentions(conn, review=review_id)


def _limit(limit: int | None, params: list) -> str:
    if limit is None:
        return ""
    params.append(limit)
    return " LIMIT ?"


def _cursor(conn, sql: str, params) -> sqlite3.Cursor:
    try:
        return conn.execute(sql, params)
    except sqlite3.OperationalError as exc:
        raise _fts_error(exc) from None


def _run(conn, sql: str, params, matches=()) -> Result:
    cursor = _cursor(conn, sql, params)
    return Result([d[0] for d in cursor.description], cursor.fetchall(), [m.note() for m in matches])
