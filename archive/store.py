"""Writing analysed reviews into the database, with the standard library's sqlite3.

One writer; the caller decides how many reviews share a transaction, and each review
is written whole or not at all (a batch that fails is rolled back entirely and its
reviews written one by one). Entities are reused across reviews: a real person is one
row archive-wide, a film one row per title and year, a character one row per film
(or per review when the film is not known)."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone

from archive.meta import COLUMNS, Meta
from archive.names import fold
from archive.text.stems import keys
from archive.text.spans import Analysis
from archive.version import analysis_version


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Stored:
    review_id: int
    added: bool  # False: the same text was already in the archive
    sentences: int
    mentions: int


CACHE_LIMIT = 20_000  # entity ids the writer remembers before it starts afresh
# Pages the write-ahead log may hold before a commit copies them into the file (SQLite's
# default is 1,000, 4 MiB): a batch of 200 reviews writes more than that, so every commit
# checkpointed, copying pages that the next batch rewrites and syncing the file each time
# (10,000 reviews: the commits' CPU 1.6 -> 1.2 s, and 40 fewer syncs). 8,192 pages is a
# 32 MiB log at most; what is left in it goes into the file when the connection closes.
CHECKPOINT_PAGES = 8192
# The page cache of a writer's connection, in KiB (SQLite's default is 2 MiB): a review
# writes to nine tables and their indexes, and a batch's pages no longer fit in 2 MiB, so
# pages were read again and again (10,000 reviews: the statements' CPU 6.7 -> 5.7 s; a
# bigger cache than 16 MiB gained little more).
CACHE_KIB = 16 * 1024


class Writer:
    """Stores analyses on one connection; remembers entity ids it has looked up."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        conn.execute(f"PRAGMA wal_autocheckpoint = {CHECKPOINT_PAGES}")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        self._persons: dict[tuple[str, str, int | None, int | None], int] = {}
        # Characters that belong to one review never recur in another: they are cached
        # only while that review is stored, so memory does not grow with the corpus.
        self._review_characters: dict[tuple[str, str, int | None, int | None], int] = {}
        self._films: dict[tuple[str, int | None], int] = {}
        self._decisions = None

    def known_review(self, digest: str) -> int | None:
        row = self.conn.execute("SELECT id FROM review WHERE sha256 = ?", (digest,)).fetchone()
        return row[0] if row else None

    @property
    def decisions(self):
        """The keeper's decisions (archive/decisions.py), read once per writer."""
        if self._decisions is None:
            from archive.decisions import Decisions

            self._decisions = Decisions.load(self.conn)
        return self._decisions

    def store(self, analysis: Analysis, source: str, digest: str | None = None, meta: Meta | None = None,
              ingested_at: str | None = None) -> Stored:
        """Insert one review inside the caller's transaction (ingested now, unless an
        import gives the time it was first ingested)."""
        digest = digest or sha256(analysis.text)
        existing = self.known_review(digest)
        if existing is not None:
            return Stored(existing, False, 0, 0)
        return self.add(analysis, source, digest, meta, ingested_at)

    def add(self, analysis: Analysis, source: str, digest: str, meta: Meta | None = None,
            ingested_at: str | None = None) -> Stored:
        """Insert one review the caller knows is not stored yet (ingest has looked its
        text up already), inside the caller's transaction."""
        meta = meta or Meta()
        films = self._films_reviewed(analysis, meta)
        # The row goes in whole: an UPDATE after the mentions rewrote the body, a fifth of
        # the cost of storing a review.
        review_id = self.conn.execute(
            "INSERT INTO review (source, sha256, body, ingested_at, film_id, sentence_count, mention_count, title,"
            " author, outlet, published, url, rating, language, meta, front_matter, analysis_version)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (source, digest, analysis.text, ingested_at or _now(), films[1], len(analysis.sentences),
             len(analysis.mentions), *(meta.column(c) for c in COLUMNS), meta.json(), meta.front_matter,
             analysis_version())).lastrowid
        return self._write(review_id, analysis, meta, films)

    def replace(self, review_id: int, analysis: Analysis, meta: Meta | None = None, source: str | None = None,
                digest: str | None = None) -> tuple[Stored, list]:
        """Store a new analysis (and text, and metadata) of a stored review, its id kept;
        returns also the entities no longer needed, which are removed."""
        old = self.clear(review_id)
        digest = digest or sha256(analysis.text)
        self.conn.execute("UPDATE review SET body = ?, sha256 = ?, source = coalesce(?, source) WHERE id = ?",
                          (analysis.text, digest, source, review_id))
        stored = self._write(review_id, analysis, meta or Meta())
        from archive.curation import prune

        return stored, prune(self.conn, *old)

    def clear(self, review_id: int) -> tuple[set[int], set[int]]:
        """Remove a review's sentences, mentions, roles and films reviewed, keeping the
        review row; returns the person and film ids they pointed at."""
        conn = self.conn
        persons = {r[0] for r in conn.execute("SELECT DISTINCT person_id FROM mention WHERE review_id = ?"
                                              " AND person_id IS NOT NULL", (review_id,))}
        films = {r[0] for r in conn.execute("SELECT DISTINCT film_id FROM mention WHERE review_id = ?"
                                            " AND film_id IS NOT NULL", (review_id,))}
        films |= {r[0] for r in conn.execute("SELECT film_id FROM review_film WHERE review_id = ?"
                                             " UNION SELECT film_id FROM review WHERE id = ? AND film_id IS NOT NULL",
                                             (review_id, review_id))}
        for actor, character in conn.execute("SELECT actor_id, character_id FROM role WHERE review_id = ?", (review_id,)):
            persons |= {actor, character}
        persons |= {r[0] for r in conn.execute("SELECT person_id FROM credit WHERE review_id = ?", (review_id,))}
        persons |= {r[0] for r in conn.execute("SELECT id FROM person WHERE review_id = ?", (review_id,))}
        conn.execute("DELETE FROM mention WHERE review_id = ?", (review_id,))
        conn.execute("DELETE FROM role WHERE review_id = ?", (review_id,))
        conn.execute("DELETE FROM review_film WHERE review_id = ?", (review_id,))
        conn.execute("DELETE FROM credit WHERE review_id = ?", (review_id,))
        delete_sentences(conn, review_id)
        conn.execute("UPDATE review SET film_id = NULL WHERE id = ?", (review_id,))
        self._review_characters = {}
        return persons, films

    def _films_reviewed(self, analysis: Analysis, meta: Meta) -> tuple[list[int], int | None]:
        """The films the metadata says are reviewed, and the review's film."""
        self._review_characters = {}
        if len(self._persons) + len(self._films) > CACHE_LIMIT:
            self.forget()  # a lookup by index costs microseconds; a cache without bound costs memory
        years = {e.name: e.year for e in analysis.entities if e.kind == "film"}
        reviewed = [self.film_id(title, year or years.get(title)) for title, year in meta.films]
        subject = reviewed[0] if reviewed else \
            self._film(analysis.subject, years.get(analysis.subject), self.decisions) if analysis.subject else None
        return reviewed, subject

    def _write(self, review_id: int, analysis: Analysis, meta: Meta,
               inserted: tuple[list[int], int | None] | None = None) -> Stored:
        """Sentences, mentions, roles, films reviewed and credits of a review; `inserted`:
        the review row went in whole with these films (store), else it is brought up to date."""
        conn = self.conn
        reviewed, subject = inserted or self._films_reviewed(analysis, meta)
        decisions = self.decisions
        years = {e.name: e.year for e in analysis.entities if e.kind == "film"}
        first = _next_id(conn, "sentence")
        texts = [analysis.text[s.start : s.end] for s in analysis.sentences]
        conn.executemany(
            "INSERT INTO sentence (id, review_id, position, start_char, end_char, text) VALUES (?, ?, ?, ?, ?, ?)",
            [(first + i, review_id, i, s.start, s.end, texts[i]) for i, s in enumerate(analysis.sentences)],
        )
        index_sentences(conn, [(first + i, text) for i, text in enumerate(texts)])
        owner = {e.name: self.film_id(e.film, years.get(e.film)) for e in analysis.entities
                 if e.kind == "character" and e.film}  # else the character belongs to the review's film
        dropped = decisions.dropped.get(review_id, ())
        # A name recurs in a review (a tenth of the mentions are new names): its entity is found once per review.
        found: dict[tuple[str, str], tuple[str, int, str]] = {}

        def entity_of(kind: str, name: str) -> tuple[str, int, str]:
            """(table, id, type): what a decision says the name is, else the entity of that name."""
            entity = found.get((kind, name))
            if entity is not None:
                return entity
            film = owner.get(name, subject) if kind == "character" else None
            entity = decisions.target(kind, name, film if kind == "character" else subject, review_id) \
                if decisions.by_name else None
            if entity is None:
                if kind == "film":
                    entity = "film", self.film_id(name, years.get(name)), "film"
                else:
                    entity = "person", self.person_id(name, kind, film, review_id), kind
            found[(kind, name)] = entity
            return entity

        rows = []
        for m in analysis.mentions:
            # the same text at the same place: an edit elsewhere keeps it
            if dropped and (m.start, m.end, m.surface) in dropped:
                continue
            table, entity_id, _ = found.get((m.kind, m.name)) or entity_of(m.kind, m.name)
            person, film = (entity_id, None) if table == "person" else (None, entity_id)
            rows.append((review_id, first + m.sentence, m.start, m.end, m.surface, person, film, m.rule))
        if rows:  # each statement costs its call even with no rows: a review without roles or films reviewed skips it
            conn.executemany(
                "INSERT INTO mention (review_id, sentence_id, start_char, end_char, surface, person_id, film_id, rule)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        roles = []
        for role in analysis.roles:
            character, actor = entity_of("character", role.character), entity_of("person", role.actor)
            if character[2] == "character" and actor[2] == "person":  # a decision may have made one something else
                roles.append((character[1], actor[1], review_id))
        if roles:
            conn.executemany("INSERT OR IGNORE INTO role (character_id, actor_id, review_id) VALUES (?, ?, ?)", roles)
        if reviewed:
            conn.executemany("INSERT OR IGNORE INTO review_film (review_id, film_id, position) VALUES (?, ?, ?)",
                             [(review_id, film, i) for i, film in enumerate(reviewed)])
        credits = [(name, "director") for name in meta.directors] + [(actor, "cast") for actor, _ in meta.cast]
        for name, job in credits:
            table, person, kind = entity_of("person", name)
            if kind == "person":
                conn.execute("INSERT OR IGNORE INTO credit (review_id, person_id, job) VALUES (?, ?, ?)",
                             (review_id, person, job))
        if inserted is not None and len(rows) == len(analysis.mentions):
            return Stored(review_id, True, len(analysis.sentences), len(rows))
        conn.execute(
            "UPDATE review SET film_id = ?, sentence_count = ?, mention_count = ?, title = ?, author = ?, outlet = ?,"
            " published = ?, url = ?, rating = ?, language = ?, meta = ?, front_matter = ?, analysis_version = ?"
            " WHERE id = ?",
            (subject, len(analysis.sentences), len(rows), *(meta.column(c) for c in COLUMNS), meta.json(),
             meta.front_matter, analysis_version(), review_id))
        return Stored(review_id, True, len(analysis.sentences), len(rows))

    def _film(self, title: str, year: int | None, decisions) -> int | None:
        """The review's film, as a decision may have made it (or not a film at all)."""
        target = decisions.target("film", title) if decisions.by_name else None
        if target is None:
            return self.film_id(title, year)
        return target[1] if target[0] == "film" else None

    def person_id(self, name: str, kind: str, film_id: int | None, review_id: int) -> int:
        if kind == "person":
            key = (name, "person", None, None)
        elif film_id is not None:
            key = (name, "character", film_id, None)
        else:
            key = (name, "character", None, review_id)
        cache = self._persons if key[3] is None else self._review_characters
        if key in cache:
            return cache[key]
        _, db_kind, film, review = key
        row = self.conn.execute(_PERSON_LOOKUP[db_kind if db_kind == "person" else "film" if film else "review"],
                                (name, film or review) if db_kind != "person" else (name,)).fetchone()
        if row:
            pid = row[0]
        else:
            pid = self.conn.execute(
                "INSERT INTO person (name, kind, name_key, film_id, review_id) VALUES (?, ?, ?, ?, ?)",
                (name, db_kind, fold(name), film, review),
            ).lastrowid
        cache[key] = pid
        return pid

    def film_id(self, title: str, year: int | None) -> int:
        """The film with this title and year; without a year, the film of that title."""
        key = (title, year)
        if key in self._films:
            return self._films[key]
        conn = self.conn
        if year is None:
            row = conn.execute("SELECT id FROM film WHERE title = ? ORDER BY year IS NULL DESC, id LIMIT 1",
                               (title,)).fetchone()
        else:
            row = conn.execute("SELECT id FROM film WHERE title = ? AND year = ?", (title, year)).fetchone()
            if row is None:  # the film was known without its year: now it is known
                row = conn.execute("SELECT id FROM film WHERE title = ? AND year IS NULL", (title,)).fetchone()
                if row:
                    conn.execute("UPDATE film SET year = ? WHERE id = ?", (year, row[0]))
        if row:
            fid = row[0]
        else:
            fid = conn.execute("INSERT INTO film (title, year, title_key) VALUES (?, ?, ?)",
                               (title, year, fold(title))).lastrowid
        self._films[key] = fid
        return fid

    def forget(self) -> None:
        """Drop cached ids (after a rollback they may name rows that are gone)."""
        self._persons.clear()
        self._films.clear()


# One lookup per partial unique index, with its condition spelled out so SQLite uses it
# (`film_id IS ?` with NULL read nearly the whole table).
_PERSON_LOOKUP = {
    "person": "SELECT id FROM person WHERE kind = 'person' AND name = ?",
    "film": "SELECT id FROM person WHERE kind = 'character' AND film_id IS NOT NULL AND name = ? AND film_id = ?",
    "review": "SELECT id FROM person WHERE kind = 'character' AND review_id IS NOT NULL AND name = ? AND review_id = ?",
}


def index_sentences(conn: sqlite3.Connection, rows: list[tuple[int, str]]) -> None:
    """Add sentences (id, text) to both full-text indexes: `sentence_fts` (the words as
    written) and `sentence_stem` (their search keys, archive.text.stems). The writer fills
    them, not a trigger: one executemany costs a third of a trigger firing per row
    (migration 0003), and the keys need Python."""
    conn.executemany("INSERT INTO sentence_fts (rowid, text) VALUES (?, ?)", rows)
    conn.executemany("INSERT INTO sentence_stem (rowid, text) VALUES (?, ?)",
                     [(sentence_id, keys(text)) for sentence_id, text in rows])


def stems_out_of_step(conn: sqlite3.Connection) -> list[int]:
    """The sentences whose row in `sentence_stem` is missing or holds other keys than
    index_sentences() writes for their text (keys(), the function ingest uses), by id;
    then the rows of `sentence_stem` without a sentence. Read from the index's own
    content table: FTS5's integrity-check (archive check) vouches that the index itself
    agrees with it."""
    rows = conn.execute("SELECT s.id, s.text, c.c0 FROM sentence s"
                        " LEFT JOIN sentence_stem_content c ON c.id = s.id ORDER BY s.id")
    differ = [sentence_id for sentence_id, text, stored in rows if stored != keys(text)]
    return differ + [i for (i,) in conn.execute(
        "SELECT id FROM sentence_stem_content WHERE id NOT IN (SELECT id FROM sentence) ORDER BY id")]


def reindex(conn: sqlite3.Connection) -> int:
    """Both full-text indexes made again from `sentence` (the mend `archive check` names
    for an index out of step): FTS5's rebuild of each (which mends damaged blocks), then
    each row of `sentence_stem` that differs from its sentence written again. Returns
    how many rows were written again. The caller holds the transaction."""
    conn.execute("INSERT INTO sentence_fts (sentence_fts) VALUES ('rebuild')")
    conn.execute("INSERT INTO sentence_stem (sentence_stem) VALUES ('rebuild')")
    wrong = stems_out_of_step(conn)
    conn.executemany("DELETE FROM sentence_stem WHERE rowid = ?", [(i,) for i in wrong])
    conn.executemany("INSERT INTO sentence_stem (rowid, text) SELECT id, ? FROM sentence WHERE id = ?",
                     [(keys(text), i) for i, text in _texts(conn, wrong)])
    return len(wrong)


def _texts(conn: sqlite3.Connection, ids: list[int]):
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        yield from conn.execute(f"SELECT id, text FROM sentence WHERE id IN ({','.join('?' * len(chunk))})", chunk)


def delete_sentences(conn: sqlite3.Connection, review_id: int) -> int:
    """Delete a review's sentences with their rows in both full-text indexes (triggers on
    `sentence` remove them, migrations 0002 and 0008) and their mentions (by cascade).
    The one way to drop a review's index rows (Writer.clear, for `rm` and `reanalyse`);
    index_sentences() adds the new ones. Returns how many sentences went."""
    return conn.execute("DELETE FROM sentence WHERE review_id = ?", (review_id,)).rowcount


def _next_id(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT ifnull(max(id), 0) + 1 FROM {table}").fetchone()[0]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
