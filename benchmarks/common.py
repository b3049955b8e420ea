"""What the benchmark scripts share: the cached corpus, timing, a child's peak memory,
the machine, and printing a table."""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE = HERE / ".cache"
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (benchmarks/generate.py)


def corpus(n: int, seed: int = 1) -> Path:
    """A folder of exactly n generated reviews under .cache/, made once and reused."""
    folder = CACHE / f"reviews-s{seed}-{n}"
    marker = folder / ".complete"
    if not marker.exists():
        if folder.exists():
            shutil.rmtree(folder)
        started = time.perf_counter()
        generate.generate(folder, n, seed)
        marker.write_text(str(n))
        print(f"# generated {n} reviews in {folder} ({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return folder


def review_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.txt"))


def archive_cmd() -> list[str]:
    """The `archive` console script of this Python (beside sys.executable), not whatever
    PATH finds first: a pyenv shim in front of it is a shell script that costs tens of
    milliseconds per call. Else `python -m archive`."""
    beside = Path(sys.executable).parent / "archive"
    if beside.exists():
        return [str(beside)]
    exe = shutil.which("archive")
    return [exe] if exe else [sys.executable, "-m", "archive"]


def run_measured(cmd: list[str], **kwargs) -> tuple[float, int, subprocess.CompletedProcess]:
    """Run cmd; return wall seconds, peak RSS in MiB and the finished process.

    The peak is wait4's rusage of the child: the largest of the child and every process
    it waited for (its workers), i.e. RUSAGE_CHILDREN's maxrss as if it were the only child."""
    import tempfile

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, **kwargs)
        _, status, usage = os.wait4(proc.pid, 0)  # reap it ourselves, for its rusage
        elapsed = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        done = subprocess.CompletedProcess(cmd, proc.returncode, out.read().decode(errors="replace"),
                                           err.read().decode(errors="replace"))
    return elapsed, usage.ru_maxrss // 1024, done


def median_time(fn, repeat: int = 5, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import sqlite3

    return (f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}, {platform.system()} {platform.release()}")


def table(headers: list[str], rows: list[list], out=sys.stdout) -> None:
    """A Markdown table (also readable as plain text)."""
    cells = [[str(c) for c in headers]] + [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    numeric = [all(_is_number(r[i]) for r in rows) if rows else False for i in range(len(headers))]

    def line(r):
        return "| " + " | ".join(c.rjust(w) if numeric[i] else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))) + " |"

    print(line(cells[0]), file=out)
    print("|" + "|".join(("-" * (w + 1) + ":") if numeric[i] else ("-" * (w + 2)) for i, w in enumerate(widths)) + "|",
          file=out)
    for r in cells[1:]:
        print(line(r), file=out)


def _fmt(value) -> str:
    if isinstance(value, float):
        if value >= 100:
            return f"{value:,.0f}"
        if value >= 10:
            return f"{value:.1f}"
        return f"{value:.2f}" if value >= 0.1 else f"{value:.3f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _is_number(value) -> bool:
    return isinstance(value, (int, float))


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"
