"""Peak memory of `archive sql` printing many rows, in each format (issue 13: results
are streamed, so memory stays flat however many rows a query gives).

    python3 benchmarks/streaming.py               # 2,000,000 rows, every format
    python3 benchmarks/streaming.py --rows 10000000 --formats ndjson csv

Each run is `archive sql "WITH RECURSIVE c(x) ... LIMIT N" --format F > /dev/null` in a
child process; the peak is the child's maximum resident set (resource.getrusage of
RUSAGE_CHILDREN, read before and after, one child at a time)."""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from common import archive_cmd

SQL = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c LIMIT {rows})"
       " SELECT x, 'Zeile ' || x FROM c")


def peak_mib(cmd: list[str]) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of cmd, stdout to /dev/null. RUSAGE_CHILDREN's maxrss is
    the largest child so far, so each command runs in a fresh interpreter of its own."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter();"
             " done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE);"
             " sys.exit(done.stderr.decode()[-500:]) if done.returncode else None;"
             " print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"failed: {' '.join(cmd)}: {out.stderr.strip()}")
    seconds, kib = out.stdout.split()
    return float(seconds), int(kib) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--formats", nargs="+", default=["ndjson", "csv", "json", "table"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "empty.db")
        subprocess.run(archive_cmd() + ["--db", db, "db", "upgrade"], check=True, capture_output=True)
        print(f"| rows | format | seconds | peak RSS |\n|---:|---|---:|---:|")
        for fmt in args.formats:
            seconds, mib = peak_mib(archive_cmd() + ["--db", db, "sql", SQL.format(rows=args.rows), "--format", fmt])
            print(f"| {args.rows:,} | {fmt} | {seconds:.1f} | {mib:.0f} MiB |", flush=True)


if __name__ == "__main__":
    main()
