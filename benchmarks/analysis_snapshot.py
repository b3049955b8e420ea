"""Everything `archive.text.analyse` says about a fixed set of texts, written to one file,
so that a change meant only for speed can be checked to change no output at all.

    python3 benchmarks/analysis_snapshot.py /tmp/before.txt
    ... change the code ...
    python3 benchmarks/analysis_snapshot.py /tmp/after.txt && cmp /tmp/before.txt /tmp/after.txt
    python3 benchmarks/analysis_snapshot.py --check-triggers   # and no rule misses a sentence

The texts: the eval sets beside the repository (../shared/eval/dev, sample), the tuning
sets under benchmarks/sets (TUNING_SETS; never the blind ones), seeds/*.txt and the first 1,500 generated reviews of the
benchmark corpus; the last 300 of those once more with a `Known` made of what the 1,500
found (as a later ingest sees them), so the archive's memory is covered too. For each:
every sentence span; every mention (start, end, type, name, rule); the entities, roles
and the review's film.

--check-triggers runs every rule, ungated, on every sentence of those texts, and fails
when a rule finds something in a sentence that holds none of its triggers (the registry
would skip it there: its trigger words or word test say too little)."""

from __future__ import annotations

import sys
from pathlib import Path

from common import ROOT, corpus, review_files

from archive.text import Known, analyse

GENERATED = 1_500
WITH_KNOWN = 300

TUNING_SETS = ("T", "U", "V", "Z", "AA", "AB", "AC", "AE", "AH", "AI", "AL")  # the sets that rules were tuned on (the blind ones stay out)


def texts() -> list[tuple[str, str]]:
    """(label, text) of every text the snapshot covers, in a fixed order."""
    folders = [ROOT.parent / "shared" / "eval" / "dev", ROOT.parent / "shared" / "eval" / "sample",
               *(ROOT / "benchmarks" / "sets" / s for s in TUNING_SETS), ROOT / "seeds"]
    out = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            out.append((f"{folder.name}/{path.name}", path.read_text(encoding="utf-8")))
    for path in review_files(corpus(10_000, 1))[:GENERATED]:
        out.append((f"generated/{path.parent.name}/{path.name}", path.read_text(encoding="utf-8")))
    return out


def describe(label: str, analysis, lines: list[str]) -> None:
    lines.append(f"== {label}")
    lines.append("sentences " + " ".join(f"{s.start}-{s.end}" for s in analysis.sentences))
    for m in analysis.mentions:
        lines.append(f"m {m.start} {m.end} {m.kind} {m.name!r} {m.rule} s{m.sentence}")
    for e in analysis.entities:
        lines.append(f"e {e.kind} {e.name!r} {e.year} {e.film!r}")
    for r in analysis.roles:
        lines.append(f"r {r.character!r} {r.actor!r}")
    lines.append(f"film {analysis.subject!r}")


def check_triggers() -> int:
    from archive.text.rules import RULES
    from archive.text.sentences import split_sentences
    from archive.text.view import SentenceView

    wrong = 0
    for label, text in texts():
        for i, sentence in enumerate(split_sentences(text)):
            view = SentenceView(text, i, sentence)
            for r in RULES:
                if not r.triggered_by(view.words) and r.find(view):
                    wrong += 1
                    print(f"{r.name} finds something without a trigger in {label}: "
                          f"{text[sentence.start:sentence.end]!r}")
    print(f"triggers: {wrong} sentences where a rule finds something without one", file=sys.stderr)
    return 1 if wrong else 0


def main(argv: list[str]) -> int:
    if argv == ["--check-triggers"]:
        return check_triggers()
    if argv in (["-h"], ["--help"]):
        print(__doc__)
        return 0
    if len(argv) != 1 or argv[0].startswith("-"):  # an option taken for OUT once wrote a file `--help`
        sys.exit("usage: analysis_snapshot.py OUT | --check-triggers | --help")
    lines: list[str] = []
    persons: set[str] = set()
    films: set[str] = set()
    generated = []
    for label, text in texts():
        analysis = analyse(text)
        describe(label, analysis, lines)
        if label.startswith("generated/"):
            generated.append((label, text))
            for e in analysis.entities:
                if " " in e.name and e.kind in ("person", "film"):
                    (persons if e.kind == "person" else films).add(e.name)
    known = Known(frozenset(persons), frozenset(films))
    for label, text in generated[-WITH_KNOWN:]:
        describe(f"known:{label}", analyse(text, known), lines)
    Path(argv[0]).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} lines to {argv[0]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
