"""The review's own title in its heading line: `Die Blechtrommel` alone on the first
line. A heading is the first segment when it is a line of its own with no sentence end;
the part before a separator (`Titel :: Darsteller`) is the title when something says
so: the body names that film too (in any case: `BLAU` for `Drei Farben: Blau`), it is
written in capitals, it reads as English (`The`, `of`, `your`…: German headlines are
German), or persons follow the separator (a credit heading)."""

from __future__ import annotations

import re

from archive.text.view import Candidate, SentenceView
from archive.text.tokens import plain

# English words that are no German words: a heading holding one is an English title.
_ENGLISH = frozenset("the of a by your my me you upon is it to on with for from at our his their".split())
_SEPARATORS = re.compile(r"\s+(?:::|\||–|—)\s+")
_SENTENCE_END = re.compile(r"[.!?…:;,]$")


def heading_title(view: SentenceView, found: list[Candidate], body_films: set[str]) -> tuple[Candidate, str] | None:
    """The title in the review's first segment, with its name, or None."""
    text, sentence = view.text, view.sentence
    line = text[sentence.start : sentence.end]
    if view.index != 0 or "\n" in line or _SENTENCE_END.search(line) or not text[sentence.end : sentence.end + 1] == "\n":
        return None
    parts = _SEPARATORS.split(line, maxsplit=1)
    title = parts[0].strip()
    start = sentence.start + line.index(title)
    end = start + len(title)
    if not title[:1].isupper() or len(title.split()) > 10:
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
    if not (same or english or capitals or credit):
        return None
    name = same[-1] if same else plain(title)
    return Candidate(start, end, "film", "heading", rule="film.heading"), name
