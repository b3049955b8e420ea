"""Words as the German-aware search compares them: the Snowball German stemmer, then
case and diacritics folded, so `Filme`, `Films` and `Film` are one word, and so are
`Straße`/`Strasse`, `Müller`/`Mueller`/`Muller` and `großartig`/`grossartig`.

Pure functions on strings. The search index (`sentence_stem`) holds, for each sentence,
the key of every word in order, separated by single spaces, so the n-th key is the n-th
word of `words(text)`: a hit in the index maps back to the words as written."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

# A word: letters and digits, with any combining marks (decomposed `Mu\u0308ller` is one
# word); anything else (hyphens, apostrophes, `_`) separates, as in FTS5's tokenizer.
# Text without combining marks (nearly all) is read by the simpler pattern, twice as fast.
_WORD = re.compile(r"[^\W_]+")
_WORD_WITH_MARKS = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f])*")
_MARK = re.compile(r"[\u0300-\u036f]")

_STEMMER = Stemmer.Stemmer("german")
_SPECIAL = str.maketrans({"ß": "ss", "ẞ": "ss", "ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe"})


def word_matches(text: str):
    """The words of `text`, as re.Match objects, in order."""
    return (_WORD_WITH_MARKS if _MARK.search(text) else _WORD).finditer(text)


def words(text: str) -> list[tuple[int, int]]:
    """Where each word of `text` starts and ends."""
    return [m.span() for m in word_matches(text)]


def spans_of_words(text: str, numbers: list[int]) -> dict[int, tuple[int, int]] | None:
    """Where the words numbered `numbers` (from 0, as in words(text)) start and end; None
    if the text has fewer words. One regex step in C skips the words between two wanted
    ones: no match object per word read (a search hit's snippet asks for one or two words,
    and reading every word before them was half the cost of `query sentences --text`)."""
    marks = _has_marks(text)
    found: dict[int, tuple[int, int]] = {}
    pos = read = 0  # the text before pos holds words 0 .. read-1
    for n in sorted(set(numbers)):
        match = _past_words(n - read, marks).match(text, pos)
        if match is None:
            return None
        found[n] = match.span(1)
        pos, read = match.end(1), n + 1
    return found


def word_span(text: str, n: int) -> tuple[int, int] | None:
    """spans_of_words for one word: where word n starts and ends, or None."""
    match = _past_words(n, _has_marks(text)).match(text)
    return None if match is None else match.span(1)


def _has_marks(text: str) -> bool:
    """The text holds combining marks, which the words of _WORD_WITH_MARKS take in."""
    return not text.isascii() and _MARK.search(text) is not None


@lru_cache(maxsize=1024)
def _past_words(n: int, marks: bool) -> re.Pattern:
    """From a word's end (or the text's start): n words, then the next one as group 1.
    The words as _WORD and _WORD_WITH_MARKS read them; possessive, so that no word is
    ever split in two to make up the count. A separator is anything no word starts with."""
    word = r"[^\W_](?:[^\W_]|[\u0300-\u036f])*+" if marks else r"[^\W_]++"
    return re.compile(rf"[\W_]*+(?:{word}[\W_]*+){{{n}}}({word})")


@lru_cache(maxsize=50_000)  # words recur (Zipf): most lookups are hits
def key(word: str) -> str:
    """The word's search key: stemmed (Snowball German, which reads `ae`, `oe`, `ue` as
    umlauts and `ß` as `ss`), then without diacritics; never empty, never a space."""
    stem = _STEMMER.stemWord(word.lower().translate(_SPECIAL))
    if not stem.isascii():
        decomposed = unicodedata.normalize("NFKD", stem)
        stem = "".join(ch for ch in decomposed if not unicodedata.combining(ch) and (ch.isalnum()))
    return stem.casefold() or word.lower()


def keys(text: str) -> str:
    """The sentence as the search index holds it: the key of each word, space-separated.
    (findall and map over the cached key: no match object or Python frame per word, a
    fifth of what storing a review costs otherwise.)"""
    return " ".join(map(key, (_WORD_WITH_MARKS if _MARK.search(text) else _WORD).findall(text)))


def verb_forms(stem: str) -> tuple[str, ...]:
    """Keys a bare search word also finds: Snowball leaves the `-t`/`-et` of weak verbs
    (`spielt`, `spielte` -> spielt; `spielen` -> spiel), so each finds the other."""
    forms = [stem]
    if len(stem) < 3:
        return tuple(forms)
    for ending in ("et", "t"):
        if stem.endswith(ending) and len(stem) - len(ending) >= 3:
            forms.append(stem[: -len(ending)])
            break
    else:
        forms += [stem + "t", stem + "et"]
    return tuple(forms)
