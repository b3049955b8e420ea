"""Ctrl-C stops a statement that would never end (exit 130, one line), and --timeout
stops it by itself (exit 1, one line). Real processes, real signals; the test waits
for a state (the statement is running), never for a time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c"
DEADLINE = 300  # seconds; generous for a loaded machine, and only a hang reaches it


def archive(db: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "archive", "--db", db, *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen) -> tuple[str, str]:
    try:
        return proc.communicate(timeout=DEADLINE)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise AssertionError(f"still running after {DEADLINE} s") from None


def cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def has_open(pid: int, path: str) -> bool:
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            if os.readlink(fd) == path:
                return True
        except OSError:
            pass
    return False


def wait_until_the_statement_runs(proc: subprocess.Popen, db: str) -> None:
    """Running: the process has opened the database (its imports and the watch's set-up
    come before that or within microseconds after), then spent a further half second of
    CPU, which only the statement spends. Polled until so, or the process ended."""
    import time

    deadline = time.monotonic() + DEADLINE
    opened_at = None
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        if opened_at is None and has_open(proc.pid, db):
            opened_at = cpu_ticks(proc.pid)
        if opened_at is not None and cpu_ticks(proc.pid) - opened_at >= os.sysconf("SC_CLK_TCK") // 2:
            return
        time.sleep(0.01)
    raise AssertionError("the statement never started")


@pytest.fixture
def db(archive, tmp_path) -> str:
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc to see that the statement runs")
    return str(Path(archive.copy(tmp_path / "archive.db").path).resolve())


def test_ctrl_c_stops_an_endless_statement_with_exit_130(db):
    proc = archive(db, "sql", ENDLESS)
    wait_until_the_statement_runs(proc, db)
    proc.send_signal(signal.SIGINT)
    out, err = finish(proc)
    assert proc.returncode == 130, err
    assert out == ""
    assert err == "Error: interrupted (Ctrl-C): the statement was stopped\n"


def test_timeout_stops_an_endless_statement_with_exit_1(db):
    proc = archive(db, "sql", ENDLESS, "--timeout", "0.2")
    out, err = finish(proc)
    assert proc.returncode == 1, err
    assert out == ""
    assert err == "Error: stopped: the statement ran longer than --timeout 0.2 s\n"


def test_a_statement_within_its_timeout_answers(db):
    proc = archive(db, "sql", "SELECT count(*) AS n FROM review", "--timeout", "600", "--format", "csv")
    out, err = finish(proc)
    assert (proc.returncode, out) == (0, "n\n4\n"), err


@pytest.mark.parametrize("value", ["0", "-1", "nan", "soon"])
def test_a_timeout_that_is_no_time_is_bad_usage(archive, value):
    result = archive.run("sql", "SELECT 1", "--timeout", value)
    assert result.exit_code == 2 and "--timeout" in result.stderr


def test_the_read_commands_share_the_watch(archive, monkeypatch):
    """Every read command opens through options.reader, which sets the watch up."""
    from archive.cli import interrupt

    watched = []
    real = interrupt.Watch.__init__

    def record(self, conn, timeout=None):
        watched.append(timeout)
        real(self, conn, timeout)

    monkeypatch.setattr(interrupt.Watch, "__init__", record)
    commands = [("sql", "SELECT 1"), ("check",), ("query", "persons"), ("query", "reviews"), ("query", "films"),
                ("query", "sentences"), ("query", "mentions"), ("query", "cast"), ("show", "1"), ("stats",)]
    for command in commands:
        before = len(watched)
        assert archive.run(*command).exit_code == 0, command
        assert len(watched) == before + 1, command
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # given back after each command
