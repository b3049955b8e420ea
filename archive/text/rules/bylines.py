"""Bylines: `Von Anna Berg`, `Kritik von Anna Berg`, `Genre | Von Anna Berg | 14.11.2025` on a
line of their own name the critic, a person (archive.text.headings.byline_spans: the
layout, and words that read as a name's)."""

from __future__ import annotations

from archive.text.headings import byline_spans
from archive.text.rules.registry import rule
from archive.text.view import Candidate, SentenceView


@rule("person.byline", priority=88, triggers=("Von", "von", "Text", "Autor", "Autorin"), examples={
    "Der Titel\nKritik von Ilse Obradović\n\nEin Film.": {"Ilse Obradović": "person"},
    "Thriller | Von Tom de Vries | 14.11.2025\n\nEin Film.": {"Tom de Vries": "person"},
})
def persons_in_byline(view: SentenceView) -> list[Candidate]:
    """A segment that is a whole line and a byline gives its names as persons."""
    text, start, end = view.text, view.sentence.start, view.sentence.end
    if start > 0 and text[start - 1] != "\n" or text[end : end + 1] not in ("\n", ""):
        return []
    return [Candidate(start + a, start + b, "person", "byline") for a, b in byline_spans(text[start:end])]
