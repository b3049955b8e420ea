"""How the analysis scales with the names in one sentence (issue 13): a credit line of
N invented full names, analysed once for each N. Linear means each doubling of N about
doubles the time; the analysis of 8,000 names should take well under a second or two.
Two lines: names as the rules find them, and names that all grow once found (each
ends in `Jr.`, which the name takes in: archive/text/forms.py), in CPU seconds.

    python benchmarks/long_sentence.py [N ...]
"""

from __future__ import annotations

import sys
import time

from archive.text import analyse
from archive.text.german import lexicon


def credit_line(n: int, suffix: str = "") -> str:
    firsts = "Anna Tom Lena Paul Marie Jonas Clara Felix Emma Leon".split()
    names = [f"{firsts[i % len(firsts)]} Qzx{i:05d}{suffix}" for i in range(n)]
    return "Mit " + ", ".join(names[:-1]) + " und " + names[-1] + "."


def main(sizes: list[int]) -> None:
    lexicon()  # loaded once per process; not part of what is measured
    print(f"{'names':>7} {'grown':>6} {'mentions':>9} {'CPU s':>8} {'µs/name':>8}")
    for suffix, grown in (("", "no"), (" Jr.", "Jr.")):
        for n in sizes:
            text = credit_line(n, suffix)
            started = time.process_time()
            mentions = len(analyse(text).mentions)
            took = time.process_time() - started
            print(f"{n:>7} {grown:>6} {mentions:>9} {took:>8.2f} {took / n * 1e6:>8.0f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 2000, 4000, 8000])
