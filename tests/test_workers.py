"""Workers end with their parent, signals end an ingest cleanly, and a worker that dies
costs only its reviews: real `archive ingest` processes, killed and interrupted on
purpose, their workers looked up in /proc."""

from __future__ import annotations

import os
import signal
import sqlite3
import sys

import pytest
from click.testing import CliRunner
from processes import alive, children, committed, held_back, wait_for

import archive.analysis
import archive.text
from archive.cli import cli
from archive.ingest import max_jobs

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

REVIEWS = 200
NAMES = ["Ryan Gosling", "Carey Mulligan", "Oscar Isaac", "Sandra Hüller", "Lars Eidinger", "Nina Hoss"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("workers") / "reviews"
    folder.mkdir()
    for i in range(REVIEWS):
        a, b = NAMES[i % 6], NAMES[(i + 1) % 6]
        (folder / f"r{i:04d}.txt").write_text(
            f"Kritik {i}: {a} spielt neben {b}.\nAm Ende bleibt {b.split()[-1]} allein, nach {i} Minuten.\n"
            + "Lange geschieht nichts.\n" * (i % 5), encoding="utf-8")
    return folder


def command(db, *args: str) -> list[str]:
    return [sys.executable, "-m", "archive", "--db", str(db), *args]


def started(db, corpus, *, prelude: str | None = None):
    """An ingest with two workers, held back once some reviews are committed; its workers."""
    args = command(db, "ingest", "--batch", "5", "-j", "2", str(corpus))
    if prelude:  # the same command, run by a script that first changes something in archive
        args = [sys.executable, "-c", f"{prelude}\nimport sys\nfrom archive.cli import main\n"
                f"sys.argv = ['archive', *sys.argv[1:]]\nmain()", *args[3:]]
    proc = held_back(args, db, 10, start_new_session=True)
    workers = wait_for(lambda: [pid for pid in children(proc.pid) if alive(pid)][:2] or None, "the workers")
    return proc, workers


def end_group(pid: int) -> None:
    """Whatever is left of the process group, for a test that failed half-way."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def whole(db) -> int:
    """Every stored review has its sentences and mentions; returns how many there are."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM review r WHERE NOT EXISTS (SELECT 1 FROM mention m "
                            "WHERE m.review_id = r.id) OR sentence_count <> (SELECT count(*) FROM sentence s "
                            "WHERE s.review_id = r.id)").fetchone() == (0,)
        return conn.execute("SELECT count(*) FROM review").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("watch", ["kernel", "thread"])
def test_sigkill_of_the_ingest_ends_its_workers(corpus, tmp_path, watch):
    # "thread": where the kernel cannot be asked (not Linux), a thread in each worker watches its parent.
    prelude = "import archive.workers; archive.workers._killed_with_parent = lambda: False" if watch == "thread" else None
    proc, workers = started(tmp_path / "a.db", corpus, prelude=prelude)
    try:
        os.kill(proc.pid, signal.SIGKILL)  # the main process alone, as the kernel's OOM killer or `kill -9` would
        proc.wait()
        wait_for(lambda: not any(alive(pid) for pid in workers), "the workers to end with their parent")
    finally:
        end_group(proc.pid)
        proc.stderr.close()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_sigterm_and_ctrl_c_end_the_ingest_quietly_with_whole_reviews(corpus, tmp_path, signum):
    db = tmp_path / "a.db"
    proc, workers = started(db, corpus)
    try:
        if signum == signal.SIGINT:
            os.killpg(proc.pid, signum)  # Ctrl-C: the terminal signals the whole process group
        else:
            os.kill(proc.pid, signum)  # `kill PID`, as a service manager stops a process
        _, err = proc.communicate()
    finally:
        end_group(proc.pid)
    err = err.decode()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "Exception ignored" not in err and "KeyboardInterrupt" not in err, err
    lines = err.splitlines()
    assert lines[-1].startswith("interrupted: every review stored is whole")
    stored = whole(db)
    assert 10 <= stored < REVIEWS
    assert lines[-2] == f"{stored} added, 0 unchanged, 0 refused"
    wait_for(lambda: not any(alive(pid) for pid in workers), "the workers to end")
    rerun = CliRunner().invoke(cli, ["--db", str(db), "ingest", "-q", "-j", "2", str(corpus)])
    assert rerun.exit_code == 0, rerun.output
    assert rerun.stderr.splitlines()[-1] == f"{REVIEWS - stored} added, {stored} unchanged, 0 refused"


def test_a_worker_killed_from_outside_costs_nothing(corpus, tmp_path):
    db = tmp_path / "a.db"
    proc, workers = started(db, corpus)
    try:
        os.kill(workers[0], signal.SIGKILL)
        _, err = proc.communicate()
    finally:
        end_group(proc.pid)
    err = err.decode()
    assert "Traceback" not in err and "BrokenProcessPool" not in err, err
    # What the dead worker had in hand is analysed again by a new pool: nothing lost.
    assert proc.returncode == 0, err
    assert err.splitlines()[-1] == f"{REVIEWS} added, 0 unchanged, 0 refused"
    assert whole(db) == REVIEWS


def test_a_review_that_kills_its_worker_costs_only_itself(tmp_path, monkeypatch):
    analyse = archive.text.analyse

    def deadly(text, known=None):
        if "TÖDLICH" in text:
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel does to a worker out of memory
        return analyse(text, known)

    # The workers are forked from this process, so they analyse with this function. It is
    # patched where ingest calls it (archive.analysis binds the name when first imported).
    monkeypatch.setattr(archive.analysis, "analyse", deadly)
    for i in range(40):
        word = "TÖDLICH" if i in (7, 30) else "harmlos"
        (tmp_path / f"r{i:02d}.txt").write_text(f"Kritik {i} ist {word}: Ryan Gosling spielt {i} Minuten.\n",
                                                encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "a.db"), "ingest", "-j", "2", "--batch", "3",
                                      *sorted(str(p) for p in tmp_path.glob("r*.txt"))])
    assert result.exit_code == 1, result.output
    refused = [line for line in result.stderr.splitlines() if line.startswith("refused ")]
    assert refused == [f"refused {tmp_path / f'r{i:02d}.txt'}: analysis worker died (killed, perhaps for want "
                       "of memory); the others went on" for i in (7, 30)]
    assert result.stderr.splitlines()[-1] == "38 added, 0 unchanged, 2 refused"
    assert whole(tmp_path / "a.db") == 38


def test_jobs_has_an_upper_bound(tmp_path):
    (tmp_path / "a.txt").write_text("Ryan Gosling spielt.\n", encoding="utf-8")
    for jobs in (max_jobs() + 1, 1000, 10**30):
        result = CliRunner().invoke(cli, ["--db", str(tmp_path / "a.db"), "ingest", "-j", str(jobs),
                                          str(tmp_path / "a.txt")])
        assert result.exit_code == 2
        assert f"1<=x<={max_jobs()}" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "a.db").exists()
    help_text = CliRunner().invoke(cli, ["ingest", "--help"]).stdout
    assert f"at most 4 per core, {max_jobs()} here" in " ".join(help_text.split())
