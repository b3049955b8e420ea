"""A reader that stops early (`archive ... | head -1`, `| true`) is no error: every command
exits 0 and says nothing, as `head` expects (issue 13). Real processes and real pipes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

MANY = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c LIMIT 300000) SELECT x, 'Zeile ' || x FROM c"


def archive(db: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "archive", "--db", db, *args]


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "ndjson"])
def test_a_large_output_into_head_exits_0_quietly(archive_db, fmt):
    writer = subprocess.Popen(archive(archive_db, "sql", MANY, "--format", fmt),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    head = subprocess.Popen(["head", "-c", "1"], stdin=writer.stdout, stdout=subprocess.PIPE)
    writer.stdout.close()  # head alone holds the reading end now
    first, _ = head.communicate()
    err = writer.stderr.read()
    assert writer.wait() == 0 and err == b""
    assert len(first) == 1


COMMANDS = [
    ("query", "mentions"), ("query", "persons"), ("query", "films"), ("query", "reviews"), ("query", "cast"),
    ("query", "sentences", "--text", "Gosling"), ("query", "mentions", "--format", "json"),
    ("show", "1"), ("show", "1", "--format", "json"), ("stats",), ("stats", "--format", "csv"),
    ("db", "current"), ("sql", "SELECT * FROM review"), ("--help",), ("query", "--help"), ("--version",),
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_reader_that_has_gone_already_is_no_error(archive_db, args):
    """`archive ... | true`: the pipe is closed before the first byte is written."""
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(archive(archive_db, *args), stdout=write, stderr=subprocess.PIPE)
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (0, b"")


def test_an_error_still_says_so_with_the_pipe_closed(archive_db):
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(archive(archive_db, "sql", "SELECT * FROM nowhere"), stdout=write,
                              stderr=subprocess.PIPE, text=True)
    finally:
        os.close(write)
    assert done.returncode == 1 and "no such table" in done.stderr


@pytest.fixture
def archive_db(archive) -> str:
    return archive.path
