"""What the analysis and the writer read of the keeper's decisions (the `curation`
table): which entity a name leads to, which mentions are dropped, and which names the
analysis should know because a decision speaks of them. The decisions themselves are
made in archive.curation."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

TYPES = ("person", "character", "film")

Target = tuple[str, int, str]  # (table: person or film, id, type: person, character or film)


@dataclass
class Decisions:
    """Every decision, as the writer applies them to an analysis."""

    # (type or None, name) -> (target, the character's film, the character's review)
    by_name: dict[tuple[str | None, str], tuple[Target, int | None, int | None]] = field(default_factory=dict)
    dropped: dict[int, set[tuple[int, int, str]]] = field(default_factory=dict)  # review -> (start, end, surface)

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> "Decisions":
        decisions = cls()
        try:
            rows = conn.execute(
                "SELECT c.action, c.type, c.name, c.person_id, c.film_id, p.kind, p.film_id, p.review_id, c.review_id,"
                " c.start_char, c.end_char, c.surface FROM curation c LEFT JOIN person p ON p.id = c.person_id"
                " ORDER BY c.id"
            ).fetchall()
        except sqlite3.OperationalError:  # a database below 0006 while it is being upgraded
            return decisions
        for action, type_, name, person_id, film_id, kind, of_film, of_review, review_id, start, end, surface in rows:
            if action == "drop-mention":
                decisions.dropped.setdefault(review_id, set()).add((start, end, surface))
            elif person_id is not None:
                character = kind == "character"
                decisions.by_name[(type_, name)] = (("person", person_id, kind), of_film if character else None,
                                                    of_review if character else None)
            else:
                decisions.by_name[(type_, name)] = (("film", film_id, "film"), None, None)
        return decisions

    def target(self, type_: str, name: str, film_id: int | None = None, review_id: int | None = None) -> Target | None:
        """The entity a decision says `name` (analysed as `type_`) is, or None. A decision
        that leads to a character holds where that character can be: in its film's
        reviews (the film the name would belong to), or in its own review."""
        found = self.by_name.get((type_, name)) or self.by_name.get((None, name))
        if found is None:
            return None
        target, of_film, of_review = found
        if (of_film is not None and film_id != of_film) or (of_review is not None and review_id != of_review):
            return None
        return target

    def names(self) -> dict[str, set[str]]:
        """The names decisions speak of, by the type of the entity they lead to: known
        names for the analysis, so an alias is found in every review."""
        out: dict[str, set[str]] = {t: set() for t in TYPES}
        for (_, name), ((_, _, kind), _, _) in self.by_name.items():
            out[kind].add(name)
        return out


def known(conn: sqlite3.Connection):
    """What the analysis should know: the archive's names (Known.from_database) and every
    name a decision speaks of, a single word too (`Refn`, merged into Nicolas Winding Refn)."""
    from archive.text.lexicon import Known

    base = Known.from_database(conn)
    names = Decisions.load(conn).names()
    characters = dict(base.characters)
    if names["character"]:
        for title, name in conn.execute(
                "SELECT f.title, c.name FROM curation c JOIN person p ON p.id = c.person_id"
                " JOIN film f ON f.id = p.film_id WHERE p.kind = 'character'"):
            characters[title] = characters.get(title, frozenset()) | {name}
    return Known(base.persons | names["person"], base.films | names["film"], characters,
                 decided=frozenset().union(*names.values()))
