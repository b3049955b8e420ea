"""Films listed under a heading that says they are films: `WEITERE FILME⏎A · B · C`,
`Ähnliche Filme: A, B, C`, the tips at the foot of a blog's review. Each item of the list
is a title, whatever words it holds."""

from __future__ import annotations

import functools
import re

from archive.text.lexicon import words
from archive.text.rules.registry import rule
from archive.text.view import Candidate, SentenceView

FILM_LIST_HEADS = words("film_list_heads")
_WORD = re.compile(r"[^\W\d_][\w-]*")
_ITEM = re.compile(r"[^·|•;,\n]+")
_YEAR_AFTER = re.compile(r"\s*\(?(?:1[89]\d\d|20[0-2]\d)\)?$")  # `Blade Runner 2049` keeps its number
_BULLET = re.compile(r"[ \t]*[-–•*][ \t]+")
_REMARK_AFTER = re.compile(r"\s*\((?=[^()]*[a-zäöüß]{2})[^()\d]*\)$")  # `X (nicht verwechseln!)`: a remark on it


def films_heading(line: str) -> bool:
    """A line of at most four words (before a comma: `WEITERE FILME, DIE DIR GEFALLEN
    KÖNNTEN`, eight in all), with no sentence end, that names films in the plural."""
    found = _WORD.findall(line.partition(",")[0])
    return 0 < len(found) <= 4 and len(_WORD.findall(line)) <= 8 and not line.rstrip().endswith((".", "!", "?", ",")) \
        and any(w[:1].upper() + w[1:].lower() in FILM_LIST_HEADS for w in found)


@rule("film.listed-under-heading", priority=84, examples={
    "Ein Fazit.\n\nWEITERE FILME\nDer Nachtzug · Stille Wasser · Ein Tag im Mai": {
        "Der Nachtzug": "film", "Stille Wasser": "film", "Ein Tag im Mai": "film"},
    "Ein Fazit.\n\nÄhnliche Filme: Kaltes Licht, Die Brücke am Fluss (1995)": {
        "Kaltes Licht": "film", "Die Brücke am Fluss": "film"},
    "Ein Fazit.\n\nWEITERE FILME\nDer Nachtzug (nicht verwechseln!) · Stille Wasser": {"Der Nachtzug": "film"},
    "Ein Fazit.\n\nFILME, DIE DIR GEFALLEN KÖNNTEN\n- Der Nachtzug (1995)\n- Stille Wasser": {
        "Der Nachtzug": "film", "Stille Wasser": "film"},
})
def films_listed_under_heading(view: SentenceView) -> list[Candidate]:
    """The items of the line right after a films heading, or after its colon; an item
    starts with a capital or a digit, and a year or a remark in brackets after it
    (`Mr. Nobody (nicht verwechseln!)`) is not part of it."""
    text, start, end = view.text, view.sentence.start, view.sentence.end
    line_start = text.rfind("\n", 0, start) + 1
    head, colon, _ = text[line_start:end].partition(":")
    if colon and "\n" not in head and films_heading(head):
        return _items(text, line_start + len(head) + 1, end)
    if text[line_start:start].strip() and not _BULLET.fullmatch(text, line_start, start):
        return []  # the sentence starts inside a line
    before = text[: max(line_start - 1, 0)]  # up to the line break that ends the line before
    if _BULLET.match(text, line_start):  # `WEITERE FILME⏎- A⏎- B`: a bulleted list, one item a line
        while _BULLET.match(before, before.rfind("\n") + 1):
            before = before[: max(before.rfind("\n"), 0)]
    return _items(text, start, end) if line_start and films_heading(before[before.rfind("\n") + 1 :]) else []


def _items(text: str, start: int, end: int) -> list[Candidate]:
    out = []
    for m in _ITEM.finditer(text, start, end):
        item = m.group().rstrip(" .\t")
        year = _YEAR_AFTER.search(item)
        item = item[: year.start()] if year else item
        remark = _REMARK_AFTER.search(item)
        item = item[: remark.start()] if remark and remark.start() else item
        bullet = _BULLET.match(item) if m.start() == start or text[m.start() - 1] == "\n" else None
        item = item[bullet.end() :] if bullet else item
        lead = len(item) - len(item.lstrip()) + (bullet.end() if bullet else 0)
        item = item.strip()
        if item and (item[0].isupper() or item[0].isdigit()) and len(item.split()) <= 10:
            out.append(Candidate(m.start() + lead, m.start() + lead + len(item), "film", "cited"))
    return out


# `5. Dune: Prophecy (Sky/WOW)`, `2. Silo, Staffel 2 (Apple TV+)`: a ranking's item on a line of its own
_RANKED = re.compile(r"^[ \t]*\d{1,2}\.[ \t]+(?P<title>[A-ZÄÖÜ0-9][^\n()]*?)(?:,[ \t]*(?:Staffel|Season|Teil)[ \t]+\d+)?"
                     r"(?:[ \t]*\([^()\n]*\))?[ \t]*$", re.M)


@functools.lru_cache(maxsize=8)
def _ranked_lines(text: str) -> int:
    return sum(1 for m in _RANKED.finditer(text) if not m.group("title").rstrip().endswith((".", "!", "?", ":")))


@rule("film.ranked-item", priority=84, triggers=(".",), examples={
    "Die besten Serien.\n\n2. Harbour Lights, Staffel 2 (Apple TV+)\n\nKlug.\n\n1. Nordwind (Netflix)\n\nStark.": {
        "Harbour Lights": "film", "Nordwind": "film"},
})
def films_ranked(view: SentenceView) -> list[Candidate]:
    """A ranking (`Die fünf besten Serien`) heads each item with its number and title on a
    line of its own, the season and the platform after it; two such lines make a ranking."""
    text, start, end = view.text, view.sentence.start, view.sentence.end
    if start and text[start - 1] != "\n" or text[end : end + 1] not in ("", "\n"):
        return []
    m = _RANKED.match(text, start, end)
    title = m.group("title").rstrip() if m else ""
    if not title or len(title.split()) > 8 or title.endswith((".", "!", "?", ":")) or _ranked_lines(text) < 2:
        return []
    return [Candidate(m.start("title"), m.start("title") + len(title), "film", "cited")]
