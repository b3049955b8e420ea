"""What one review costs to ingest, by its size: seconds and peak memory of a whole
`archive ingest -j 1 FILE` (a fresh process each, peak RSS from getrusage), for reviews
of 1, 2 and 5 MB and more (--sizes). The text is a review's paragraphs repeated: names,
a film, long sentences. It chose MAX_BYTES in archive/sources.py (README, Guarantees).

    python3 benchmarks/review_cost.py [--sizes 1 2 5]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLAUSE = "die Kamera gleitet über die nächtliche Stadt, das Licht ist kalt, die Musik pulsiert leise, "
PARAGRAPH = "Lange " + CLAUSE * 70 + "bis etwas geschieht. Dann " + CLAUSE * 70 + "und alles endet."
NAMES = "In „Drive“ spielt Ryan Gosling den Fahrer, und Carey Mulligan spielt Irene.\n\n"
SHORT = "Regisseur Nicolas Winding Refn zeigt Los Angeles bei Nacht. Oscar Isaac spielt Standard. " * 4 + "\n\n"


def review(megabytes: float, kind: str) -> str:
    block = NAMES + (PARAGRAPH if kind == "long sentences" else SHORT) + "\n\n"
    size = int(megabytes * 1_000_000)
    return block * (size // len(block.encode()) + 1)


def measure(path: Path, db: Path) -> tuple[float, float, int]:
    """Seconds, peak RSS in MiB, exit status of one ingest in a fresh process."""
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "p = subprocess.run(sys.argv[1:], capture_output=True); s = time.perf_counter() - t; "
            "print(s, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode)")
    out = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "archive", "--db", str(db),
                          "ingest", "-j", "1", str(path)], capture_output=True, text=True, check=True).stdout
    seconds, kib, status = out.split()
    return float(seconds), int(kib) / 1024, int(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 5], help="review sizes in MB")
    args = parser.parse_args()
    print("| review | MB | seconds | peak RSS MiB | exit |")
    print("|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as work:
        for kind in ("short sentences", "long sentences"):
            for size in args.sizes:
                path = Path(work) / f"{kind[0]}{size}.txt"
                path.write_text(review(size, kind), encoding="utf-8")
                seconds, mib, status = measure(path, Path(work) / f"{kind[0]}{size}.db")
                print(f"| {kind} | {path.stat().st_size / 1e6:.2f} | {seconds:.1f} | {mib:.0f} | {status} |", flush=True)


if __name__ == "__main__":
    main()
