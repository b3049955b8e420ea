"""Compile the English word list the analysis ships, archive/text/data/english.txt.gz,
from the word frequencies of the wordfreq package (code Apache-2.0, data CC BY-SA 4.0:
`pip install wordfreq==3.1.1`).

Run it again only to move to another release of the data:

    python scripts/build_english.py

A word is listed when it is common in English (Zipf frequency 3.0 or more: about once
in a million words) and clearly more common there than in German (by 0.8 or more, six
times as often): `lost`, `things`, `missing`, not `film`, `band`, `am` or most names,
which German prose uses as often. German reviews write English film titles in such
words (`Lost in Translation`), so two of them in a row are a title. Only this compiled
file is read at run time."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "archive" / "text" / "data" / "english.txt.gz"
MIN_ZIPF = 3.0
MARGIN = 0.8


def main() -> int:
    from wordfreq import top_n_list, zipf_frequency

    chosen = sorted(w for w in top_n_list("en", 100_000) if w.isalpha() and w.isascii()
                    and zipf_frequency(w, "en") >= MIN_ZIPF
                    and zipf_frequency(w, "en") - zipf_frequency(w, "de") >= MARGIN)
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as out:
        out.write("".join(w + "\n" for w in chosen).encode("ascii"))  # mtime 0: the same data gives the same bytes
    print(f"{OUT}: {len(chosen)} words, {OUT.stat().st_size / 2**10:.0f} KiB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
