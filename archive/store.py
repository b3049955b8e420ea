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

from archive.names import fold
from archive.text.spans import Analysis


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Stored:
    review_id: int
    added: bool  # False: the same text was already in the archive
    sentences: int
    mentions: int


CACHE_LIMIT = 20_000  # entity ids the writer remembers before it starts afresh


class Writer:
    """Stores analyses on one connection; remembers entity ids it has looked up."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._persons: dict[tuple[str, str, int | None, int | None], int] = {}
        # Characters that belong to one review never recur in another: they are cached
        # only while that review is stored, so memory does not grow with the corpus.
        self._review_characters: dict[tuple[str, str, int | None, int | None], int] = {}
        self._films: dict[tuple[str, int | None], int] = {}

    def known_review(self, digest: str) -> int | None:
        row = self.conn.execute("SELECT id FROM review WHERE sha256 = ?", (digest,)).fetchone()
        return row[0] if row else None

    def store(self, analysis: Analysis, source: str, digest: str | None = None) -> Stored:
        """Insert one review inside the caller's transaction."""
        digest = digest or sha256(analysis.text)
        existing = self.known_review(digest)
        if existing is not None:
            return Stored(existing, False, 0, 0)
        conn = self.conn
        self._review_characters = {}
        if len(self._persons) + len(self._films) > CACHE_LIMIT:
            self.forget()  # a lookup by index costs microseconds; a cache without bound costs memory
        years = {e.name: e.year for e in analysis.entities if e.kind == "film"}
        subject = self.film_id(analysis.subject, years.get(analysis.subject)) if analysis.subject else None
        review_id = conn.execute(
            "INSERT INTO review (source, sha256, body, ingested_at, film_id, sentence_count, mention_count)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (source, digest, analysis.text, _now(), subject, len(analysis.sentences), len(analysis.mentions)),
        ).lastrowid
        first = _next_id(conn, "sentence")
        texts = [analysis.text[s.start : s.end] for s in analysis.sentences]
        conn.executemany(
            "INSERT INTO sentence (id, review_id, position, start_char, end_char, text) VALUES (?, ?, ?, ?, ?, ?)",
            [(first + i, review_id, i, s.start, s.end, texts[i]) for i, s in enumerate(analysis.sentences)],
        )
        # The full-text index is filled here, not by a trigger: one executemany costs
        # a third of a trigger firing per row (migration 0003).
        conn.executemany("INSERT INTO sentence_fts (rowid, text) VALUES (?, ?)",
                         [(first + i, text) for i, text in enumerate(texts)])
        owner = {e.name: self.film_id(e.film, years.get(e.film)) for e in analysis.entities
                 if e.kind == "character" and e.film}  # else the character belongs to the review's film
        rows = []
        for m in analysis.mentions:
            if m.kind == "film":
                person, film = None, self.film_id(m.name, years.get(m.name))
            else:
                person, film = self.person_id(m.name, m.kind, owner.get(m.name, subject), review_id), None
            rows.append((review_id, first + m.sentence, m.start, m.end, m.surface, person, film, m.rule))
        conn.executemany(
            "INSERT INTO mention (review_id, sentence_id, start_char, end_char, surface, person_id, film_id, rule)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        for role in analysis.roles:
            conn.execute(
                "INSERT OR IGNORE INTO role (character_id, actor_id, review_id) VALUES (?, ?, ?)",
                (self.person_id(role.character, "character", owner.get(role.character, subject), review_id),
                 self.person_id(role.actor, "person", subject, review_id), review_id),
            )
        return Stored(review_id, True, len(analysis.sentences), len(rows))

    def person_id(self, name: str, kind: str, film_id: int | None, review_id: int) -> int:
        if kind == "person":
            key = (name, "real", None, None)
        elif film_id is not None:
            key = (name, "character", film_id, None)
        else:
            key = (name, "character", None, review_id)
        cache = self._persons if key[3] is None else self._review_characters
        if key in cache:
            return cache[key]
        _, db_kind, film, review = key
        row = self.conn.execute(_PERSON_LOOKUP[db_kind if db_kind == "real" else "film" if film else "review"],
                                (name, film or review) if db_kind != "real" else (name,)).fetchone()
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
    "real": "SELECT id FROM person WHERE kind = 'real' AND name = ?",
    "film": "SELECT id FROM person WHERE kind = 'character' AND film_id IS NOT NULL AND name = ? AND film_id = ?",
    "review": "SELECT id FROM person WHERE kind = 'character' AND review_id IS NOT NULL AND name = ? AND review_id = ?",
}


def _next_id(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT ifnull(max(id), 0) + 1 FROM {table}").fetchone()[0]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
