"""The review's own title in its heading line: `Die Blechtrommel` alone on the first
line. A heading is the first segment when it is a line of its own with no sentence end;
the part before a separator (`Titel :: Darsteller`) is the title when something says
so: the body names that film too (in any case: `BLAU` for `Drei Farben: Blau`), it is
written in capitals, it reads as English (`The`, `of`, `your`…: German headlines are
German), persons follow the separator (a credit heading), a rubric names it
(`Serienkritik: Titel, Staffel 1`) or a credit block follows it (`Titel⏎⏎Regie: …`).
A heading that is only a rubric (`DOKUMENTARFILM`, `Filmkritik`) names no film."""

from __future__ import annotations

import re

from archive.text.lexicon import CREDIT_LABELS, words
from archive.text.view import Candidate, SentenceView
from archive.text.tokens import plain
from archive.text.words import is_work_noun

# English words that are no German words: a heading holding one is an English title.
_ENGLISH = frozenset("the of a by your my me you upon is it to on with for from at our his their".split())
_SEPARATORS = re.compile(r"\s+(?:::|\||–|—)\s+")
_SENTENCE_END = re.compile(r"[.!?…:;,]$")
# `Serienkritik: `, `Filmtipp: `, `Doku: ` before the title: a rubric, not part of it
_RUBRIC_TAILS = tuple(words("rubric_tails"))
_RUBRIC = re.compile(r"^([\w-]+(?: [\w-]+)?):\s+(?=\S)")
# `, Staffel 1`, `(Season 2)`, `– Folge 3` after a series' title: which part, not the title
_PART = re.compile(r"\s*(?:[,–—-]\s*|\()(?:Staffel|Season|Folge|Episode|Teil)\s+\d+\)?$")
_CREDIT_NEXT = re.compile(r"\n+([\w/-]+):")


def _is_rubric(label: str) -> bool:
    """`Serienkritik`, `Filmtipp`, `DOKUMENTARFILM`, `Film`: a word of the page's layout."""
    word = label.strip().split()[-1].capitalize() if label.strip() else ""
    return bool(word) and (word.lower().endswith(_RUBRIC_TAILS) or is_work_noun(word))


def heading_title(view: SentenceView, found: list[Candidate], body_films: set[str]) -> tuple[Candidate, str] | None:
    """The title in the review's first segment, with its name, or None."""
    text, sentence = view.text, view.sentence
    line = text[sentence.start : sentence.end]
    if view.index != 0 or "\n" in line or _SENTENCE_END.search(line) or not text[sentence.end : sentence.end + 1] == "\n":
        return None
    rubric = _RUBRIC.match(line)
    if rubric and rubric.group(1) in CREDIT_LABELS:
        return None  # `Produktion: X`: the first line of a credit block, no heading
    if rubric and not _is_rubric(rubric.group(1)):
        rubric = None
    body = line[rubric.end() :] if rubric else line
    parts = _SEPARATORS.split(_PART.sub("", body), maxsplit=1)
    title = parts[0].strip()
    start = sentence.start + line.index(title, rubric.end() if rubric else 0)
    end = start + len(title)
    if not title[:1].isupper() or len(title.split()) > 10 or _is_rubric(title) and len(title.split()) == 1:
        return None
    inside = [c for c in found if c.start < end and c.end > start and c.cue != "unknown"]
    if any(c.kind != "film" for c in inside) or any((c.start, c.end) == (start, end) for c in inside):
        return None  # `Die Lippen des Jean-Paul Belmondo`: a person's heading; or found already
    after = [c for c in found if c.start >= end]
    folded = title.casefold()
    same = sorted((f for f in body_films if f.casefold() == folded or f.casefold().endswith(" " + folded)), key=len)
    english = any(w.casefold() in _ENGLISH for w in re.findall(r"\w+", title))
    capitals = title.isupper() and sum(ch.isalpha() for ch in title) >= 3
    credit = len(parts) > 1 and bool(after) and all(c.kind == "person" for c in after)
    credit = credit or _credit_block_after(text, sentence.end)
    if not (same or english or capitals or credit or rubric):
        return None
    name = same[-1] if same else plain(title)
    return Candidate(start, end, "film", "heading", rule="film.heading"), name


def _credit_block_after(text: str, end: int) -> bool:
    """The heading's next line opens a credit block: `Regie: …`, `Drehbuch: …`."""
    label = _CREDIT_NEXT.match(text, end)
    return bool(label) and label.group(1) in CREDIT_LABELS
