"""The command line: every read command in every format, --limit, exit statuses and
one-line errors, the read-only `archive sql`, `archive show`, `archive stats`,
`archive db`, and where the database is."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli
from tests.conftest import REGEN, STURM, UFER, file_digest, lines

READ_COMMANDS = [
    ("query", "reviews"),
    ("query", "reviews", "--person", "hüller"),
    ("query", "persons"),
    ("query", "persons", "--with", "hüller"),
    ("query", "films"),
    ("query", "sentences"),
    ("query", "sentences", "--text", "Gewalt*"),
    ("query", "sentences", "--person", "ller"),
    ("query", "mentions"),
    ("query", "cast"),
    ("sql", "SELECT id, name, kind FROM person ORDER BY id"),
    ("sql", "SELECT * FROM mention_detail"),
]


def user_error(result, *words: str) -> None:
    """Exit 1, nothing on stdout, one line on stderr, no traceback."""
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("Error: ")
    assert "Traceback" not in result.output
    for word in words:
        assert word in result.stderr


def usage_error(result) -> None:
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert "Error" in result.stderr


# --- formats -------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", READ_COMMANDS, ids=" ".join)
def test_every_format_carries_the_same_rows(archive, command):
    rows = archive.json(*command)
    assert isinstance(rows, list) and rows, "each command finds something in the test archive"
    columns = list(rows[0])

    as_csv = archive.run(*command, "--format", "csv")
    assert as_csv.exit_code == 0
    reader = csv.reader(io.StringIO(as_csv.stdout))
    assert next(reader) == columns  # a header
    assert list(reader) == [["" if v is None else str(v) for v in row.values()] for row in rows]

    as_ndjson = archive.run(*command, "--format", "ndjson")
    assert as_ndjson.exit_code == 0
    assert [json.loads(line) for line in as_ndjson.stdout.splitlines()] == rows  # one object per line

    table = archive.run(*command)  # table is the default
    assert table.exit_code == 0
    head, rule, *body = table.stdout.splitlines()
    assert set(head.split()) <= set(columns) and head.split()[0] == columns[0]
    assert set(rule.replace(" ", "")) == {"-"}
    assert len(body) == len(rows)


@pytest.mark.parametrize("command", READ_COMMANDS, ids=" ".join)
def test_limit(archive, command):
    everything = archive.json(*command)
    assert archive.json(*command, "--limit", "2") == everything[:2]
    assert archive.json(*command, "--limit", "0") == []


@pytest.mark.parametrize("fmt, expected", [("json", "[]"), ("ndjson", ""), ("table", None), ("csv", None)])
def test_an_empty_result_is_success(archive, fmt, expected):
    result = archive.run("query", "sentences", "--text", "Zeppelin", "--format", fmt)
    assert result.exit_code == 0
    if expected is not None:
        assert result.stdout.strip() == expected
    else:  # a header, no rows
        assert "review_id" in result.stdout.splitlines()[0]
        assert len(result.stdout.splitlines()) == (2 if fmt == "table" else 1)


def test_sentences_table_shows_review_and_highlighted_snippet(archive):
    result = archive.run("query", "sentences", "--text", "Eidinger")
    assert result.exit_code == 0
    head, _, *body = result.stdout.splitlines()
    assert head.split() == ["review_id", "position", "snippet"]
    expected = [s for s in lines(STURM) if "Eidinger" in s]
    assert len(body) == len(expected)
    for row in body:
        assert row.split()[0] == str(archive.ids["sturm"])
        assert "[Eidinger]" in row
    by_person = archive.run("query", "sentences", "--person", "eidinger").stdout
    assert by_person.splitlines()[0].split() == ["review_id", "position", "matched", "snippet"]
    assert by_person.count("[Lars Eidinger]") == len(expected)


def test_json_of_mentions_has_the_shape_score_py_reads(archive):
    rows = archive.json("query", "mentions")
    for row in rows:
        assert {"review_id", "sentence_id", "start_char", "end_char", "text", "type", "name"} <= set(row)
        assert row["type"] in ("person", "character", "film")
        assert isinstance(row["start_char"], int) and isinstance(row["end_char"], int)


# --- errors and exit statuses ----------------------------------------------------------------------

@pytest.mark.parametrize("query", ['"unterminated', "AND", "Gewalt AND", "nosuchcolumn:x", "(Gewalt",
                                   "x' OR 1=1 --", "*"])
def test_a_malformed_search_is_one_line_and_exit_1(archive, query):
    user_error(archive.run("query", "sentences", "--text", query), "search query")
    user_error(archive.run("query", "reviews", "--text", query, "--format", "json"), "search query")


@pytest.mark.parametrize("command", [
    ("show", "999"),
    ("query", "sentences", "--review", "999"),
    ("query", "mentions", "--review", "999"),
    ("query", "persons", "--review", "999"),
    ("query", "films", "--review", "999"),
])
def test_an_unknown_review_id_is_an_error(archive, command):
    user_error(archive.run(*command), "999")


@pytest.mark.parametrize("command", [
    ("query", "persons", "--kind", "alien"),
    ("query", "persons", "--format", "xml"),
    ("query", "mentions", "--limit", "-1"),
    ("query", "mentions", "--limit", "many"),
    ("query", "mentions", "--type", "dog"),
    ("query", "sentences", "--person", ""),
    ("query", "sentences", "--text", "  "),
    ("query", "nosuch"),
    ("show", "abc"),
    ("show",),
    ("sql",),
    ("sql", "SELECT 1", "--param", "novalue"),
    ("stats", "--top", "-3"),
])
def test_bad_usage_is_exit_2(archive, command):
    usage_error(archive.run(*command))


def test_no_database_is_an_error_naming_it(tmp_path):
    missing = tmp_path / "nothing.db"
    result = CliRunner().invoke(cli, ["--db", str(missing), "query", "persons"])
    user_error(result, str(missing))
    assert not missing.exists()


def test_a_file_that_is_not_a_database_is_an_error(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_text("no database here\n" * 100)
    user_error(CliRunner().invoke(cli, ["--db", str(junk), "query", "persons"]))
    user_error(CliRunner().invoke(cli, ["--db", str(junk), "db", "current"]))


def test_an_unexpected_failure_is_still_one_line(archive, monkeypatch):
    from archive import queries

    def broken(*args, **kwargs):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(queries, "persons", broken)
    monkeypatch.delenv("ARCHIVE_DEBUG", raising=False)
    user_error(archive.run("query", "persons"), "internal error", "boom")
    with pytest.raises(RuntimeError):  # and the traceback for whoever asks
        archive.run("query", "persons", env={"ARCHIVE_DEBUG": "1"})


# --- archive sql ----------------------------------------------------------------------------------

def test_sql_binds_params(archive):
    rows = archive.json("sql", "SELECT name, kind FROM person WHERE name = :n", "--param", "n=Sandra Hüller")
    assert rows == [{"name": "Sandra Hüller", "kind": "person"}]
    rows = archive.json("sql", "SELECT :a || '+' || :b AS both", "-p", "a=x=y", "-p", "b=")
    assert rows == [{"both": "x=y+"}]  # a value may hold '=', or be empty
    hostile = archive.json("sql", "SELECT * FROM person WHERE name = :n", "-p", "n=x' OR 1=1 --")
    assert hostile == []


def test_sql_missing_param_and_bad_sql_are_errors(archive):
    user_error(archive.run("sql", "SELECT * FROM person WHERE name = :n"))
    user_error(archive.run("sql", "SELECT * FROM nosuch"), "nosuch")
    user_error(archive.run("sql", "SELEKT 1"))
    user_error(archive.run("sql", ""))


WRITES = [
    "DROP TABLE mention",
    "DELETE FROM person",
    "INSERT INTO film (title, title_key) VALUES ('x', 'x')",
    "UPDATE person SET name = 'x'",
    "ATTACH DATABASE '{tmp}/other.db' AS other",
    "PRAGMA user_version = 7",
    "PRAGMA journal_mode = DELETE",
    "PRAGMA foreign_keys = OFF",
    "PRAGMA query_only = OFF",
    "PRAGMA writable_schema = ON",
    "CREATE TABLE x (y)",
    "CREATE TEMP TABLE x (y)",
    "CREATE INDEX ix_x ON person (kind)",
    "ALTER TABLE person ADD COLUMN x",
    "VACUUM",
    "VACUUM INTO '{tmp}/copy.db'",
    "REINDEX",
    "ANALYZE",
    "BEGIN",
    "INSERT INTO sentence_fts (sentence_fts) VALUES ('rebuild')",
    "REPLACE INTO film (id, title, title_key) VALUES (1, 'x', 'x')",
    "WITH x AS (SELECT 1) DELETE FROM mention",
    "SELECT 1; DELETE FROM mention",
]


@pytest.mark.parametrize("statement", WRITES)
def test_sql_refuses_every_write(archive, tmp_path, statement):
    counts = "SELECT (SELECT count(*) FROM review), (SELECT count(*) FROM person), (SELECT count(*) FROM mention)," \
             " (SELECT count(*) FROM sqlite_master)"
    before = archive.sql(counts)
    result = archive.run("sql", statement.format(tmp=tmp_path))
    user_error(result)
    assert archive.sql(counts) == before
    assert archive.sql("PRAGMA user_version") == [(0,)]
    assert list(tmp_path.iterdir()) == []  # no file made by ATTACH or VACUUM INTO
    # (the archive fixture checks the file's hash after the test)


def test_sql_allows_reading_pragmas(archive):
    columns = [r["name"] for r in archive.json("sql", "PRAGMA table_info(mention)")]
    assert columns[:6] == ["id", "review_id", "sentence_id", "start_char", "end_char", "surface"]
    same = archive.json("sql", "SELECT name FROM pragma_table_info('mention')")
    assert [r["name"] for r in same] == columns
    assert archive.json("sql", "PRAGMA foreign_keys") == [{"foreign_keys": 1}]


# --- archive show ---------------------------------------------------------------------------------

def test_show_marks_every_mention_and_nothing_else(archive):
    review = archive.ids["sturm"]
    result = archive.run("show", str(review), "--no-color")
    assert result.exit_code == 0
    out = result.stdout
    for marked in ("[Jan Müller|person]", "[Lena|character]", "[Der stille Sturm|film]", "[Müller|person]"):
        assert marked in out
    # Take the marks away and the review is there, whole.
    unmarked = re.sub(r"\[([^\[\]|]*)\|(?:person|character|film)\]", r"\1", out)
    assert STURM.rstrip("\n") in unmarked
    assert "\033[" not in out


def test_show_in_colour(archive):
    out = archive.run("show", str(archive.ids["sturm"]), "--color").stdout
    assert "\033[" in out and "|person]" not in out


def test_show_limit(archive):
    out = archive.run("show", str(archive.ids["sturm"]), "--no-color", "--limit", "1").stdout
    assert "Regisseur [Jan Müller|person]" in out and "Eidinger" not in out


def test_show_formats(archive):
    review = archive.ids["ufer"]
    data = archive.json("show", str(review))
    assert data["body"] == UFER and data["id"] == review
    assert [s["text"] for s in data["sentences"]] == [s for s in lines(UFER)]
    assert all(UFER[m["start_char"] : m["end_char"]] == m["text"] for m in data["mentions"])
    as_csv = archive.run("show", str(review), "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(as_csv)))
    assert [r["text"] for r in rows] == [m["text"] for m in data["mentions"]]
    as_ndjson = archive.run("show", str(review), "--format", "ndjson").stdout
    assert [json.loads(line) for line in as_ndjson.splitlines()] == data["mentions"]


def test_show_a_review_without_mentions(archive):
    result = archive.run("show", str(archive.ids["regen"]), "--no-color")
    assert result.exit_code == 0
    assert REGEN.rstrip("\n") in result.stdout and "|" not in result.stdout


# --- archive stats --------------------------------------------------------------------------------

def test_stats(archive):
    data = archive.json("stats")
    counts = data["counts"]
    assert counts["reviews"] == len(archive.texts)
    assert counts["sentences"] == sum(len(lines(t)) for t in archive.texts.values())
    assert counts["mentions"] == archive.sql("SELECT count(*) FROM mention")[0][0]
    assert counts["characters"] == archive.sql("SELECT count(*) FROM person WHERE kind = 'character'")[0][0]
    top = [t["mentions"] for t in data["top"]]
    assert top == sorted(top, reverse=True) and len(top) == 10
    assert top[0] == archive.sql("SELECT max(n) FROM (SELECT count(*) AS n FROM mention"
                                 " GROUP BY person_id, film_id)")[0][0]
    assert len(archive.json("stats", "--limit", "3")["top"]) == 3

    assert json.loads(archive.run("stats", "--format", "ndjson").stdout) == data
    rows = list(csv.DictReader(io.StringIO(archive.run("stats", "--format", "csv").stdout)))
    assert {r["type"]: int(r["count"]) for r in rows if r["section"] == "count"} == counts
    assert [int(r["count"]) for r in rows if r["section"] == "top"] == top
    table = archive.run("stats").stdout
    assert "reviews" in table and data["top"][0]["name"] in table


@pytest.mark.parametrize("top", [1, 3, 7, 10, 1000])
def test_stats_top_is_every_entity_ranked_by_mentions_then_name(archive, top):
    """The fast path cuts at the top's last count: ties there must still rank by name."""
    everything = archive.sql(
        "SELECT CASE WHEN m.film_id IS NOT NULL THEN 'film' WHEN p.kind = 'person' THEN 'person' ELSE 'character' END,"
        " coalesce(p.name, f.title), count(*), count(DISTINCT m.review_id) FROM mention m"
        " LEFT JOIN person p ON p.id = m.person_id LEFT JOIN film f ON f.id = m.film_id"
        " GROUP BY m.person_id, m.film_id")
    expected = sorted(everything, key=lambda r: (-r[2], r[1]))[:top]
    shown = [(r["type"], r["name"], r["mentions"], r["reviews"]) for r in archive.json("stats", "--top", str(top))["top"]]
    assert shown == [tuple(r) for r in expected]


# --- archive db -----------------------------------------------------------------------------------

def test_db_current(archive):
    revision = archive.sql("SELECT version_num FROM alembic_version")[0][0]
    [row] = archive.json("db", "current")
    assert row["revision"] == revision == row["head"] and row["state"] == "current"
    assert archive.run("db", "current").stdout.splitlines()[2].split()[1] == revision
    assert list(csv.DictReader(io.StringIO(archive.run("db", "current", "--format", "csv").stdout))) == [
        {k: str(v) for k, v in row.items()}]
    assert json.loads(archive.run("db", "current", "--format", "ndjson").stdout) == row


def test_db_upgrade_creates_the_schema_on_an_empty_file(tmp_path):
    db = str(tmp_path / "new.db")
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", db, "db", "upgrade"])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)
    names = {n for (n,) in conn.execute("SELECT name FROM sqlite_master")}
    (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    conn.close()
    assert {"review", "sentence", "person", "film", "mention", "role", "sentence_fts", "mention_detail",
            "entity_count"} <= names
    assert result.stdout == ""  # no rows: `db current` prints those
    assert result.stderr == f"{db}: schema now at {revision} (was none)\n"
    current = json.loads(runner.invoke(cli, ["--db", db, "db", "current", "--format", "json"]).stdout)
    assert current[0]["state"] == "current"
    # and an empty archive answers every question with nothing
    empty = runner.invoke(cli, ["--db", db, "query", "persons", "--format", "json"])
    assert empty.exit_code == 0 and json.loads(empty.stdout) == []


@pytest.mark.parametrize("command", [("db", "upgrade"), ("db", "downgrade", "base")])
def test_db_upgrade_and_downgrade_print_no_rows_so_take_no_output_options(tmp_path, command):
    for option in ("--format=csv", "--no-headers", "--max-width=5"):
        usage_error(CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), *command, option]))


def test_db_upgrade_to_an_unknown_revision_is_bad_usage(tmp_path):
    usage_error(CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "db", "upgrade", "nosuch"]))
    assert not (tmp_path / "x.db").exists()


# --- where the database is ------------------------------------------------------------------------

def test_db_option_then_environment_then_archive_db_in_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for name, text in (("a", STURM), ("b", REGEN), ("archive", "Ein Satz über Ole (Ryan Gosling).\n")):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        result = runner.invoke(cli, ["--db", f"{name}.db", "ingest", f"{name}.txt"], env={"ARCHIVE_DB": None})
        assert result.exit_code == 0, result.output

    def sources(args, env):
        result = runner.invoke(cli, [*args, "query", "reviews", "--format", "json"], env=env)
        assert result.exit_code == 0, result.output
        return [Path(r["source"]).name for r in json.loads(result.stdout)]  # stored resolved

    assert sources(["--db", "a.db"], {"ARCHIVE_DB": "b.db"}) == ["a.txt"]
    assert sources([], {"ARCHIVE_DB": "b.db"}) == ["b.txt"]
    assert sources([], {"ARCHIVE_DB": None}) == ["archive.txt"]
    assert sources([], {"ARCHIVE_DB": ""}) == ["archive.txt"]


def test_read_commands_leave_the_file_alone(archive):
    before = file_digest(archive.path)
    for command in READ_COMMANDS:
        assert archive.run(*command).exit_code == 0
    assert archive.run("show", "1").exit_code == 0 and archive.run("stats").exit_code == 0
    assert file_digest(archive.path) == before
    assert not Path(archive.path + "-journal").exists()


def test_the_example_queries_of_docs_schema_md_run(archive):
    from tests.conftest import ROOT

    doc = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    examples = re.findall(r"```sql\n(.*?)```", doc, re.S)
    assert len(examples) >= 5
    for sql in examples:
        if "substr(review.body" in sql:  # the invariant as a formula, not a query
            continue
        rows = archive.json("sql", sql.strip().rstrip(";"))
        assert rows, sql
        if "AS wrong" in sql:
            assert rows == [{"wrong": 0}]


def test_db_may_follow_the_command(archive, tmp_path):
    from archive.cli import global_options_first

    assert global_options_first(["query", "persons", "--db", "a.db", "--limit", "2"]) == \
        ["--db", "a.db", "query", "persons", "--limit", "2"]
    assert global_options_first(["stats", "--db=a.db"]) == ["--db=a.db", "stats"]
    assert global_options_first(["--db", "a.db", "stats"]) == ["--db", "a.db", "stats"]
    assert global_options_first(["ingest", "--", "--db"]) == ["ingest", "--", "--db"]


def test_a_folder_as_database_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path), "stats"])
    user_error(result, "is a folder")


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv", "table"])
def test_sql_prints_a_blob_as_hex(archive, fmt):
    result = archive.run("sql", "SELECT x'ff' AS b, 'x' AS t", "--format", fmt)
    assert result.exit_code == 0, result.output
    assert "FF" in result.stdout and "\\xff" not in result.stdout and "b'" not in result.stdout
    assert "hexadecimal" in archive.run("sql", "--help").stdout


def test_sql_keeps_columns_of_the_same_name(archive):
    assert archive.json("sql", "SELECT 1 AS a, 2 AS a") == [{"a": 1, "a_2": 2}]
    assert "a_2" in archive.run("sql", "--help").stdout
