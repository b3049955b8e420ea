"""Compile the German lexicon the analysis ships, archive/text/data/german.txt.gz, from
the german-nouns package (Wiktionary DE, CC BY-SA 4.0: `pip install german-nouns==1.2.5`).

Run it again only to move to another release of the data:

    python scripts/build_lexicon.py

The file holds three sections of words, one a line: every inflected form of every
common noun (`# noun`), the given names and surnames Wiktionary tags (`# name`), and
the places it tags as toponyms (`# place`). Only this compiled file is read at run time,
so the analysis needs neither the package nor a download."""

from __future__ import annotations

import csv
import gzip
import sys
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "archive" / "text" / "data" / "german.txt.gz"
NAME_TAGS = {"Vorname", "Nachname"}
PLACE_TAGS = {"Toponym", "Straßenname"}
PROPER_TAGS = NAME_TAGS | PLACE_TAGS | {"Eigenname"}


def forms(row: dict[str, str]) -> set[str]:
    """The lemma and each inflected form, split where Wiktionary lists two in one cell."""
    out = {row["lemma"]}
    for key, value in row.items():
        if key not in ("lemma", "pos", "genus") and not key.startswith("genus ") and value:
            out.update(v.strip() for v in value.replace("/", ",").split(",") if v.strip())
    return {w for w in out if w[:1].isupper() and " " not in w and not w.startswith("-")}


def main() -> int:
    source = resources.files("german_nouns") / "nouns.csv"
    nouns: set[str] = set()
    names: set[str] = set()
    places: set[str] = set()
    with source.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            tags = set(row["pos"].split(","))
            words = forms(row)
            if tags & NAME_TAGS:
                names |= words
            if tags & PLACE_TAGS:
                places |= words
            if not tags & PROPER_TAGS and "Substantiv" in tags:
                nouns |= words
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(f"# {label}\n" + "".join(w + "\n" for w in sorted(words))
                   for label, words in (("noun", nouns), ("name", names), ("place", places)))
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as out:
        out.write(text.encode("utf-8"))  # mtime 0: the same data gives the same bytes
    print(f"{OUT}: {len(nouns)} noun forms, {len(names)} names, {len(places)} places, "
          f"{OUT.stat().st_size / 2**20:.2f} MiB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
