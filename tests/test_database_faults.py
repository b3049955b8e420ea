"""A database that takes no more stops an ingest once, with one line: locked by another
process (one wait of the busy timeout for the whole call, not one per file), full, or
read-only. What was committed before stays whole, and a rerun completes the rest."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

import archive.cli.ingest
import archive.db
from archive.cli import cli


def review(i: int) -> str:
    return (f"Kritik {i}: Ryan Gosling spielt neben Carey Mulligan, {i} Minuten lang.\n"
            + f"Die Kamera bleibt ruhig, Szene {i} dauert. " * 40 + "\n")


@pytest.fixture
def files(tmp_path):
    """An archive holding one review, and 30 more files to ingest."""
    (tmp_path / "first.txt").write_text(review(-1), encoding="utf-8")
    db = str(tmp_path / "archive.db")
    assert ingest(db, str(tmp_path / "first.txt")).exit_code == 0
    folder = tmp_path / "more"
    folder.mkdir()
    for i in range(30):
        (folder / f"r{i:02d}.txt").write_text(review(i), encoding="utf-8")
    return db, folder


def ingest(db: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db, "ingest", "-j", "1", *args], catch_exceptions=False)


def reviews(db: str) -> tuple[int, int]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*), count(DISTINCT sha256) FROM review").fetchone()
    finally:
        conn.close()


def test_a_locked_database_is_waited_for_once_then_said_in_one_line(files, monkeypatch):
    db, folder = files
    monkeypatch.setattr(archive.db, "BUSY_TIMEOUT_MS", 200)  # the real wait is 30 s
    monkeypatch.setattr(archive.cli.ingest, "on_terminal", lambda: True)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process writing, for longer than any timeout
    try:
        result = ingest(db, "--batch", "1", str(folder))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert [line for line in lines if "locked" in line] == [
        f"waiting: {db} is locked by another process (up to 0.2 s)…",
        f"Error: {db} is locked by another process; 0 reviews stored before it, whole; "
        "the same ingest run again adds the rest"]
    assert not [line for line in lines if line.startswith(("refused ", "added "))]
    assert lines[-2] == "0 added, 0 unchanged, 0 refused"
    rerun = ingest(db, "-q", str(folder))
    assert rerun.exit_code == 0 and reviews(db) == (31, 31)


def test_the_wait_is_not_said_off_a_terminal(files, monkeypatch):
    db, folder = files
    monkeypatch.setattr(archive.db, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = ingest(db, str(folder))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1
    assert "waiting" not in result.stderr
    assert result.stderr.count("locked by another process") == 1


def test_disk_full_stops_at_the_first_and_a_rerun_completes(files, monkeypatch):
    db, folder = files
    conn = sqlite3.connect(db)
    (pages,) = conn.execute("PRAGMA page_count").fetchone()
    conn.close()
    connect = archive.db.connect

    def small(path, **options):  # a disk with room for a few more reviews, the same every run
        conn = connect(path, **options)
        conn.execute(f"PRAGMA max_page_count = {pages + 12}")
        return conn

    monkeypatch.setattr(archive.db, "connect", small)
    result = ingest(db, "--batch", "2", str(folder))
    assert result.exit_code == 1
    stored = reviews(db)[0] - 1
    assert 0 < stored < 30
    full = [line for line in result.stderr.splitlines() if "disk is full" in line]
    assert full == [f"Error: cannot write to {db}: database or disk is full; {stored} reviews stored before it, "
                    "whole; the same ingest run again adds the rest"]
    assert "cannot store" not in result.stderr and "refused " not in result.stderr
    assert result.stderr.splitlines()[-2] == f"{stored} added, 0 unchanged, 0 refused"

    monkeypatch.setattr(archive.db, "connect", connect)  # room again
    rerun = ingest(db, "-q", str(folder))
    assert rerun.exit_code == 0, rerun.stderr
    assert rerun.stderr.splitlines()[-1] == f"{30 - stored} added, {stored} unchanged, 0 refused"
    assert reviews(db) == (31, 31)


def test_a_read_only_database_is_said_once(files, monkeypatch):
    db, folder = files
    connect = archive.db.connect
    # As root a file's mode does not stop writes: the database is opened read-only instead.
    monkeypatch.setattr(archive.db, "connect", lambda path, **options: connect(path, readonly=True))
    result = ingest(db, "--batch", "1", str(folder))
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if "readonly" in line] == [
        f"Error: cannot write to {db}: attempt to write a readonly database; 0 reviews stored before it, whole; "
        "the same ingest run again adds the rest"]
    assert "refused " not in result.stderr
    assert reviews(db) == (1, 1)
