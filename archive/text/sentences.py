"""Sentence boundaries with offsets, for German prose.

Paragraphs (blank lines) always end a sentence. A single line break ends one only
when the text is written one sentence per line (most lines end like a sentence);
otherwise it is wrapping. Inside a paragraph a sentence ends at . ! ? … (with any
closing quotes or brackets after it) before an upper-case start, except after an
abbreviation (z. B., Dr.), an initial (J. R. R. Tolkien) or an ordinal (3. Oktober)."""

from __future__ import annotations

import re

from archive.text.lexicon import CREDIT_LABELS
from archive.text.spans import Sentence

ABBREVIATIONS = frozenset(
    """
    z b d h u a o ä s vgl bzw ca usw etc evtl ggf inkl insb sog dt engl frz ital amerik
    dr prof hr fr st nr no jh jhd jahrh mio mrd bzw geb gest vs mr mrs ms jr sr min std
    tel abb bd hrsg orig reg verl zit ua zb dh ff f ebd ggü u.a z.b d.h o.ä u.ä s.o
    """.split()
)
MONTHS = frozenset(
    "januar jänner februar märz april mai juni juli august september oktober november dezember"
    " jahrhundert jahrtausend jahrestag geburtstag platz teil mal staffel folge episode".split()
)

_PARAGRAPH = re.compile(r"\n[ \t\f\v]*\n\s*")
_END = re.compile(r"[.!?…]+[\"'»«›‹“”‘’)\]]*")
_LINE_END_LIKE_SENTENCE = re.compile(r"[.!?…:;\"'»«›‹“”‘’)\]]\s*$")
_INITIALS = re.compile(r"[A-ZÄÖÜ](?:\.[A-ZÄÖÜ])+")
_OPENERS = "\"'„“‚‘»«›‹([¿¡–-"


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text`, in order, trimmed of surrounding white space, never overlapping."""
    sentences: list[Sentence] = []
    per_line = _one_sentence_per_line(text)
    typical = _typical_line_length(text)
    for p_start, p_end in _blocks(text, _PARAGRAPH):
        if per_line:
            blocks = [(p_start + a, p_start + b) for a, b in _blocks(text[p_start:p_end], re.compile(r"\n"))]
        else:
            blocks = _layout_lines(text, p_start, p_end, typical)
        for b_start, b_end in blocks:
            if _is_heading(text, b_start, b_end):
                sentences.append(_trimmed(text, b_start, b_end))  # `Once Upon a Time in ... Hollywood`
            else:
                sentences.extend(_split_block(text, b_start, b_end))
    return sentences


def _blocks(text: str, separator: re.Pattern[str]) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for match in separator.finditer(text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _typical_line_length(text: str) -> int:
    lengths = sorted(len(line) for line in text.split("\n") if line.strip())
    return lengths[len(lengths) // 2] if lengths else 0


# A line that ends like this is a heading, byline or credit line when it is short: it
# holds no full stop at its end, and the next line starts a new thing.
_HEADING_MAX_WORDS = 12
# A credit block, one `Label: value` a line (`Regie: …⏎Drehbuch: …⏎Land/Jahr: …`): each line
# is a segment, however long, so no name runs into the next line's label.
_LABEL_LINE = re.compile(r"[A-ZÄÖÜ][\w/&-]*(?: [\w/&-]+){0,2}:\s")


def _layout_lines(text: str, start: int, end: int, typical: int) -> list[tuple[int, int]]:
    """A paragraph's lines as blocks: hard-wrapped prose joins, but a short line without
    a sentence end before a line that starts upper case (a heading, a byline, a credit
    line: `Die Lippen des Jean-Paul Belmondo⏎Natürlich …`) is a segment of its own, so
    no name runs across its end. Short means under half the text's typical line; a line
    in capitals (`DER GRAUE HAFEN – ZWEITER TEIL`) or before a credit block's first label
    (`Titel⏎Regie & Buch: …`) is a heading whatever its length."""
    out, pos = [], start
    while True:
        cut = text.find("\n", pos, end)
        if cut < 0:
            break
        line = text[pos:cut]
        nxt = text[cut + 1 : end].lstrip()
        # `Les Loups (Die Wölfe)⏎Regie: …`: a bracket ends a title line before a credit block
        ends_open = not _LINE_END_LIKE_SENTENCE.search(line) or line.rstrip().endswith(")") and _credit_label_next(nxt)
        new_thing = nxt[:1] and (nxt[0].isupper() or nxt[0] in _OPENERS)
        if (line.strip() and ends_open and len(line.split()) <= _HEADING_MAX_WORDS
                and (len(line) * 2 < typical or line.isupper() or _credit_label_next(nxt) or _slot_near(nxt))
                and new_thing) or (_LABEL_LINE.match(line.lstrip()) and _LABEL_LINE.match(nxt)) \
                or (is_info_line(line) and new_thing) or (ends_open and _byline_near(line, nxt)):
            out.append((start, cut))
            start = cut + 1
        pos = cut + 1
    out.append((start, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


# a programme guide's slot under a title, the whole line: `Arte, 20.15 Uhr`, `ZDF, ab 22.00 Uhr
# (Wiederholung)`, `Netflix, jederzeit abrufbar`, `Netflix, alle Folgen`; not a dateline (`Berlin, 12.03.2024`)
_SLOT = re.compile(r"[A-ZÄÖÜ0-9][^\n.,]{0,25}(?:\.\d)?, (?:[^\n]{0,40}?\b\d{1,2}[.:]\d\d Uhr\b"
                   r"|(?:[^\n]{0,20}?\b)?(?:jederzeit abrufbar|alle Folgen|in der [\w-]*Mediathek)\b)[^\n]{0,60}$")


# a capsule's line of facts: a year, then a running time or a director's label
# (`(Kuolleet lehdet) FIN/D 2023, 81 Min. R: Aki Kaurismäki`, `TITEL (I/F 1961, R: Name)`)
_FACTS = r"[A-ZÄÖÜ][\w./ ]{0,30}?\b(?:1[89]|20)\d\d\b[^()\n]*?(?:\b\d{2,3} ?Min\b|\b(?:R|Regie):\s)"
_INFO_OPENS = re.compile(rf"(?:\([^()\n]+\)[ \t]+)?{_FACTS}")  # the facts open the line, the original before them
_INFO_CLOSES = re.compile(rf"\((?:[^()\n]*,[ \t]*)?{_FACTS}[^()\n]*\)\s*$")  # a bracket of facts closes it


def is_info_line(line: str) -> bool:
    """A capsule's info line, 25 words at most, its facts at its start or in the bracket
    that ends it (not a wrapped line of prose that mentions a running time): a segment
    of its own, so no name runs from it into the prose below."""
    return len(line.split()) <= 25 and bool(_INFO_OPENS.match(line) or _INFO_CLOSES.search(line))


# A byline, the whole line or one part of it between `|` or `·`: `Von Anna Berg`, `Kritik von
# Anna Berg`, `Eine Kritik von …`, `Text: Anna Berg`, `Heist-Thriller | Von Anna Berg | 14.11.2025`.
_BYLINE_PART = re.compile(r"\s+[|·•]\s+")
_BYLINE_NAME = r"[A-ZÄÖÜ][\w'’.-]*(?:\s+(?:(?!und\s)[a-z]{1,4}\s+)?[A-ZÄÖÜ][\w'’.-]*){1,3}"  # `Tom de Vries`
_BYLINE = re.compile(r"(?:(?:Eine |Die )?[\w-]*(?:[Kk]ritik|[Rr]ezension|[Bb]esprechung|Essay|Review)\s+[Vv]on|[Vv]on"
                     rf"|(?:Text|Autor|Autorin|Kritik):)\s+(?P<names>{_BYLINE_NAME}(?:\s+und\s+{_BYLINE_NAME})?)\s*$")


def byline_names(line: str) -> list[tuple[int, int]]:
    """The spans in `line` of the names its byline gives (two or more words each), or
    none when the line is no byline; whether the words are names is the caller's test
    (`Von Menschen und Göttern` is a title)."""
    if len(line.split()) > 20:
        return []
    pos = 0
    for part in _BYLINE_PART.split(line):
        at = line.index(part, pos)
        pos = at + len(part)
        match = _BYLINE.match(part.strip())
        if match:
            at += len(part) - len(part.lstrip())
            start = at + match.start("names")
            names = match.group("names")
            first, _, second = names.partition(" und ")
            spans = [(start, start + len(first))]
            return spans + [(start + len(names) - len(second), start + len(names))] if second else spans
    return []


def is_slot_line(text: str, at: int = 0) -> bool:
    """The line that starts at `at` is a programme slot, ten words at most."""
    end = text.find("\n", at)
    line = text[at : end if end >= 0 else len(text)]
    return len(line.split()) <= 10 and bool(_SLOT.match(line))


def _slot_near(line: str) -> bool:
    """A programme slot is the next line or the one after it (`Rubrik⏎Titel⏎Arte, 20.15 Uhr`):
    the lines above it are a heading and a title, each a segment."""
    first, _, rest = line.partition("\n")
    return is_slot_line(first) or is_slot_line(rest.lstrip(" \t"))


def _byline_near(line: str, nxt: str) -> bool:
    """The line is a byline, or the next one is (`Titel⏎Von Anna Berg`): each a segment."""
    return bool(byline_names(line.strip()) or byline_names(nxt.partition("\n")[0].rstrip()))


def _credit_label_next(line: str) -> bool:
    """The line opens a credit block: `Regie: …`, `Regie & Buch: …` (credit_labels.txt)."""
    label = _LABEL_LINE.match(line)
    return bool(label) and label.group().split()[0].rstrip(":") in CREDIT_LABELS


def _is_heading(text: str, start: int, end: int) -> bool:
    """A line of its own, short, with no sentence end: one segment, whatever it holds."""
    line = text[start:end].strip()
    return ("\n" not in line and text[end : end + 1] == "\n" and len(line.split()) <= _HEADING_MAX_WORDS
            and not _LINE_END_LIKE_SENTENCE.search(line))


def _one_sentence_per_line(text: str) -> bool:
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 3:
        return len(lines) > 1 and all(_LINE_END_LIKE_SENTENCE.search(line) for line in lines)
    ending = sum(1 for line in lines if _LINE_END_LIKE_SENTENCE.search(line))
    return ending / len(lines) >= 0.75


def _split_block(text: str, start: int, end: int) -> list[Sentence]:
    out: list[Sentence] = []
    sent_start = start
    for match in _END.finditer(text, start, end):
        cut = match.end()
        if cut >= end or not _is_boundary(text, match.start(), cut, end):
            continue
        out.append(_trimmed(text, sent_start, cut))
        sent_start = cut
    out.append(_trimmed(text, sent_start, end))
    return [s for s in out if s.end > s.start]


def _is_boundary(text: str, mark: int, cut: int, end: int) -> bool:
    if not text[cut].isspace():
        return False  # "Kitsch-as-Kitsch-can" style, 3.5, www.x.de
    nxt = cut
    while nxt < end and text[nxt].isspace():
        nxt += 1
    if nxt >= end:
        return False
    following = text[nxt]
    while following in _OPENERS and nxt + 1 < end:
        nxt += 1
        following = text[nxt]
    if not (following.isupper() or following.isdigit()):
        return False
    if text[mark] != ".":
        return True
    if text[mark : cut].startswith("..."):
        return True
    word = _word_before(text, mark)
    if not word:
        return True
    if len(word) == 1 and word.isalpha() or _INITIALS.fullmatch(word):
        return False  # initial or single-letter abbreviation, initials run together (`C.J.`)
    if word.lower().replace(".", "") in ABBREVIATIONS or word.lower() in ABBREVIATIONS:
        return False
    if word.isdigit() and len(word) <= 2:
        return False  # ordinal: 3. Oktober, 20. Jahrhundert
    if word.isdigit() and _next_word(text, nxt).lower() in MONTHS:
        return False
    return True


def _word_before(text: str, mark: int) -> str:
    i = mark
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "."):
        i -= 1
    return text[i:mark].strip(".")


def _next_word(text: str, pos: int) -> str:
    match = re.compile(r"\w+").match(text, pos)
    return match.group(0) if match else ""


def _trimmed(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end)
