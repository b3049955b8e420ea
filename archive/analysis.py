"""A review's text and metadata to an Analysis: the one step `ingest` and `reanalyse`
share. The analysis itself (archive.text) is pure and knows nothing of metadata or the
database; what they add reaches it as plain data, names it should know."""

from __future__ import annotations

from archive.meta import Meta
from archive.names import fold
from archive.text import Analysis, Entity, Known, Role, analyse


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
    by_film = {meta.films[0][0]: characters} if characters and films else {}
    return known.plus(persons, films, by_film, review_persons=persons, review_characters=characters,
                      review_films=films)


def analyse_review(body: str, meta: Meta, known: Known | None = None) -> Analysis:
    """The analysis of `body`, with the metadata's films reviewed as the review's film and
    its cast as roles."""
    analysis = analyse(body, known_for(known, meta))
    if meta.films:
        analysis.subject = meta.films[0][0]
    given = [Role(character, actor) for actor, character in meta.cast if character]
    if given:
        analysis.roles = sorted(set(analysis.roles) | set(given), key=lambda r: (r.character, r.actor))
    if meta.films:
        films_reviewed_win(analysis, meta)
    return analysis


def films_reviewed_win(analysis: Analysis, meta: Meta) -> None:
    """A mention named exactly as a film reviewed (folded) is that film, whatever a rule
    took it for: `Maren Ade hat mit Toni Erdmann …` in a review of Toni Erdmann names
    the film, not a person. A character someone plays (`Toni Erdmann (Peter Simonischek)`,
    or the cast in the metadata) stays the character: that is the text's own word."""
    titles = {fold(title): title for title, _ in meta.films}
    played = {("character", r.character) for r in analysis.roles}
    taken = {(m.kind, m.name): titles.get(fold(m.name)) or titles[fold(m.surface)] for m in analysis.mentions
             if m.kind != "film" and (m.kind, m.name) not in played
             and (fold(m.name) in titles or fold(m.surface) in titles)}
    if not taken:
        return
    for i, m in enumerate(analysis.mentions):
        if (m.kind, m.name) in taken:
            analysis.mentions[i] = m._replace(kind="film", name=taken[m.kind, m.name], rule="film.reviewed")
    left = {(m.kind, m.name) for m in analysis.mentions}
    have = {e.name for e in analysis.entities if e.kind == "film"}
    analysis.entities = [e for e in analysis.entities if e.kind == "film" or (e.kind, e.name) in left] + \
        [Entity("film", title) for title in dict.fromkeys(m.name for m in analysis.mentions if m.kind == "film")
         if title not in have]
    gone = {name for kind, name in taken if (kind, name) not in left}
    analysis.roles = [r for r in analysis.roles if r.character not in gone and r.actor not in gone]
