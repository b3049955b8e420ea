"""Printing results: peak memory of `archive sql` printing many rows in each format
(issue 13: results are streamed, so memory stays flat however many rows a query gives),
and the time to make a table of 40,000 rows (issue 12: display widths must not make the
common Latin table much slower).

    python3 benchmarks/output.py               # 2,000,000 rows, every format; the tables
    python3 benchmarks/output.py --rows 10000000 --formats ndjson csv

Each memory run is `archive sql "WITH RECURSIVE c(x) ... LIMIT N" --format F > /dev/null` in a
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


def table_rows(n: int, wide: bool = False) -> tuple[list[str], list[tuple]]:
    """Rows shaped like `archive query reviews`: ids, a file name, a German title, counts,
    a time; with wide, every tenth title in Japanese and every tenth name decomposed (NFD)."""
    titles = ["Der stille Sturm", "Kalte Ufer", "„Drive“ – neu gesehen", "Gößling und die Ästhetik", "Nebel"]
    rows = []
    for i in range(n):
        title = titles[i % len(titles)]
        if wide and i % 10 == 0:
            title = "黒澤明の夢" if i % 20 else "Mu\u0308ller 😀"
        rows.append((i + 1, f"reviews-s1-40000/{i // 1000:04d}/kritik-{i:05d}.txt", title, 20 + i % 17,
                     25 + i % 23, "2026-11-26 10:00:00"))
    return ["id", "source", "film", "sentences", "mentions", "ingested_at"], rows


def snippet_rows(n: int) -> tuple[list[str], list[tuple]]:
    """Rows shaped like `archive query sentences --text`: ids and a marked German snippet."""
    text = ("…die Kamera folgt [Ryan Gosling] durch das nächtliche Los Angeles, und „Drive“ wird"
            " zu einem Film über Stille und Gewalt…")
    return ["review_id", "position", "snippet"], [(i // 25 + 1, i % 25, text) for i in range(n)]


def time_tables(repeat: int = 12) -> None:
    """CPU time (time.process_time, so other processes on the machine count less) of
    emit(..., "table") into a StringIO; the least of `repeat` runs."""
    import io
    import time

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from archive.output import emit

    print("\n| table of 40,000 rows | CPU ms (least of 12) |\n|---|---:|")
    cases = (("reviews, Latin text (German)", table_rows(40_000)),
             ("reviews, every tenth title wide or NFD", table_rows(40_000, wide=True)),
             ("sentence snippets", snippet_rows(40_000)))
    for label, (columns, rows) in cases:
        times = []
        for _ in range(repeat):
            started = time.process_time()
            emit(columns, rows, "table", io.StringIO())
            times.append(time.process_time() - started)
        print(f"| {label} | {min(times) * 1000:.0f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--formats", nargs="+", default=["ndjson", "csv", "json", "table"])
    parser.add_argument("--tables-only", action="store_true", help="only the table timings")
    args = parser.parse_args()
    if args.tables_only:
        return time_tables()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "empty.db")
        subprocess.run(archive_cmd() + ["--db", db, "db", "upgrade"], check=True, capture_output=True)
        print(f"| rows | format | seconds | peak RSS |\n|---:|---|---:|---:|")
        for fmt in args.formats:
            seconds, mib = peak_mib(archive_cmd() + ["--db", db, "sql", SQL.format(rows=args.rows), "--format", fmt])
            print(f"| {args.rows:,} | {fmt} | {seconds:.1f} | {mib:.0f} MiB |", flush=True)
    time_tables()


if __name__ == "__main__":
    main()
