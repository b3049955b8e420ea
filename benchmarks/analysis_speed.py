"""Analysis speed on one core, in CPU time (time.process_time: on a shared machine the
wall clock also counts the time other processes had the core), and where it goes.

    python3 benchmarks/analysis_speed.py              # generated reviews and the dev texts
    python3 benchmarks/analysis_speed.py -n 2000      # more generated reviews
    python3 benchmarks/analysis_speed.py --profile 25 # also a cProfile, top 25 by own time

The lexicon and the given names are loaded before the clock starts (their load time is
reported apart), and every text is analysed once untimed first, so caches are as warm
as in a long ingest."""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time

from common import ROOT, corpus, review_files

from archive.text import analyse


def rate(texts: list[str], repeat: int) -> tuple[float, float, float]:
    """(reviews/s, sentences/s, CPU seconds of one pass): the best of `repeat` passes."""
    sentences = sum(len(analyse(t).sentences) for t in texts)  # the warm-up pass
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for t in texts:
            analyse(t)
        best = min(best, time.process_time() - started)
    return len(texts) / best, sentences / best, best


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=1_000, help="generated reviews (default 1,000)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", type=int, default=0, metavar="TOP")
    args = parser.parse_args(argv)

    started = time.process_time()
    from archive.text.german import lexicon
    from archive.text.lexicon import given_names
    lexicon(), given_names()
    print(f"lexicon and given names loaded: {time.process_time() - started:.2f} s CPU")

    generated = [p.read_text(encoding="utf-8") for p in review_files(corpus(10_000, 1))[: args.n]]
    dev = [p.read_text(encoding="utf-8") for p in sorted((ROOT.parent / "shared" / "eval" / "dev").glob("*.txt"))]
    for label, texts in (("generated", generated), ("dev", dev)):
        if not texts:
            continue
        reviews, sentences, seconds = rate(texts, args.repeat)
        print(f"{label}: {len(texts)} reviews, {reviews:,.0f} reviews/s, {sentences:,.0f} sentences/s "
              f"({seconds:.2f} s CPU a pass)")
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for t in generated:
            analyse(t)
        profile.disable()
        pstats.Stats(profile, stream=sys.stdout).sort_stats("tottime").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
