"""A review's text and metadata to an Analysis: the one step `ingest` and `reanalyse`
share. The analysis itself (archive.text) is pure and knows nothing of metadata or the
database; what they add reaches it as plain data, names it should know."""

from __future__ import annotations

from archive.meta import Meta
from archive.text import Analysis, Known, Role, analyse


def known_for(known: Known | None, meta: Meta) -> Known:
    """What the archive knows, plus what this review's metadata says: the films reviewed,
    the director and the cast are names of this review (found wherever written, a
    surname alone too), the cast's characters characters of its film."""
    known = known or Known()
    films = frozenset(title for title, _ in meta.films)
    persons = frozenset(meta.directors) | {actor for actor, _ in meta.cast}
    characters = frozenset(character for _, character in meta.cast if character)
    if not (films or persons or characters):
        return known
    by_film = dict(known.characters)
    if characters and films:
        first = meta.films[0][0]
        by_film[first] = by_film.get(first, frozenset()) | characters
    return Known(known.persons | persons, known.films | films, by_film, persons, characters, films)


def analyse_review(body: str, meta: Meta, known: Known | None = None) -> Analysis:
    """The analysis of `body`, with the metadata's films reviewed as the review's film and
    its cast as roles."""
    analysis = analyse(body, known_for(known, meta))
    if meta.films:
        analysis.subject = meta.films[0][0]
    given = [Role(character, actor) for actor, character in meta.cast if character]
    if given:
        analysis.roles = sorted(set(analysis.roles) | set(given), key=lambda r: (r.character, r.actor))
    return analysis
