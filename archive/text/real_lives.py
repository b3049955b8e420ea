"""A biopic's figures are real: GUIDELINES.md types a real person portrayed in a film as
a person, though brackets, a cast list or a play verb introduce them as a role
(`Barbara Sukowa (Hannah Arendt)`). No rule can know from one sentence that Hannah
Arendt lived; the review can say so by calling its film a biopic. It says what kind of
film it reviews early, so a biopic noun in its first third (or first 1,200
characters) counts, and a biopic named in passing later (another film) does not.
Then the figures it names in full are persons; a figure named by one name alone (an
invented friend, a nickname) stays a character."""

from __future__ import annotations

from archive.text.lexicon import words

BIOPIC_NOUNS = words("biopic_nouns")

# Searched as plain lower-case text, so also as a compound's tail (`Musikerbiopic`): a
# word at a time cost a tenth of the analysis.
_LOWER = tuple(sorted({n.lower() for n in BIOPIC_NOUNS}))


def tells_a_real_life(text: str) -> bool:
    """The review calls the film it reviews a biopic (`das Biopic`, `ein Musikerbiopic`)."""
    head = text[: max(1200, len(text) // 3)].lower()
    return any(noun in head for noun in _LOWER)


def real_figures(text: str, characters: set[str], persons: set[str]) -> set[str]:
    """The characters of a biopic review that are real persons: those named in full,
    and a surname alone whose full name the review gives (`Arendt (Barbara Sukowa)`)."""
    if not tells_a_real_life(text):
        return set()
    full = {name for name in characters if " " in name}
    surnames = {name.rsplit(" ", 1)[1] for name in full | persons if " " in name}
    return full | {name for name in characters if " " not in name and name in surnames}
