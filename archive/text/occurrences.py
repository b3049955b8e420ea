"""The second pass's search: every form of the names and titles the first pass found
(surface_forms), indexed by first word (occurrence_index), looked up in each sentence
(occurrences_in), longest form first."""

from __future__ import annotations

from archive.text.lexicon import FUNCTION_WORDS, NAME_PARTICLES
from archive.text.names import family_name_forms, surname_of
from archive.text.spans import Kind
from archive.text.tokens import HAS_INVISIBLE, INVISIBLE_ORDS, plain, words_of
from archive.text.view import Candidate, SentenceView
from archive.text.words import is_given, is_plain_noun


def surface_forms(persons: set[str], characters: set[str], films: set[str],
                   headline_nouns: set[str]) -> dict[str, tuple[Kind, str]]:
    """Every way the review may write a known name again, with its kind and nominative:
    full, surname (persons), first name (characters), each with a genitive -s."""
    forms: dict[str, tuple[Kind, str]] = {}
    # `„Riefenstahl“` (the film) about Leni Riefenstahl: quoted or in the heading it is the
    # film (the first pass found those); bare, it is the person, as critics write her name
    surnames = {name.rsplit(" ", 1)[1] for name in persons if " " in name}
    for title in sorted(films):
        if title not in headline_nouns and title not in surnames:  # `Liebe` as a heading's title: not every `aus Liebe`
            forms[title] = ("film", title)
    for title in sorted(films):  # `Incendies` for `Die Frau, die singt – Incendies`: a release title and the original
        for part in title.split(" – ") if title.count(" – ") == 1 else ():
            if " " in part or not (is_plain_noun(part) or part.lower() in FUNCTION_WORDS or part in surnames):
                forms.setdefault(part, ("film", title))
    genitives: dict[str, tuple[Kind, str]] = {}  # after every form as written: `Andreas` the name, not `Andrea`'s genitive
    for kind, names in (("person", persons), ("character", characters)):
        for name in sorted(names):  # in an order no set decides
            parts = name.split(" ")
            surname = surname_of(parts)
            variants = {name: name, surname: surname}  # as written -> nominative
            particle = next((i for i, part in enumerate(parts[1:-1], 1) if part.lower() in NAME_PARTICLES), None)
            if kind == "person" and particle is not None:  # `De Niro`, `von Trotta`, `Von Trotta` at a sentence's start
                surname = " ".join(parts[particle:])
                variants[surname] = variants[surname[0].upper() + surname[1:]] = surname
            if kind == "character" and len(parts) > 1 and is_given(parts[0]):
                variants[parts[0]] = parts[0]
            if kind == "person":
                variants.update((first, first) for first in family_name_forms(name))  # `Bong`, `Bongs`
            for v, nominative in variants.items():
                if len(v) < 2 or v.lower() in FUNCTION_WORDS:
                    continue
                forms.setdefault(v, (kind, nominative))
                if v[-1] not in "sxzß":
                    genitives.setdefault(v + "s", (kind, nominative))
    for v, entry in genitives.items():
        forms.setdefault(v, entry)
    return forms


Index = dict[str, tuple[list[int], dict[tuple[str, ...], tuple[Kind, str]]]]


def occurrence_index(forms: dict[str, tuple[Kind, str]]) -> Index:
    """Every form as its words, by first word: the lengths of the forms that start with
    it (longest first, so `Taxi Driver` wins over `Driver`) and the forms themselves, so
    a token costs a few dictionary lookups however many names share its first word.
    Token matching, not a regular expression: compiling one per review cost a quarter
    of the analysis."""
    index: Index = {}
    for form, (kind, name) in forms.items():
        form_words = words_of(form)
        if form_words:
            lengths, by_words = index.setdefault(form_words[0], ([], {}))
            by_words.setdefault(form_words, (kind, name))
            if len(form_words) not in lengths:
                lengths.append(len(form_words))
    for lengths, _ in index.values():
        lengths.sort(reverse=True)
    return index


def occurrences_in(view: SentenceView, index: Index) -> list[tuple[Candidate, str]]:
    """Whole-word occurrences of the forms; the name part of a compound counts (`Nolan-Film`)."""
    out, toks = [], view.tokens
    texts = [t.text for t in toks]
    if HAS_INVISIBLE.search(view.text, view.sentence.start, view.sentence.end):
        texts = [plain(t) for t in texts]  # `Gos\u200dling` is `Gosling`
    # where a form may start: a token that begins one, or a compound whose head does
    # (`Nolan-Film`); most tokens are neither, and cost one lookup here
    starts = [k for k, text in enumerate(texts)
              if text in index or "-" in text and text.split("-")[0] in index]
    get, i = index.get, 0
    for k in starts:
        if k < i:
            continue  # inside the form found before
        text = texts[k]
        entry = get(text) or index[text.split("-")[0]]
        match = _longest_form(toks, texts, k, *entry)
        if match:
            end, kind, name, n = match
            out.append((Candidate(toks[k].start, end, kind, "known", rule="occurrence"), name))
            i = k + n
        else:
            i = k + 1
    return out


def _raw_offset(raw: str, cut: int) -> int:
    """Where the cut-th visible character of a token lies in the token as written."""
    seen = 0
    for offset, ch in enumerate(raw):
        if seen == cut:
            return offset
        if ord(ch) not in INVISIBLE_ORDS:
            seen += 1
    return len(raw)


def _longest_form(toks, texts: list[str], i: int, lengths: list[int], by_words: dict) -> tuple[int, Kind, str, int] | None:
    """The longest form at token i: its end, kind, name and length in tokens; the last
    token may be a compound that the form begins (`Nolan-Film`)."""
    for n in lengths:
        if i + n > len(toks):
            continue
        words = tuple(texts[i : i + n])
        found = by_words.get(words)
        if found:
            return toks[i + n - 1].end, found[0], found[1], n
        last, last_text = toks[i + n - 1], words[-1]
        cut = last_text.rfind("-")
        while cut > 0:
            found = by_words.get(words[:-1] + (last_text[:cut],))
            if found:
                return last.start + _raw_offset(last.text, cut), found[0], found[1], n
            cut = last_text.rfind("-", 0, cut)
    return None
