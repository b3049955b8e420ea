"""Common English words, compiled from wordfreq (data CC BY-SA 4.0) into
data/english.txt.gz by scripts/build_english.py: words far more common in English than
in German (`lost`, `things`, `missing`; not `film`, `band`, `am`), so that a run of
them in German prose reads as an English title. Read once per process on first use."""

from __future__ import annotations

import functools
import gzip
from importlib import resources


@functools.cache
def english_words() -> frozenset[str]:
    data = (resources.files("archive.text") / "data" / "english.txt.gz").read_bytes()
    return frozenset(gzip.decompress(data).decode("ascii").split())


@functools.lru_cache(maxsize=65_536)
def is_english(word: str) -> bool:
    """`Broken`, `Lanterns`, `Lost`: a common English word German seldom uses; so is a
    contraction in `n't` (`Don't`, `Can’t`: German has none) and the possessive of such
    a word (`Child's`, `Heaven’s`), which the word list leaves out."""
    lower = word.lower().replace("’", "'")
    if lower in english_words():
        return True
    base, apostrophe, tail = lower.rpartition("'")
    if not apostrophe or len(base) < 2:
        return False
    return tail == "t" and base.endswith("n") or tail in ("s", "re", "ll", "ve") and base in english_words()
