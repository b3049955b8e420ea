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
