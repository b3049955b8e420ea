"""Crashes lose nothing: a real `archive ingest` killed with SIGKILL in the middle of a
bulk ingest leaves a sound database holding only whole reviews, and the same ingest run
again completes the rest without duplicates."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

import pytest
from processes import PAGE_PIPE, held_back

from archive.text import split_sentences

REVIEWS = 120
BATCH = 7
# Long file names make long lines on stderr, so a one-page pipe holds few of them: an
# ingest held back by it (processes.held_back) is at most this many reviews ahead.
PAD = "-kritik-eines-langen-abends" * 6
AHEAD = PAGE_PIPE // len(f"unchanged r0000{PAD}.txt review 1") + BATCH
KILLS = (3 * BATCH + 2, 8 * BATCH + 5)  # each time inside a later batch
assert KILLS[0] + AHEAD < KILLS[1] and KILLS[1] + AHEAD < REVIEWS  # so both kills land mid-ingest
ACTORS = ["Ryan Gosling", "Carey Mulligan", "Oscar Isaac", "Sandra Hüller", "Lars Eidinger", "Nina Hoss"]


def write_corpus(folder) -> None:
    folder.mkdir()
    for i in range(REVIEWS):
        a, b = ACTORS[i % len(ACTORS)], ACTORS[(i * 5 + 1) % len(ACTORS)]
        text = (
            f"Kritik Nummer {i} beginnt hier.\n"
            f"{a} und {b} spielen ein Paar, das sich nichts zu sagen hat.\n"
            f"Die Kamera bleibt lange auf {a.split()[-1]}, die Szene dauert {i + 3} Minuten.\n"
            + "Dann geschieht lange nichts.\n" * (i % 4)
        )
        (folder / f"r{i:04d}{PAD}.txt").write_text(text, encoding="utf-8")


def command(db, *args: str) -> list[str]:
    return [sys.executable, "-m", "archive", "--db", str(db), *args]


def archive(db, *args: str) -> subprocess.Popen:
    return subprocess.Popen(command(db, *args), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def ingest_and_kill(db, folder, after: int) -> int:
    """Start an ingest and SIGKILL it and its workers once at least `after` reviews are
    committed (counted in the database: a line on stderr can be an `unchanged`), while
    it is held back so it cannot run on to the end first (`processes.held_back`)."""
    proc = held_back(command(db, "ingest", "--batch", str(BATCH), "-j", "2", str(folder)), db, after,
                     start_new_session=True)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.stderr.close()
    return proc.wait()


def sound(db) -> dict[str, tuple[int, int]]:
    """Checks what SQLite and the archive promise; returns {source: (sentences, mentions)}."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = {}
        for review_id, source, body in conn.execute("SELECT id, source, body FROM review"):
            sentences = conn.execute("SELECT start_char, end_char FROM sentence WHERE review_id = ? ORDER BY position",
                                     (review_id,)).fetchall()
            assert sentences == [(s.start, s.end) for s in split_sentences(body)], source
            (mentions,) = conn.execute("SELECT count(*) FROM mention WHERE review_id = ?", (review_id,)).fetchone()
            assert mentions >= 2, source  # every review names two actors
            stored[source] = (len(sentences), mentions)
        (fts,) = conn.execute("SELECT count(*) FROM sentence_fts_docsize").fetchone()
        assert fts == conn.execute("SELECT count(*) FROM sentence").fetchone()[0]
        return stored
    finally:
        conn.close()


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The corpus ingested without interruption: what every review must look like."""
    root = tmp_path_factory.mktemp("crash")
    folder = root / "reviews"
    write_corpus(folder)
    proc = archive(root / "reference.db", "ingest", "-q", "-j", "1", str(folder))
    _, err = proc.communicate()
    assert proc.returncode == 0, err
    return folder, sound(root / "reference.db")


def test_sigkill_mid_ingest_leaves_whole_reviews_and_a_rerun_completes(reference, tmp_path):
    folder, expected = reference
    assert len(expected) == REVIEWS
    db = tmp_path / "archive.db"

    counts = []
    for after in KILLS:  # killed twice
        assert ingest_and_kill(db, folder, after) == -signal.SIGKILL
        stored = sound(db)
        assert after <= len(stored) < REVIEWS
        assert all(expected[source] == counts for source, counts in stored.items())
        counts.append(len(stored))
    assert counts[0] < counts[1]

    check = subprocess.run([sys.executable, "-m", "archive", "--db", str(db), "check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr

    proc = archive(db, "ingest", "--batch", str(BATCH), "-j", "2", str(folder))
    _, err = proc.communicate()
    assert proc.returncode == 0, err
    assert err.splitlines()[-1] == f"{REVIEWS - counts[1]} added, {counts[1]} unchanged, 0 refused"
    assert sound(db) == expected
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*), count(DISTINCT source), count(DISTINCT sha256) FROM review").fetchone() \
        == (REVIEWS, REVIEWS, REVIEWS)
    conn.close()
