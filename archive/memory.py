"""What an ingest knows as it goes: the archive's names when it began, and the names each
review adds as it is stored, so that every review is analysed knowing every name stored
before it. The result is the one of ingesting the files one call each, in the same
order, whatever --jobs, the chunks or the workers' timing.

Workers analyse ahead, with the names stored when their chunk was sent (`Memory.position`:
entries of an append-only log file they read up to there). Before a review is stored,
`Memory.settle` asks whether the names stored since could change its analysis: a name it
looked for in the archive and did not find, a surname it looked up, a character of a film
it names, a full name or title its sentences write out (`could_change`). When one could,
the review is analysed again, in the main process, knowing them all; most reviews name
nothing that new. Rows only ever go in, but a replaced review may leave entities
unused, which are removed: then the names are read afresh and the removals logged too."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import tempfile
from bisect import insort
from collections.abc import Iterable

from archive.text.lexicon import Known, NamesFrom

# One change to the names: ("+" or "-", "person" | "film" | "character", name, the character's film)
Entry = tuple[str, str, str, str | None]

_RUNS = re.compile(r"\w+")


class Names:
    """The archive's names, grown in place entry by entry, with the indexes the analysis
    asks (Known.by_first_word, last_words, by_surname) kept up to date: `known` is a live
    view of them, so a name added costs microseconds however many the archive holds
    (a Known made anew for each review cost a millisecond and more at 20,000 names).
    The view changes only between analyses, when a review is stored."""

    def __init__(self, known: Known):
        self.persons, self.films = set(known.persons), set(known.films)
        self.characters = {title: set(names) for title, names in known.characters.items()}
        self.by_first_word = {first: entry.copy() for first, entry in known.by_first_word.items()}
        self.last_words: dict[str, int] = {}  # last word -> how many names end with it
        for name in self.persons | self.films:
            if " " in name:
                self._count(name.rsplit(" ", 1)[1], 1)
        self.by_surname = {surname: list(names) for surname, names in known.by_surname.items()}
        self.known = Known(self.persons, self.films, self.characters, known.review_persons,  # type: ignore[arg-type]
                           known.review_characters, known.review_films, known.decided)
        self.character_words: dict = {}  # title -> CharacterWords, made when the analysis first asks
        self.known.__dict__.update(by_first_word=self.by_first_word, last_words=self.last_words,
                                   by_surname=self.by_surname, character_words=self.character_words)

    def _count(self, word: str, step: int) -> None:
        left = self.last_words.get(word, 0) + step
        if left > 0:
            self.last_words[word] = left
        else:
            self.last_words.pop(word, None)

    def apply(self, entries: Iterable[Entry]) -> None:
        for op, kind, name, title in entries:
            if kind == "character":
                names = self.characters.setdefault(title, set())
                words = self.character_words.get(title)
                if op == "+":
                    names.add(name)
                    if words is not None:
                        words.add(name)
                else:
                    names.discard(name)
                    if words is not None:
                        words.discard(name)
                continue
            names = self.persons if kind == "person" else self.films
            if (name in names) == (op == "+"):
                continue
            first = self.by_first_word.setdefault(name.split(" ")[0], NamesFrom())
            if op == "+":
                names.add(name)
                first.add(name, kind)
            else:
                names.discard(name)
                first.remove(name, kind)
            if " " in name:
                self._count(name.rsplit(" ", 1)[1], 1 if op == "+" else -1)
                if kind == "person":
                    same = self.by_surname.setdefault(name.rsplit(" ", 1)[1], [])
                    insort(same, name) if op == "+" else same.remove(name)


def could_change(analysis, entries: list[Entry]) -> bool:
    """Whether knowing the names added in `entries` could change `analysis` (made without
    them): conservative, never a wrong no. The analysis depends on the archive's names
    only through what it asked (analysis.asked: a yes stays yes as names are added) and
    through the full names and titles it finds written out (the `known` rule), which are
    looked for in its text here."""
    asked = analysis.asked
    persons = {name for _, kind, name, _ in entries if kind == "person"}
    films = {name for _, kind, name, _ in entries if kind == "film"}
    for name in persons | films:
        if name in asked.names or (" " in name and name.rsplit(" ", 1)[1] in asked.last_words):
            return True
    if any(" " in name and name.rsplit(" ", 1)[1] in asked.surnames for name in persons):
        return True
    characters = [name for _, kind, name, title in entries
                  if kind == "character" and title in asked.films and name not in asked.characters]
    if characters:
        words = set(_RUNS.findall(analysis.text.casefold()))
        for name in characters:
            if any(run in words or run + "s" in words for run in _RUNS.findall(name.casefold())):
                return True
    return bool(persons | films) and _writes_out(analysis, persons, films)


def _writes_out(analysis, persons: set[str], films: set[str]) -> bool:
    """Whether the `known` rule would find one of these names in the review: first every
    word of a name among the words of the text (cheap), then the rule itself."""
    words = set(_RUNS.findall(analysis.text))
    likely = set()
    for name in persons | films:
        runs = _RUNS.findall(name)
        if not runs or (all(run in words for run in runs[:-1]) and (runs[-1] in words or runs[-1] + "s" in words)):
            likely.add(name)
    if not likely:
        return False
    from archive.text.rules import known_entities
    from archive.text.view import SentenceView

    probe = Known(frozenset(likely & persons), frozenset(likely & films))
    # only the sentences that write the first word of one (the rule looks names up by the
    # token they begin with): tokenizing every sentence of the review cost more than the rule
    text, firsts = analysis.text, {name.split(" ")[0] for name in likely}
    return any(known_entities(SentenceView(text, i, s), probe) for i, s in enumerate(analysis.sentences)
               if any(text.find(first, s.start, s.end) >= 0 for first in firsts))


class Memory:
    """The names of the archive as an ingest stores review after review, in the main
    process: `known()` now, `position()` for the workers, `settle(prepared)` before a
    review is stored, `stored(status)` after, `commit()` and `rollback()` with the
    transaction."""

    def __init__(self, conn: sqlite3.Connection, known: Known, log: bool = False):
        self.conn = conn
        self.entries: list[Entry] = []
        self.committed = 0
        self.names = Names(known)
        self._marks = self._committed_marks = self._read_marks()
        self.reanalysed = 0
        self.path = None
        if log:
            fd, self.path = tempfile.mkstemp(prefix="archive-names-", suffix=".jsonl")
            self._log = os.fdopen(fd, "w", encoding="utf-8")

    def _read_marks(self) -> tuple[int, int, int, int]:
        """The highest person and film ids, and how many rows each table holds."""
        return self.conn.execute(
            "SELECT (SELECT ifnull(max(id), 0) FROM person), (SELECT ifnull(max(id), 0) FROM film),"
            " (SELECT count(*) FROM person), (SELECT count(*) FROM film)").fetchone()

    def position(self) -> int:
        """How many entries there are (all in the log): what a worker may know."""
        return len(self.entries)

    def known(self) -> Known:
        """Every name stored so far, in this transaction too (a live view)."""
        return self.names.known

    def settle(self, prepared) -> str | None:
        """Analyse `prepared` again, knowing every name stored so far, if they could change
        it; a refusal's reason if that analysis fails."""
        if prepared.analysis is None:
            return None
        since = self.entries[prepared.known_at:]
        if not since:
            return None
        removed = any(op == "-" for op, _, _, _ in since)  # it may have known a name no longer stored
        if not removed and not could_change(prepared.analysis, since):
            prepared.known_at = len(self.entries)
            return None
        from archive.analysis import analyse_review

        self.reanalysed += 1
        try:
            prepared.analysis = analyse_review(prepared.analysis.text, prepared.meta, self.known())
        except Exception as exc:  # as archive.sources.load says it
            return f"internal error in the analysis: {type(exc).__name__}: {' '.join(str(exc).split()) or 'no message'}"
        prepared.known_at = len(self.entries)
        return None

    def stored(self, status: str) -> None:
        """Note the names the review just stored added (and, after a replacement, removed)."""
        person_mark, film_mark, persons, films = self._marks
        rows = self.conn.execute(
            "SELECT p.id, p.name, p.kind, f.title FROM person p LEFT JOIN film f ON f.id = p.film_id"
            " WHERE p.id > ? ORDER BY p.id", (person_mark,)).fetchall()
        titles = self.conn.execute("SELECT id, title FROM film WHERE id > ? ORDER BY id", (film_mark,)).fetchall()
        known = self.known()
        new: list[Entry] = []
        for _, name, kind, title in rows:
            if kind == "person" and " " in name and name not in known.persons:
                new.append(("+", "person", name, None))
            elif kind == "character" and title is not None and name not in known.characters.get(title, ()):
                new.append(("+", "character", name, title))
        new += [("+", "film", title, None) for _, title in titles if " " in title and title not in known.films]
        self._append(list(dict.fromkeys(new)))
        marks = (rows[-1][0] if rows else person_mark, titles[-1][0] if titles else film_mark,
                 persons + len(rows), films + len(titles))
        if status in ("updated", "moved"):  # a replaced review may have left entities unused, now gone
            now = self._read_marks()
            if now[2:] != marks[2:]:
                self._reread()
            marks = now
        self._marks = marks

    def _reread(self) -> None:
        """Entities were removed: the names as the archive holds them now, the difference logged."""
        from archive.decisions import known as known_names

        fresh, known = known_names(self.conn), self.known()
        changes: list[Entry] = []
        for kind, before, after in (("person", known.persons, fresh.persons), ("film", known.films, fresh.films)):
            changes += [("-", kind, name, None) for name in sorted(before - after)]
            changes += [("+", kind, name, None) for name in sorted(after - before)]
        for title in sorted(set(known.characters) | set(fresh.characters)):
            before, after = known.characters.get(title, frozenset()), fresh.characters.get(title, frozenset())
            changes += [("-", "character", name, title) for name in sorted(before - after)]
            changes += [("+", "character", name, title) for name in sorted(after - before)]
        self._append(changes)

    def commit(self) -> None:
        """The transaction is committed: what it stored stays."""
        self._committed_marks = self._marks
        self.committed = len(self.entries)

    def rollback(self) -> None:
        """The transaction is undone, and so are the names it added: undone by entries of
        their own (the log only grows), so an analysis that knew them is made again."""
        undone = [("-" if op == "+" else "+", kind, name, title)
                  for op, kind, name, title in reversed(self.entries[self.committed:])]
        self._append(undone)
        self.committed = len(self.entries)
        self._marks = self._committed_marks

    def _append(self, entries: list[Entry]) -> None:
        """New entries, in the log at once: a worker may know them before they commit
        (a rollback undoes them by entries of its own)."""
        if not entries:
            return
        self.entries += entries
        self.names.apply(entries)
        if self.path is not None:
            self._log.write("".join(json.dumps(entry, ensure_ascii=False) + "\n" for entry in entries))
            self._log.flush()

    def close(self) -> None:
        if self.path is not None:
            self._log.close()
            try:
                os.unlink(self.path)
            except OSError:
                pass
            self.path = None


class Follower:
    """A worker's view of the log: the names at the position its chunk was sent with."""

    def __init__(self, known: Known, path: str | None):
        self.names, self.path, self.at = Names(known or Known()), path, 0
        self._file = None

    def known_at(self, position: int) -> tuple[Known, int]:
        """The names at `position` (or later, if this worker has read further): the
        Known and the position it is at."""
        if position > self.at and self.path is not None:
            if self._file is None:
                self._file = open(self.path, encoding="utf-8")
            self.names.apply(tuple(json.loads(self._file.readline())) for _ in range(position - self.at))
            self.at = position
        return self.names.known, self.at
