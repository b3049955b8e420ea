"""Ingesting a folder again: unchanged files are recognised before any analysis, so the
second ingest of the same 2,000 files must cost far less than the first (issue 11;
before: 10.1 s against 6.3 s, the second ingest slower than the first).

    python3 benchmarks/reingest.py              # 2,000 generated reviews, --jobs 2
    python3 benchmarks/reingest.py -n 10000
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from common import archive_cmd, corpus, machine, run_measured, table, verdict


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000, help="reviews (default 2000)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    folder = corpus(args.n)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "archive.db")
        cmd = archive_cmd() + ["--db", db, "ingest", "-q", "--jobs", str(args.jobs), str(folder)]
        for label in ("first ingest", "again, unchanged", "again, unchanged"):
            seconds, rss, done = run_measured(cmd)
            if done.returncode != 0:
                print(done.stderr, file=sys.stderr)
                return 1
            rows.append([f"{label} ({done.stderr.strip().splitlines()[-1]})", round(seconds, 2), rss])
    print(f"# {machine()}\n")
    table(["ingest of the same folder", "seconds", "peak RSS MiB"], rows)
    ratio = min(r[1] for r in rows[1:]) / rows[0][1]
    print(f"\nagain / first: {ratio:.2f} (target: far less than 1): {verdict(ratio < 0.5)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
