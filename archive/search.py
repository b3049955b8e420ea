"""Full-text search in the archive's own syntax (FTS5's: words, "phrases", prefix*,
AND/OR/NOT, NEAR), German-aware by default, and the snippets that mark the hits.

German-aware: every word of the query becomes its search key (archive.text.stems:
Snowball stem, case and diacritics folded, `ß` = `ss`, `ue` = `ü`) and is looked up in
`sentence_stem`, which holds the same keys for every sentence. `exact` searches
`sentence_fts`, the words as written (case and accents still ignored).

Snippets are made here in Python from FTS5's highlight(), in time linear in the
sentence: the index says which words matched, and the sentence's own text is shown."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from archive.text.stems import key, spans_of_words, verb_forms, word_matches, word_span

MAX_TERMS = 64  # FTS5 ranks every hit against every term: many terms cost their square
# A phrase or a NEAR group is looked up in at most this many variants of its words'
# forms (verb_forms: `spielen` is also `spielt`), OR-ed: FTS5 takes no OR inside a
# phrase. Two words get all their forms (3 x 3); a longer phrase gives them to its words
# in lower case first (verbs, in German; nouns and names are capitalised), then left
# to right, while the variants stay within the bound; the other words keep their key.
MAX_VARIANTS = 9


class SearchError(Exception):
    """A search the archive cannot run as written; the message is one line."""


@dataclass(frozen=True)
class Search:
    table: str  # sentence_stem or sentence_fts
    match: str  # the FTS5 query on that table
    exact: bool


# The query's parts: a "phrase" (with "" inside), NEAR(, brackets and commas, `*`, `^`,
# `+`, a column filter (`text:`), else a bare word up to the next space or mark.
_PART = re.compile(r'"(?:[^"]|"")*"|NEAR\s*\(|[(),*^+]|\w+\s*:(?!:)|[^\s"(),*^+]+|"')
_OPERATORS = {"AND", "OR", "NOT"}
_BARE_WORD = re.compile(r"[^\W_]+")  # letters and digits only: one word, no syntax


@lru_cache(maxsize=256)  # a search asked again (a server, a script) is read once; Search is frozen
def parse(text: str, exact: bool = False) -> Search:
    """The FTS5 query for `text`, in the table it runs on."""
    if _BARE_WORD.fullmatch(text) and text not in _OPERATORS:
        # The most common search, one word, without the reading of a syntax it has none
        # of (which cost twice the FTS5 query itself when nothing is found): the same query.
        return Search("sentence_fts", text, True) if exact else Search("sentence_stem", _forms(key(text)), False)
    parts = _PART.findall(text)
    terms = sum(sum(1 for _ in word_matches(p)) for p in parts if p not in _OPERATORS and not _is_near(p))
    if terms > MAX_TERMS:
        raise SearchError(f"the search has {terms} words; at most {MAX_TERMS} are allowed (search in several steps)")
    for i, part in enumerate(parts):  # FTS5 would say "unknown special query", or a syntax error
        if part == "*" and not (i and _is_operand(parts[i - 1])):
            raise SearchError("'*' is no search query; a prefix needs letters before it, as in Gewalt*")
    if exact:
        return Search("sentence_fts", _exact(text), True)
    if '"' in parts:
        raise SearchError('malformed search query (a " without its closing "); put phrases in "double quotes"')
    out: list[str] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        prefix = i + 1 < len(parts) and parts[i + 1] == "*"
        initial = i > 0 and parts[i - 1] == "^"  # ^word: the sentence's first word, one key
        if _is_near(part):
            group, i = _near(parts, i)
            out.append(group)
            continue
        if part in _OPERATORS or part in ("(", ")", ",", "*", "^", "+") or part.endswith(":"):
            out.append(part)
        elif initial or (i + 1 < len(parts) and parts[i + 1] == "+") or (i and parts[i - 1] == "+"):
            out.append(_phrases([[(k, (k,)) for _, k in _words(part)]], prefix))  # one key a word
        else:
            out.append(_phrases(_with_forms([_words(part)]), prefix))
        i += 1 + prefix  # a prefix's `*` is written into each variant
    return Search("sentence_stem", _join(out), False)


def _words(part: str) -> list[tuple[str, str]]:
    """A word or "phrase" of the query as (written, key) of each word."""
    written = part[1:-1].replace('""', '"') if part.startswith('"') else part
    found = [(m.group(), key(m.group())) for m in word_matches(written)]
    if not found:
        raise SearchError(f"malformed search query ({written!r} has no letters or digits to search for);"
                          ' put words with punctuation in "double quotes"')
    return found


def _with_forms(phrases: list[list[tuple[str, str]]]) -> list[list[tuple[str, tuple[str, ...]]]]:
    """Each word of the phrases with the keys it is looked up in: its forms, given by
    MAX_VARIANTS's rule over all the phrases together (one phrase, or a NEAR group's)."""
    flat = [(p, w) for p, phrase in enumerate(phrases) for w in range(len(phrase))]
    chosen: dict[tuple[int, int], tuple[str, ...]] = {}
    variants = 1
    for p, w in sorted(flat, key=lambda at: (not phrases[at[0]][at[1]][0].islower(), at)):
        forms = _word_forms(phrases[p][w][1])
        if variants * len(forms) <= MAX_VARIANTS:
            chosen[p, w] = forms
            variants *= len(forms)
    return [[(written, chosen.get((p, w), (key_,))) for w, (written, key_) in enumerate(phrase)]
            for p, phrase in enumerate(phrases)]


def _variants(phrases: list[list[tuple[str, tuple[str, ...]]]], prefixes: list[bool]) -> list[str]:
    """Every choice of one form a word, each the phrases written for FTS5 side by side
    (`"k1 k2" "k3"*`); a prefix phrase's last word keeps its key (its forms begin so)."""
    slots = [[forms[:1] if prefixes[p] and w == len(phrase) - 1 else forms for w, (_, forms) in enumerate(phrase)]
             for p, phrase in enumerate(phrases)]
    found = []
    for choice in itertools.product(*[forms for phrase in slots for forms in phrase]):
        words = iter(choice)
        found.append(" ".join('"' + " ".join(next(words) for _ in phrase) + '"' + "*" * prefixes[p]
                              for p, phrase in enumerate(phrases)))
    return found


def _phrases(phrases: list[list[tuple[str, tuple[str, ...]]]], prefix: bool) -> str:
    """One phrase (or word) in all its variants: the one, or theirs OR-ed in brackets."""
    found = _variants(phrases, [prefix])
    return found[0] if len(found) == 1 else "(" + " OR ".join(found) + ")"


def _near(parts: list[str], i: int) -> tuple[str, int]:
    """NEAR( phrases [, distance] ) from parts[i], and where the parts go on: each
    variant of its phrases (MAX_VARIANTS's rule over the whole group) a NEAR, OR-ed."""
    phrases: list[list[tuple[str, str]]] = []
    prefix: list[bool] = []
    distance = None
    j = i + 1
    while j < len(parts) and parts[j] != ")":
        part = parts[j]
        if part == ",":
            end = parts.index(")", j) if ")" in parts[j:] else len(parts)
            given = " ".join(parts[j + 1 : end])
            if not given.isdigit():
                shown = repr(given) if given else "nothing"
                raise SearchError(f"malformed search query (NEAR's distance after the comma is a whole number, not"
                                  f" {shown}); write it as NEAR(Regen Stadt, 5)")
            distance = given
            j += 2
            continue
        if not _is_operand(part):
            raise SearchError(f"malformed search query ({part!r} inside NEAR(...), which takes words and"
                              ' "phrases" only); write it as NEAR(Regen Stadt, 5)')
        phrases.append(_words(part))
        prefix.append(j + 1 < len(parts) and parts[j + 1] == "*")
        j += 1 + prefix[-1]
    if j >= len(parts):
        raise SearchError("malformed search query (NEAR( without its closing bracket); write it as NEAR(Regen Stadt, 5)")
    if not phrases:
        raise SearchError("malformed search query (NEAR() without words); write it as NEAR(Regen Stadt, 5)")
    groups = [f"NEAR({inside}" + (f", {distance})" if distance is not None else ")")
              for inside in _variants(_with_forms(phrases), prefix)]
    return (groups[0] if len(groups) == 1 else "(" + " OR ".join(groups) + ")"), j + 1


def problem(conn, text: str, exact: bool = False) -> str | None:
    """Why `text` cannot be searched, in the words `query sentences --text` uses (without
    its `--text: `), or None: the archive's reading of the query, then FTS5's of what it
    makes (a bracket left open, say), on the table it runs on. For the site, which must
    say it before it runs the search (its CSV would be an empty page)."""
    import sqlite3

    try:
        search = parse(text, exact)
    except SearchError as exc:
        return str(exc)
    try:
        conn.execute(f"SELECT 1 FROM {search.table} WHERE {search.table} MATCH ? LIMIT 1", (search.match,)).fetchall()
    except sqlite3.OperationalError as exc:
        return fts5_message(str(exc))
    return None


def fts5_message(error: str) -> str | None:
    """FTS5's error for a query it cannot read, as the archive says it: one line with
    a hint. None for any other error."""
    if "expected integer" in error:  # NEAR(a b, x) in an exact search
        return (f"malformed search query ({error}); NEAR's distance after the comma is a whole number,"
                " as in NEAR(Regen Stadt, 5)")
    if any(word in error for word in ("fts5", "syntax", "no such column", "unterminated", "special query")):
        return f'malformed search query ({error}); put words with punctuation in "double quotes"'
    return None


def _is_near(part: str) -> bool:
    """`NEAR(` (a word NEARBY, or NEAR alone, is a word: FTS5 reads NEAR only before a bracket)."""
    return part.startswith("NEAR") and part.endswith("(")


def _is_operand(part: str) -> bool:
    """A word or "phrase" of the query, not an operator or a mark."""
    return not (part in _OPERATORS or part in ("(", ")", ",", "*", "^", "+", '"') or _is_near(part)
                or part.endswith(":"))


def _join(out: list[str]) -> str:
    """The parts in one query, with AND written out between two operands: FTS5 takes two
    phrases side by side as AND, but not a bracket beside a phrase."""
    joined: list[str] = []
    for part in out:
        if part == "*" and joined:
            joined[-1] += "*"
            continue
        starts = part.startswith(('"', "(", "NEAR(")) or part.endswith(":") or part == "^"
        if starts and joined and joined[-1].endswith(('"', ")", '"*')):
            joined.append("AND")
        joined.append(part)
    return " ".join(joined).replace("^ ", "^").replace(": ", ":")


def _word_forms(key_: str) -> tuple[str, ...]:
    """The keys a word is looked up in: its verb forms (a number has none)."""
    return (key_,) if key_.isdigit() else verb_forms(key_)


def _forms(key_: str) -> str:
    """A bare word's key, or its forms OR-ed (verb_forms)."""
    forms = _word_forms(key_)
    return '"' + key_ + '"' if len(forms) == 1 else "(" + " OR ".join(f'"{f}"' for f in forms) + ")"


# A word joined to another by a hyphen, apostrophe, full stop or slash, outside quotes.
_JOINED_WORDS = re.compile(r'"[^"]*"|(?<![\w"])(\w+(?:[-\'’./]\w+)+)(?![\w"])')


def _exact(text: str) -> str:
    """`Vater-Tochter-Geschichte`, `Karl-Friedrich` or `d'Artagnan` become phrases ("…"),
    as a reader means them; FTS5 would take the hyphen for a column filter and fail.
    Quoted parts, operators, brackets and `*` are left as they are."""
    return _JOINED_WORDS.sub(lambda m: f'"{m.group(1)}"' if m.group(1) else m.group(0), text)


OPEN, CLOSE = "\x02", "\x03"  # what highlight() puts around a hit; read back below


def marked_spans(search: Search, highlighted: str | None, text: str) -> list[tuple[int, int]]:
    """Where in `text` the hits are (offsets into the sentence), from highlight() of the
    row: over the keys (German-aware) or over the text itself (exact)."""
    if highlighted is None:
        return []
    return _spans_in_text(highlighted, text) if search.exact else _spans_of_keys(highlighted, text)


def _spans_of_keys(highlighted: str, text: str) -> list[tuple[int, int]]:
    """The n-th key is the n-th word: a hit on keys i..j (one highlight) marks words i..j.
    Only the markers are looked for, and only the words hit are found in the text."""
    at = highlighted.find(OPEN)
    if at < 0:
        return []
    close = highlighted.find(CLOSE, at)
    then = highlighted.find(OPEN, close)
    if then < 0 and highlighted.find(" ", at, close) < 0 < close:
        return _one_word_hit(highlighted, at, close, text)
    if then > 0:
        found = _two_word_hits(highlighted, at, close, then, text)
        if found is not None:
            return found
    hits: list[tuple[int, int]] = []  # (first, last) key of each highlight
    words_before, counted = 0, 0  # spaces in highlighted[:counted]
    while at >= 0:
        close = highlighted.find(CLOSE, at)
        if close < 0:
            close = len(highlighted)
        words_before += highlighted.count(" ", counted, at)
        inside = highlighted.count(" ", at, close)
        hits.append((words_before, words_before + inside))
        words_before, counted = words_before + inside, close
        at = highlighted.find(OPEN, close)
    if not hits:
        return []
    last = hits[-1][1]
    places = spans_of_words(text, [n for hit in hits for n in hit])
    # The index made from another text (by hand, say) shows the sentence unmarked; the
    # last word hit is compared with its key, which catches a shift anywhere before it.
    last_key = highlighted[highlighted.rfind(" ", 0, close) + 1 : close].replace(OPEN, "")
    if places is None or key(text[places[last][0] : places[last][1]]) != last_key:
        return []
    return [(places[first][0], places[last][1]) for first, last in hits]


def _two_word_hits(highlighted: str, at: int, close: int, then: int, text: str) -> list[tuple[int, int]] | None:
    """Two words hit, one each (`spielen AND weiss`, a NEAR of two words): the next most
    common hit, found without the general path's lists (a fifth of a NEAR search's time
    over 6,216 hits). None when the hits are not so."""
    end = highlighted.find(CLOSE, then)
    if end < 0 or highlighted.find(OPEN, end) >= 0 or highlighted.find(" ", at, close) >= 0 \
            or highlighted.find(" ", then, end) >= 0:
        return None
    first = highlighted.count(" ", 0, at)
    second = first + highlighted.count(" ", at, then)
    places = spans_of_words(text, [first, second])
    if places is None or key(text[places[second][0] : places[second][1]]) != highlighted[then + len(OPEN) : end]:
        return []  # another text's keys (see above)
    return [places[first], places[second]]


def _one_word_hit(highlighted: str, at: int, close: int, text: str) -> list[tuple[int, int]]:
    """The most common hit, one word once (what _spans_of_keys does, without its lists)."""
    span = word_span(text, highlighted.count(" ", 0, at))
    if span is None or key(text[span[0] : span[1]]) != highlighted[at + len(OPEN) : close]:
        return []  # another text's keys (see above)
    return [span]


def _spans_in_text(highlighted: str, text: str) -> list[tuple[int, int]]:
    spans, plain, start = [], [], 0
    pos = 0
    for piece in re.split(f"([{OPEN}{CLOSE}])", highlighted):
        if piece == OPEN:
            start = pos
        elif piece == CLOSE:
            spans.append((start, pos))
        else:
            plain.append(piece)
            pos += len(piece)
    if "".join(plain) != text:
        return []  # the sentence itself holds a marker character
    return spans
