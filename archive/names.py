"""Folding names for lookups: case and diacritics do not matter (`muller` finds Müller)."""

from __future__ import annotations

import unicodedata

_SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "æ": "ae", "œ": "oe",
                          "’": "'", "‘": "'", "ʼ": "'"})


def fold(name: str) -> str:
    """Lower case, without diacritics, white space collapsed: the key names are looked up by."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())
