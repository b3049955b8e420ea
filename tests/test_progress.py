"""The ingest progress bar: what it says, how often it draws, and that it shows on a
terminal only (a real pseudo-terminal, not a mock)."""

from __future__ import annotations

import io
import os
import fcntl
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

from click.testing import CliRunner

from archive.cli import cli
from archive.cli.progress import FEW, Progress, clock_time, render


def test_render_says_done_rate_and_time_left():
    line = render(250, 1000, 25.0, 30.0, columns=100)
    assert "250/1,000 reviews" in line and "25/s" in line and "0:30 left" in line
    bar = line[line.index("[") + 1 : line.index("]")]
    assert bar.count("#") * 4 == len(bar)  # a quarter done


def test_render_at_the_end_is_full():
    line = render(40_000, 40_000, 500.0, 0.0)
    assert "done" in line and "." not in line[line.index("[") : line.index("]")]


def test_render_fits_a_narrow_terminal():
    for columns in (20, 45, 60, 200):
        assert len(render(1234, 40_000, 411.0, 94.0, columns)) < columns


def test_clock_time():
    assert [clock_time(s) for s in (7, 750, 3723)] == ["0:07", "12:30", "1:02:03"]


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_time_left_is_reckoned_from_the_pace_after_start_up():
    stream, clock = io.StringIO(), FakeClock()
    progress = Progress(1000, stream, clock)
    clock.now = 2.0  # two seconds of start-up before the first batch is done
    progress.advance(100)
    assert "-:-- left" in stream.getvalue()
    clock.now = 3.0
    progress.advance(300)  # 200 reviews a second since the first batch
    last = stream.getvalue().split("\r")[-1]
    assert "0:04 left" in last  # 700 to go at 200/s, not at the 100/s of the whole 3 s
    assert "100/s" in last  # the rate shown is the plain average


def test_the_bar_is_redrawn_at_most_ten_times_a_second():
    stream, clock = io.StringIO(), FakeClock()
    progress = Progress(1000, stream, clock)
    for done in range(1, 101):  # 100 reviews in 0.5 s
        clock.now += 0.005
        progress.advance(done)
    draws = stream.getvalue().count("\r")
    assert 4 <= draws <= 7
    last = stream.getvalue().split("\r")[-1]
    assert int(last.split("]")[1].split("/")[0]) >= 80  # the last draw is at most 0.1 s (20 reviews) old


def test_clear_wipes_the_bar_and_the_next_advance_draws_it_again():
    stream, clock = io.StringIO(), FakeClock()
    progress = Progress(10, stream, clock)
    progress.clear()
    assert stream.getvalue() == ""  # nothing drawn, nothing to wipe
    progress.advance(1)
    progress.clear()
    assert stream.getvalue().endswith("\r\033[K")
    progress.advance(2)  # at once, although no time has passed
    assert "2/10 reviews" in stream.getvalue().split("\r")[-1]


def _folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "reviews"
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:02}.txt").write_text(f"Regisseur Anna Berg{'e' * i} dreht ihren {i + 1}. Film.\n")
    return folder


def test_no_bar_when_stderr_is_not_a_terminal(tmp_path):
    folder = _folder(tmp_path, FEW + 3)
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "a.db"), "ingest", str(folder)])
    assert result.exit_code == 0, result.output
    assert "\r" not in result.stderr and "reviews " not in result.stderr
    assert len(result.stderr.strip().splitlines()) == FEW + 3 + 1  # a line per file, the summary


def _ingest_on_a_terminal(tmp_path: Path, *args: str, columns: int = 0) -> str:
    """stderr on a pseudo-terminal `columns` wide (0: one that gives no size); stdout a pipe."""
    main, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    try:
        done = subprocess.run([sys.executable, "-m", "archive", "--db", str(tmp_path / "t.db"), "ingest", *args],
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=secondary, timeout=120)
        os.close(secondary)
        secondary = None
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the other end is closed: everything has been read
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        if secondary is not None:
            os.close(secondary)
        os.close(main)
    assert done.returncode == 0 and done.stdout == b""
    return b"".join(chunks).decode()


def test_bar_on_a_terminal_for_more_than_a_few_files(tmp_path):
    folder = _folder(tmp_path, FEW + 3)
    shown = _ingest_on_a_terminal(tmp_path, "--quiet", str(folder))
    assert f"{FEW + 3}/{FEW + 3} reviews" in shown and "[" in shown
    assert "added " not in shown  # --quiet: no line per file, only the bar and the summary
    assert shown.rstrip().endswith(f"{FEW + 3} added, 0 unchanged, 0 refused")


def test_no_bar_on_a_terminal_for_a_few_files(tmp_path):
    folder = _folder(tmp_path, FEW)
    shown = _ingest_on_a_terminal(tmp_path, str(folder))
    assert "reviews " not in shown and "\r" not in shown.replace("\r\n", "\n")


def test_the_bar_fits_the_width_of_the_terminal_it_is_drawn_on(tmp_path):
    folder = _folder(tmp_path, FEW + 3)
    shown = _ingest_on_a_terminal(tmp_path, "--quiet", "--batch", "1", str(folder), columns=52)
    drawn = [part.replace("\033[K", "") for part in shown.replace("\r\n", "\n").split("\r") if "reviews" in part]
    assert drawn and all(len(line) < 52 for line in drawn)
