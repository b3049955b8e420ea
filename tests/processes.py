"""Helpers for tests that run real `archive` processes: they wait for a state of the
database or of a process, never for a time (the suite runs on loaded machines)."""

from __future__ import annotations

import os
import fcntl
import sqlite3
import subprocess
import time
from pathlib import Path

DEADLINE = 120.0  # seconds: generous, a loaded machine is slow; reached only when something is wrong


def committed(db: str | Path, table: str = "review") -> int:
    """Rows committed in `table` as another process sees them now; 0 before the table
    exists, and while it cannot be read at once (a writer stopped half-way through
    creating the file holds its lock). Opened read-only, so it never creates the file."""
    try:
        conn = sqlite3.connect(f"{Path(db).resolve().as_uri()}?mode=ro", uri=True, timeout=0)
    except sqlite3.OperationalError:
        return 0
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:  # no file, no schema yet, or locked
        return 0
    finally:
        conn.close()


def wait_for(condition, what: str, deadline: float = DEADLINE, every: float = 0.01):
    """Poll `condition()` until it returns something true; fail naming `what` at the deadline."""
    end = time.monotonic() + deadline
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"waited {deadline:.0f} s for {what}")
        time.sleep(every)


PAGE_PIPE = 4096  # the smallest pipe Linux makes (one page)


def held_back(args: list[str], db: str | Path, at_least: int, **popen) -> subprocess.Popen:
    """Start `args` (an `archive ingest` that prints a line per file) and return once at
    least `at_least` reviews are committed, with the process still held back.

    Its stderr is a one-page pipe that this side drains a little at a time, checking the
    database between reads. The ingest prints each batch's lines after committing it, so
    once the pipe is full it waits in `write` and cannot commit more: between the look and
    what the caller does next (a signal, a kill) it gets at most a pipe's worth of lines
    and one batch further. No clock is involved, however loaded the machine."""
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **popen)
    fd = proc.stderr.fileno()
    fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PAGE_PIPE)
    read = b""
    while committed(db) < at_least:
        chunk = os.read(fd, 64)  # little at a time: the pipe, not this side, holds the ingest back
        if not chunk:
            proc.wait()
            raise AssertionError(f"the process ended (status {proc.returncode}) with fewer than "
                                 f"{at_least} reviews committed: {read.decode(errors='replace')[-2000:]}")
        read = (read + chunk)[-4000:]
    return proc


def alive(pid: int) -> bool:
    """Whether `pid` is a live process: not gone and not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    except OSError:  # no /proc: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return state not in ("Z", "X")


def children(pid: int) -> list[int]:
    """The direct child processes of `pid` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found
