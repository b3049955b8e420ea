"""TV series by their parts: a season or an episode names the series whose part it is
(`die zweite Staffel von Dark`, `in der letzten Folge von The Crown`), where after a
film's noun `von` names its maker (`ein Film von Refn`, in persons.py)."""

from __future__ import annotations

from archive.text.german import is_place
from archive.text.lexicon import words
from archive.text.rules.registry import rule
from archive.text.title_runs import title_run
from archive.text.view import Candidate, SentenceView, year_after
from archive.text.words import is_given, is_plain_noun

SERIES_PARTS = words("series_parts")
_COMMON = frozenset(("Folge", "Folgen", "Episode", "Episoden", "Finale"))  # a consequence, an interlude, an end


def names_a_series(view: SentenceView, i: int) -> bool:
    """Token i is `von` after a season or an episode, and no full name of a person follows
    (`eine Episode von Jim Jarmusch`: an anthology's episode and its director)."""
    return (view.word(i) == "von" and view.word(i - 1) in SERIES_PARTS
            and not (is_given(view.word(i + 1)) and view.name_run(i + 1) - (i + 1) >= 2))


@rule("film.series-part", priority=82, triggers=SERIES_PARTS, also=(("von",),), examples={
    "Die zweite Staffel von Nachtwache ist düsterer.": {"Nachtwache": "film"},
    "In der letzten Folge von The Night Shift stirbt niemand.": {"The Night Shift": "film"},
})
def series_by_its_part(view: SentenceView) -> list[Candidate]:
    """`die Staffel von X`: X is the series, unless it is a place, or a plain noun after
    a part that is a common word too (`eine Folge von Fehlern`, `die Episode von Berlin`)."""
    out, toks = [], view.tokens
    for i in range(1, len(toks) - 1):
        if not names_a_series(view, i):
            continue
        k = i + 1
        if not (toks[k].is_word and toks[k].is_cap):
            continue
        j = title_run(view, k)
        if j == k + 1 and (is_place(toks[k].text) or is_plain_noun(toks[k].text) and toks[i - 1].text in _COMMON):
            continue
        out.append(Candidate(*view.span(k, j), "film", "role-cue", year_after(view, j)))  # as strong as `Regisseur X`
    return out
