"""Arguments SQLite cannot take are bad usage (exit 2) with one clear line, never an
OverflowError or UnicodeEncodeError: integers past SQLite's 64 bits, bytes that are
not UTF-8."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

BIG = str(2**63)  # one past SQLite's largest integer
HUGE = "99999999999999999999999"
LARGEST = str(2**63 - 1)


@pytest.mark.parametrize("args", [
    ("query", "persons", "--limit", BIG),
    ("query", "sentences", "--limit", HUGE),
    ("query", "mentions", "--review", BIG),
    ("query", "persons", "--review", HUGE),
    ("query", "films", "--review", "-" + HUGE),
    ("query", "sentences", "--review", BIG),
    ("show", HUGE),
    ("show", "1", "--limit", BIG),
    ("stats", "--top", BIG),
    ("sql", "SELECT 1", "--limit", HUGE),
    ("rm", HUGE),
    ("reanalyse", "1", BIG),
    ("mention", "drop", HUGE),
], ids=" ".join)
def test_an_integer_past_64_bits_is_bad_usage(archive, tmp_path, args):
    if args[0] in ("rm", "reanalyse", "mention"):  # commands that write: on a copy
        archive = archive.copy(tmp_path / "copy.db")
    result = archive.run(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == "" and "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "is not in the range" in errors[0] and LARGEST in errors[0], result.stderr


@pytest.mark.parametrize("option", ["--person", "--film", "--character"])
def test_an_entity_id_past_64_bits_is_bad_usage(archive, option):
    result = archive.run("query", "sentences", option, "#" + HUGE)
    assert result.exit_code == 2, result.output
    assert f"Error: Invalid value for '{option}': #{HUGE} is no id: the largest is {LARGEST}" in result.stderr


@pytest.mark.parametrize("args", [("show", LARGEST), ("query", "mentions", "--review", LARGEST),
                                  ("query", "persons", "--review", "-" + str(2**63))], ids=" ".join)
def test_the_largest_ids_are_no_review(archive, args):
    result = archive.run(*args)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Error: no review with id ") and result.stderr.count("\n") == 1


@pytest.mark.parametrize("args", [("query", "persons", "--limit", LARGEST), ("stats", "--top", LARGEST),
                                  ("sql", "SELECT 1 AS x", "--limit", LARGEST), ("show", "1", "--limit", LARGEST)],
                         ids=" ".join)
def test_the_largest_counts_still_work(archive, args):
    result = archive.run(*args)
    assert result.exit_code == 0, result.output


NOT_UTF8 = b"Sandra H\xfcller"  # Latin-1 bytes, as a shell in another locale passes them


@pytest.mark.parametrize("args", [
    (b"query", b"sentences", b"--person", NOT_UTF8),
    (b"query", b"sentences", b"--text", NOT_UTF8),
    (b"query", b"sentences", b"--character", b"\xff"),
    (b"query", b"reviews", b"--film", b"\xff"),
    (b"query", b"persons", b"--with", b"\xff"),
    (b"query", b"cast", b"--film", b"\xff"),
    (b"sql", b"SELECT '" + NOT_UTF8 + b"'"),
    (b"sql", b"SELECT :n", b"-p", b"n=" + NOT_UTF8),
], ids=lambda args: " ".join(a.decode("latin-1") for a in args))
def test_bytes_that_are_not_utf8_are_bad_usage(archive, args):
    # Through a real process: CliRunner takes str, and the fault was in turning argv bytes into SQL text.
    argv = [os.fsencode(sys.executable), b"-m", b"archive", b"--db", os.fsencode(archive.path), *args]
    proc = subprocess.run(argv, capture_output=True, timeout=300)
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == b"" and b"Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith(b"Error:")]
    assert len(errors) == 1, proc.stderr
    assert b"is not UTF-8 text (byte \\xfc" in errors[0] or b"is not UTF-8 text (byte \\xff" in errors[0], errors[0]


def test_utf8_arguments_still_match(archive):
    proc = subprocess.run([sys.executable, "-m", "archive", "--db", archive.path, "query", "sentences",
                           "--person", "Sandra Hüller", "--format", "csv"], capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "Sandra Hüller".encode() in proc.stdout


@pytest.mark.parametrize("args", [("entity", "show", HUGE), ("entity", "merge", HUGE, "--into", "1"),
                                  ("entity", "rename", "film:" + HUGE, "X")], ids=" ".join)
def test_an_entity_id_past_64_bits_is_no_entity(archive, tmp_path, args):
    copy = archive.copy(tmp_path / "copy.db")
    result = copy.run(*args)
    assert result.exit_code == 1, result.output
    assert result.stderr.count("\n") == 1 and "is no entity id: the largest is " + LARGEST in result.stderr
