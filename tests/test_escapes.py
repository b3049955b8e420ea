"""Review text may hold escape sequences: it is stored exactly, printed for people with
its control characters shown (never obeyed), and given to programs exactly (issue 13)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner

from archive.cli import cli

TITLE = "\x1b]0;PWNED\x07"  # would retitle the terminal
CLEAR = "\x1b[2J"  # would clear it
# Invented; enough ordinary text around the escapes that ingest takes it as text.
FILLER = "Die Bilder bleiben lange im Gedächtnis, und das Meer rauscht ohne Ende.\n" * 8
TEXT = (f"Regisseur Jan Müller zeigt in „Kalte Ufer“ {TITLE} eine Küste im Nebel.\n"
        f"Sandra Hüller spielt {CLEAR} eine Ärztin am Meer.\n" + FILLER)
OUR_COLOURS = re.compile(r"\x1b\[[0-9;]*m")


def no_raw_controls(out: str, colour_codes: bool = False) -> bool:
    """Nothing a terminal would obey but, where allowed, the archive's own colour codes."""
    if colour_codes:
        out = OUR_COLOURS.sub("", out)
    return not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", out)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "kueste.txt").write_text(TEXT, encoding="utf-8")
    db = str(folder / "archive.db")
    done = CliRunner().invoke(cli, ["--db", db, "ingest", "-j", "1", str(folder / "kueste.txt")])
    assert done.exit_code == 0, done.output

    def run(*args):
        result = CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.stdout

    return run


def test_the_text_is_stored_exactly(hostile):
    assert json.loads(hostile("sql", "SELECT body FROM review", "--format", "json"))[0]["body"] == TEXT


def test_show_shows_the_escapes_and_still_marks_mentions(hostile):
    out = hostile("show", "1", "--no-color")
    assert no_raw_controls(out)
    assert "\\x1b]0;PWNED\\x07" in out and "\\x1b[2J" in out
    assert "[Sandra Hüller|person]" in out


def test_show_in_colour_prints_only_its_own_colour_codes(hostile):
    out = hostile("show", "1", "--color")
    assert no_raw_controls(out, colour_codes=True)
    assert "\\x1b]0;PWNED\\x07" in out and OUR_COLOURS.search(out)
    assert "\x1b[36m\x1b[1mSandra Hüller" in out or "\x1b[1m\x1b[36mSandra Hüller" in out


def test_show_json_csv_ndjson_stay_exact(hostile):
    assert json.loads(hostile("show", "1", "--format", "json"))["body"] == TEXT


@pytest.mark.parametrize("args", [("--text", "Ärztin"), ("--person", "hüller"), ("--text", "Küste")])
def test_sentence_snippets_show_the_escapes(hostile, args):
    out = hostile("query", "sentences", *args)
    assert no_raw_controls(out)
    assert "\\x1b[2J" in out or "\\x1b]0;PWNED\\x07" in out
    assert re.search(r"\[(Ärztin|Sandra Hüller|Küste)\]", out)


@pytest.mark.parametrize("args", [("--text", "Ärztin"), ("--person", "hüller")])
def test_snippets_in_colour_are_bold_with_the_text_escaped(hostile, monkeypatch, args):
    monkeypatch.setattr("archive.cli.query.colour", lambda flag=None: True)
    out = hostile("query", "sentences", *args)
    assert no_raw_controls(out, colour_codes=True)
    assert "\\x1b[2J" in out
    assert re.search("\x1b\\[1m(Ärztin|Sandra Hüller)\x1b\\[0m", out)


@pytest.mark.parametrize("args", [("--text", "Ärztin"), ("--person", "hüller")])
def test_sentences_for_programs_are_exact(hostile, args):
    rows = json.loads(hostile("query", "sentences", *args, "--format", "json"))
    assert rows and all(CLEAR in row["text"] for row in rows)


def test_sql_table_shows_the_escapes_and_programs_get_them_exactly(hostile):
    sql = "SELECT text AS \"col\x1b[2J\" FROM sentence WHERE text LIKE '%Küste%'"
    out = hostile("sql", sql)
    assert no_raw_controls(out)
    assert "\\x1b]0;PWNED\\x07" in out and "col\\x1b[2J" in out
    first = TEXT.splitlines()[0]
    assert json.loads(hostile("sql", sql, "--format", "json")) == [{"col\x1b[2J": first}]
    assert json.loads(hostile("sql", sql, "--format", "ndjson")) == {"col\x1b[2J": first}
    assert list(csv.reader(io.StringIO(hostile("sql", sql, "--format", "csv")))) == [["col\x1b[2J"], [first]]
