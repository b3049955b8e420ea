"""`archive check`: a sound database passes (exit 0); each kind of damage is reported
(on stdout, one line per problem) with exit status 1."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli

SEED = Path(__file__).resolve().parent.parent / "seeds" / "drive-refn.txt"


@pytest.fixture(scope="module")
def sound(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("check") / "sound.db"
    result = CliRunner().invoke(cli, ["--db", str(path), "ingest", str(SEED)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def check(path: Path):
    return CliRunner().invoke(cli, ["--db", str(path), "check"], catch_exceptions=False)


def damaged(sound: Path, tmp_path: Path, *statements: str) -> Path:
    path = tmp_path / "damaged.db"
    shutil.copy(sound, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA ignore_check_constraints = ON")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return path


def test_a_sound_database_passes(sound):
    result = check(sound)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    counts, ok = result.stderr.splitlines()
    assert re.fullmatch(r"1 reviews, 23 sentences, [1-9]\d* mentions", counts)
    assert ok == "ok"


@pytest.mark.parametrize(
    "statements, report",
    [
        (["UPDATE mention SET surface = 'Ryan Goslinx' WHERE surface = 'Ryan Gosling'"],
         "mention text differs from the review"),
        (["DELETE FROM sentence WHERE position = 3"], "foreign key: mention"),
        (["UPDATE mention SET start_char = start_char + 1, end_char = end_char + 1 WHERE id = 1"],
         "mention text differs from the review"),
        (["UPDATE mention SET sentence_id = (SELECT max(id) FROM sentence) WHERE id = 1"], "mention outside its sentence"),
        (["UPDATE review SET body = body || ' '"], "does not match its sha256"),
        (["UPDATE sentence SET end_char = end_char - 1 WHERE position = 0"], "sentence text differs"),
        (["DELETE FROM mention", "DELETE FROM sentence"], "review without sentences"),
        (["INSERT INTO sentence_fts (sentence_fts, rowid, text) SELECT 'delete', id, text FROM sentence WHERE id = 1"],
         "full-text index"),
        (["UPDATE mention SET film_id = 1 WHERE person_id IS NOT NULL AND id = (SELECT min(id) FROM mention"
          " WHERE person_id IS NOT NULL)"], "mention with no entity or two"),
        (["DELETE FROM mention WHERE id = 1"], "stored counts differ"),
    ],
    ids=["surface", "sentence deleted", "offsets shifted", "wrong sentence", "body changed", "sentence offsets",
         "no sentences", "fts", "two entities", "counts"],
)
def test_damage_is_reported_with_exit_1(sound, tmp_path, statements, report):
    path = damaged(sound, tmp_path, *statements)
    result = check(path)
    assert result.exit_code == 1
    assert report in result.stdout, result.stdout
    assert "problem(s) found" in result.stderr
    assert "Traceback" not in result.output


def test_check_does_not_change_the_database(sound, tmp_path):
    path = damaged(sound, tmp_path, "UPDATE mention SET surface = 'x' WHERE id = 2")
    before = path.read_bytes()
    assert check(path).exit_code == 1
    assert path.read_bytes() == before


def test_zeroed_full_text_blocks_are_found_though_the_counts_agree(sound, tmp_path):
    # Every leaf block of the index zeroed (ids 1 and 10 are FTS5's structure and averages records).
    path = damaged(sound, tmp_path, "UPDATE sentence_fts_data SET block = zeroblob(length(block)) WHERE id > 10")
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT (SELECT count(*) FROM sentence) = (SELECT count(*) FROM sentence_fts_docsize)"
                        ).fetchone() == (1,)  # what the count comparison sees: nothing wrong
    assert conn.execute("SELECT count(*) FROM sentence WHERE text LIKE '%Gosling%'").fetchone()[0] > 0
    assert conn.execute("SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'Gosling'").fetchone() == (0,)
    conn.close()
    before = path.read_bytes()
    result = check(path)
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    assert line.startswith("full-text index sentence_fts is damaged, search misses sentences (FTS5 integrity-check: ")
    assert line.endswith("rebuild it with INSERT INTO sentence_fts (sentence_fts) VALUES ('rebuild')")
    assert path.read_bytes() == before  # checked on a copy: the archive was only read
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO sentence_fts (sentence_fts) VALUES ('rebuild')")  # the fix the line names
    conn.commit()
    conn.close()
    assert check(path).exit_code == 0
