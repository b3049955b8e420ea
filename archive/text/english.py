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
    """`Broken`, `Lanterns`, `Lost`: a common English word German seldom uses."""
    return word.lower() in english_words()
