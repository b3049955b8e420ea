"""Cast lists: `Darsteller: Peter Lorre (Hans Beckert), …`, `Mit X (Y), Z (W)`, the
TV-guide shorthand `D: X (Y)`, and a list with its label on a line of its own, one
entry a line (`Darsteller:⏎Peter Lorre (Hans Beckert)⏎…`). Each entry gives an actor
and the part, as a pair."""

from __future__ import annotations

import re

from archive.text.lexicon import ADDRESS_TITLES, words
from archive.text.rules.registry import rule
from archive.text.view import Candidate, SentenceView, after_title, backward_name_run, paired
from archive.text.words import everyday_person, is_cast_label, is_name_word, is_person_noun

CAST_NOTES = words("cast_notes")


@rule("character.cast-list", priority=86, triggers=(":", "Mit", "("), examples={
    "Darsteller: Tom Ellery (Jonas Haase), Ute Klasen (Frau Brenning)": {
        "Tom Ellery": "person", "Jonas Haase": "character", "Brenning": "character"},
    "Mit Tom Ellery (Jonas Haase), Ute Klasen (Mira), Lena Kurz.": {
        "Tom Ellery": "person", "Jonas Haase": "character", "Mira": "character"},
    "Mit: Pit (Tom Ellery), Kara Vogt / Nachtfalke (Ute Klasen), Jonas Haase (Lena Kurz)": {
        "Pit": "character", "Tom Ellery": "person", "Kara Vogt": "character", "Nachtfalke": "character",
        "Ute Klasen": "person"},
    "Ein Fazit.\n\nDarsteller:\nTom Ellery (Jonas Haase)\nUte Klasen (Mira Brenning)": {
        "Tom Ellery": "person", "Jonas Haase": "character", "Ute Klasen": "person", "Mira Brenning": "character"},
    "Krimi, D 2023. D: Tom Ellery (Jonas Haase), Ute Klasen (Mira Brenning).": {
        "Tom Ellery": "person", "Jonas Haase": "character", "Ute Klasen": "person"},
})
def characters_in_cast_list(view: SentenceView) -> list[Candidate]:
    """`Darsteller: Peter Lorre (Hans Beckert), …`: after a cast label the actor comes
    first and the character in brackets, a form of address or a rank left out (`(Frau
    Beckmann)`, `(Prof. Karl Haase)`); a credit line that opens `Mit` with no colon is one
    when it lists two such entries or more (`Mit Peter Lorre (Hans Beckert), Ellen Widmann
    (Frau Beckmann), …`)."""
    out, toks = [], view.tokens
    label = next((m for m in range(len(toks) - 1) if is_cast_label(toks[m].text) and toks[m + 1].text == ":"), None)
    bare = label is None and len(toks) > 4 and toks[0].text == "Mit"  # `Mit X (Y), Z (W), …`
    if label is None and not bare:
        if not under_cast_label(view.text, view.sentence.start):
            return out
        label = -3  # the entries start the sentence
    entries, votes = [], 0
    for k in range(2 if bare else label + 3, len(toks) - 2):
        if toks[k].text != "(":
            continue
        actor = _entry_start(view, k)
        first = after_title(view, k + 1)
        inner_end = view.name_run(first)
        if inner_end == first + 1 and (everyday_person(toks[first].text) or is_person_noun(toks[first].text)
                                       or toks[first].text in CAST_NOTES):
            continue  # `Sprecher: X (Erzählerin)`, `X (Stimme)`: a noun for a person, a note, is no name
        if actor < k and inner_end > first and view.word(inner_end) in (")", ","):
            entries.append((actor, k, first, inner_end))
            votes += _full_name(view, actor, k) - _full_name(view, first, inner_end, first > k + 1)
    if bare and (len(entries) < 2 or not all(view.word(end + 1) in (",", "und", ".", "") for _, _, _, end in entries)):
        return out  # `Mit Thiel (Axel Prahl) im Wald …`: prose, the bracket rule's
    actor_first = votes >= 0  # else `Mit: Alfred (Andy Serkis), Bruce Wayne / Batman (Robert Pattinson)`
    for outside, k, first, inner_end in entries:
        named = Candidate(*view.span(outside, k), "person" if actor_first else "character", "cast-list")
        bracketed = Candidate(*view.span(first, inner_end), "character" if actor_first else "person", "cast-list")
        out += paired(bracketed, named) if actor_first else paired(named, bracketed)
        if not actor_first and view.word(outside - 1) == "/":  # `Bruce Wayne / Batman (…)`: both names the part's
            before = backward_name_run(view, outside - 1)
            if before < outside - 1:
                also = Candidate(*view.span(before, outside - 1), "character", "cast-list")
                also.pair = (bracketed.start, bracketed.end)
                out.append(also)
    return out


def _entry_start(view: SentenceView, k: int) -> int:
    """Where the name before the bracket at k starts; an entry opens the list or follows
    a comma, so a first word that reads as a genitive is a given name here (`Jördis
    Triebel (…)`), not an owner as in prose (`Refns Irene (…)`)."""
    i = backward_name_run(view, k)
    if 0 < i < k and is_name_word(view.tokens[i - 1]) and (view.word(i - 2) in ("", ",", ":", ";", "und", "-", "–", "•", "*") or is_cast_label(view.word(i - 2))):
        return i - 1
    return i


_ENTRY_LINE = re.compile(r"[ \t]*(?:[-–•*][ \t]+)?[^\n()]+\([^\n()]+\)[ \t,;.]*")


def under_cast_label(text: str, start: int) -> bool:
    """The sentence opens a line, and the lines above it, walking back over entries
    (`Peter Lorre (Hans Beckert)`, bullets allowed), reach a cast label alone on its
    line (`Darsteller:`, `Besetzung`)."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() not in ("", "-", "–", "•", "*"):
        return False
    while line_start:
        above = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above : line_start - 1]
        if is_cast_label(line.strip().rstrip(":").rstrip()):
            return True
        if not _ENTRY_LINE.fullmatch(line):
            return False
        line_start = above
    return False


def _full_name(view: SentenceView, start: int, end: int, addressed: bool = False) -> int:
    """1 where tokens start..end read as an actor's name: two name words or more, with no
    form of address before them and no `/` joining them to another name (`Bruce Wayne /
    Batman`, `Lt. James Gordon`, `Alfred` read as a character's). A cast list is taken
    actor first unless its entries say, on balance, the other way round."""
    words = sum(1 for t in view.tokens[start:end] if t.text[:1].isupper())
    joined = view.word(start - 1) == "/" or view.word(end) == "/"
    return int(words >= 2 and not joined and not addressed and view.word(start - 1) not in ADDRESS_TITLES)
