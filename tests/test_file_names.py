"""File names that are not UTF-8 never abort an ingest: stored with each undecodable
byte written as \\xHH (docs/schema.md), and printed the same way, as every file name in
ingest messages is (through archive.terminal.visible)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

from click.testing import CliRunner

from archive.cli import cli

TEXT = "Ryan Gosling spielt in „Drive“ einen Fahrer. Carey Mulligan ist Irene.\n"


def sources(db) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [row[0] for row in conn.execute("SELECT source FROM review ORDER BY id")]
    finally:
        conn.close()


def test_names_that_are_not_utf8_are_stored_and_printed_escaped(tmp_path):
    folder = os.fsencode(tmp_path / "reviews")
    os.mkdir(folder)
    for name, text in ((b"caf\xe9.txt", "Im Caf\u00e9. " + TEXT), (b"plain.txt", "Ganz normal. " + TEXT),
                       (b"\xff\xfe.md", "Zwei schlechte Bytes. " + TEXT)):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
            handle.write(text)
    given = os.path.join(os.fsencode(tmp_path), b"given-\xe9.txt")
    with open(given, "w", encoding="utf-8") as handle:
        handle.write("Direkt genannt. " + TEXT)
    db = tmp_path / "archive.db"
    # A real process: Python makes the arguments' bytes into str with os.fsdecode itself.
    done = subprocess.run([sys.executable, "-m", "archive", "--db", str(db), "ingest", "-j", "1", folder, given],
                          capture_output=True)
    err = done.stderr.decode("utf-8")  # what is printed is UTF-8 (ASCII here), whatever the names
    assert done.returncode == 0, err
    top = str(tmp_path / "reviews")
    assert err.splitlines()[-1] == "4 added, 0 unchanged, 0 refused"
    for shown in (f"{top}/caf\\xe9.txt", f"{top}/\\xff\\xfe.md", f"{top}/plain.txt", f"{tmp_path}/given-\\xe9.txt"):
        assert f"added {shown} review " in err
    assert sorted(sources(db)) == sorted([f"{top}/caf\\xe9.txt", f"{top}/\\xff\\xfe.md", f"{top}/plain.txt",
                                          f"{tmp_path}/given-\\xe9.txt"])


def test_control_characters_in_file_names_are_shown_not_obeyed(tmp_path):
    name = tmp_path / "evil\x1b]0;PWNED\x07.txt"
    name.write_text(TEXT, encoding="utf-8")
    bad = tmp_path / "bad\x1b[2J.txt"
    bad.write_bytes(b"")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "a.db"), "ingest", "-j", "1", str(tmp_path)])
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert f"added {tmp_path}/evil\\x1b]0;PWNED\\x07.txt review 1" in result.stderr
    assert f"refused {tmp_path}/bad\\x1b[2J.txt: empty" in result.stderr
    assert sources(tmp_path / "a.db") == [str(name)]  # stored exactly: it is valid UTF-8
