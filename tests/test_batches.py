"""How an ingest's batches meet interrupts and failures (archive.batches): a signal that
comes while a review is stored waits for it, one that comes between transactions acts at
once, the handlers are given back, and a batch whose commit fails loses none of its other
reviews. The signals are real, sent by the process to itself at a known point of the
ingest (never after a time)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from archive import ingest as ingest_module

REVIEWS = 12
BATCH = 5


@pytest.fixture
def folder(tmp_path) -> Path:
    reviews = tmp_path / "reviews"
    reviews.mkdir()
    for i in range(REVIEWS):
        (reviews / f"r{i:02d}.txt").write_text(
            f"Kritik {i}: Regisseurin Ilse Varnhagen zeigt „Salzgarten {i}“.\nDer Abend dauert {i + 60} Minuten.\n",
            encoding="utf-8")
    return reviews


def in_archive(db: Path) -> list[str]:
    """The files of the reviews stored, each one whole (its sentences and mentions)."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM review r WHERE sentence_count <> (SELECT count(*) FROM sentence s"
                            " WHERE s.review_id = r.id) OR mention_count <> (SELECT count(*) FROM mention m"
                            " WHERE m.review_id = r.id)").fetchone() == (0,)
        return sorted(Path(source).name for (source,) in conn.execute("SELECT source FROM review"))
    finally:
        conn.close()


def storing_signals(monkeypatch, at: int, signum: int = signal.SIGINT) -> list[str]:
    """The `at`-th review stored (counted from 1) sends `signum` to this process half-way
    through storing, before its rows go in; returns the files whose storing was finished."""
    real, calls, finished = ingest_module._store, [], []

    def store(writer, prepared, *resolver):
        calls.append(prepared.source.label)
        if len(calls) == at:
            os.kill(os.getpid(), signum)
        result = real(writer, prepared, *resolver)
        finished.append(Path(prepared.source.label).name)
        return result

    monkeypatch.setattr(ingest_module, "_store", store)
    return finished


def test_an_interrupt_while_a_review_is_stored_waits_for_it_and_the_counts_say_what_is_stored(
        folder, tmp_path, monkeypatch):
    finished = storing_signals(monkeypatch, at=BATCH + 2)  # in the second batch
    outcomes = []
    db = tmp_path / "a.db"
    with pytest.raises(ingest_module.Interrupted) as stop:
        ingest_module.run([str(folder)], str(db), batch_size=BATCH, on_outcome=outcomes.append)
    assert finished[-1] == f"r{BATCH + 1:02d}.txt"  # the review under way was stored, then the interrupt
    assert stop.value.counts["added"] == BATCH  # the first batch; the second was rolled back
    assert in_archive(db) == [f"r{i:02d}.txt" for i in range(BATCH)]
    assert [o.status for o in outcomes] == ["added"] * BATCH
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # given back


def test_an_interrupt_between_transactions_acts_at_once(folder, tmp_path):
    """Said by on_outcome, after the first batch is committed: the ingest stops there."""
    outcomes = []

    def on_outcome(outcome) -> None:
        outcomes.append(outcome)
        if len(outcomes) == 1:
            os.kill(os.getpid(), signal.SIGINT)

    db = tmp_path / "a.db"
    with pytest.raises(ingest_module.Interrupted) as stop:
        ingest_module.run([str(folder)], str(db), batch_size=BATCH, on_outcome=on_outcome)
    assert stop.value.counts["added"] == BATCH
    assert len(in_archive(db)) == BATCH
    assert len(outcomes) == 1  # the signal took effect in the very call that said the first outcome


def test_the_handlers_are_given_back_after_an_ingest(folder, tmp_path):
    before = signal.getsignal(signal.SIGTERM)
    counts = ingest_module.run([str(folder)], str(tmp_path / "a.db"), batch_size=BATCH)
    assert counts["added"] == REVIEWS
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    assert signal.getsignal(signal.SIGTERM) == before


def test_sigterm_with_its_default_action_ends_the_process_after_the_review(folder, tmp_path):
    """Outside the command line SIGTERM keeps its default action: it ends the process once
    the review under way is stored, with nothing of the batch committed."""
    db = tmp_path / "a.db"
    script = ("import os, signal\n"
              "from archive import ingest\n"
              "real = ingest._store\n"
              "def store(writer, prepared, *resolver):\n"
              "    if prepared.source.label.endswith('r07.txt'):\n"
              "        os.kill(os.getpid(), signal.SIGTERM)\n"
              "        print('stored', flush=True)\n"  # still runs: the signal waits for the review
              "    return real(writer, prepared, *resolver)\n"
              "ingest._store = store\n"
              f"ingest.run([{str(folder)!r}], {str(db)!r}, batch_size={BATCH})\n"
              "print('not reached', flush=True)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == -signal.SIGTERM, done.stderr
    assert done.stdout == "stored\n"
    assert in_archive(db) == [f"r{i:02d}.txt" for i in range(BATCH)]


def test_a_batch_whose_commit_fails_is_stored_one_by_one_and_only_its_culprit_is_refused(
        folder, tmp_path, monkeypatch):
    """One review leaves a row that breaks a deferred foreign key, so its batch fails at
    COMMIT (not while storing): each of that batch's reviews then goes in a transaction of
    its own, and only that one is refused."""
    real = ingest_module._store

    def store(writer, prepared, *resolver):
        result = real(writer, prepared, *resolver)
        if prepared.source.label.endswith("r06.txt"):
            writer.conn.execute("PRAGMA defer_foreign_keys = ON")
            writer.conn.execute("INSERT INTO review_film (review_id, film_id, position) VALUES (?, 999999, 9)",
                                (result[1].review_id,))
        return result

    monkeypatch.setattr(ingest_module, "_store", store)
    outcomes = []
    db = tmp_path / "a.db"
    counts = ingest_module.run([str(folder)], str(db), batch_size=BATCH, on_outcome=outcomes.append)
    assert counts == {"added": REVIEWS - 1, "updated": 0, "moved": 0, "unchanged": 0, "refused": 1}
    assert [Path(o.source.label).name for o in outcomes] == [f"r{i:02d}.txt" for i in range(REVIEWS)]
    refused = [o for o in outcomes if o.status == "refused"]
    assert [Path(o.source.label).name for o in refused] == ["r06.txt"]
    assert refused[0].message.startswith("cannot store: FOREIGN KEY constraint failed")
    assert in_archive(db) == [f"r{i:02d}.txt" for i in range(REVIEWS) if i != 6]
