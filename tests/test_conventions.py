"""The conventions people bring from other tools (issue 12): `sql -` reads stdin,
NO_COLOR, --no-headers, whole cells with --max-width 0, shell completion."""

from __future__ import annotations

import csv
import io
import os
import pty
import re
import select
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from archive.cli import cli
from tests.conftest import STURM, lines

ROW_COMMANDS = [("query", "reviews"), ("query", "persons"), ("query", "films"), ("query", "sentences"),
                ("query", "mentions"), ("query", "cast"), ("sql",), ("stats",), ("show",), ("db", "current")]


# --- archive sql - -----------------------------------------------------------------------------

def test_sql_dash_reads_the_statement_from_stdin(archive):
    result = CliRunner().invoke(cli, ["--db", archive.path, "sql", "-", "--format", "csv"],
                                input="SELECT count(*) AS n\nFROM review\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"n\n{len(archive.ids)}\n"


def test_sql_dash_binds_params_and_refuses_writes_as_ever(archive):
    run = lambda sql, *args: CliRunner().invoke(cli, ["--db", archive.path, "sql", "-", *args], input=sql)  # noqa: E731
    assert run("SELECT :a AS a", "-p", "a=x", "--format", "csv").stdout == "a\nx\n"
    refused = run("DELETE FROM review")
    assert refused.exit_code == 1 and "only reads" in refused.stderr


def test_sql_on_stdin_that_is_not_utf8_is_one_line(archive):
    result = CliRunner().invoke(cli, ["--db", archive.path, "sql", "-"], input=b"SELECT '\xff'")
    assert result.exit_code == 1 and "not UTF-8" in result.stderr and len(result.stderr.splitlines()) == 1


def test_sql_dash_needs_no_deprecated_click_stream(archive, monkeypatch):
    """click.get_binary_stream is deprecated (gone in Click 9): stdin is read without it."""
    import click

    def removed(name):
        raise AttributeError("click.get_binary_stream was removed in Click 9")

    monkeypatch.setattr(click, "get_binary_stream", removed)
    result = CliRunner().invoke(cli, ["--db", archive.path, "sql", "-", "--format", "csv"], input=b"SELECT 'ok' AS a")
    assert result.exit_code == 0, result.output
    assert result.stdout == "a\nok\n"


# --- colour: a terminal, NO_COLOR --------------------------------------------------------------

def in_terminal(args: list[str], **env: str) -> str:
    """What `archive args` writes to a real terminal (a pseudo-terminal as its stdout)."""
    master, slave = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | env
    proc = subprocess.Popen([sys.executable, "-m", "archive", *args], stdout=slave, stderr=subprocess.PIPE,
                            env=environment)
    os.close(slave)
    chunks = []
    while True:
        select.select([master], [], [], 300)  # the deadline only keeps a broken test from hanging
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child has closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert proc.wait() == 0, proc.stderr.read()
    return b"".join(chunks).decode()


COLOURED = [("show", "{sturm}"), ("query", "sentences", "--text", "Eidinger")]


@pytest.mark.parametrize("args", COLOURED, ids=" ".join)
def test_a_terminal_gets_colour_and_no_color_turns_it_off(archive, args):
    args = ["--db", archive.path, *[a.format(**archive.ids) for a in args]]
    assert "\x1b[" in in_terminal(args)
    plain = in_terminal(args, NO_COLOR="1")
    assert "\x1b[" not in plain and ("[Lars Eidinger|person]" in plain or "[Eidinger]" in plain)
    assert "\x1b[" in in_terminal(args, NO_COLOR="")  # set but empty: not asked for, as no-color.org says


@pytest.mark.parametrize("args", COLOURED, ids=" ".join)
def test_no_colour_where_stdout_is_not_a_terminal(archive, args):
    args = [a.format(**archive.ids) for a in args]
    done = subprocess.run([sys.executable, "-m", "archive", "--db", archive.path, *args], capture_output=True,
                          text=True, env={k: v for k, v in os.environ.items() if k != "NO_COLOR"})
    assert done.returncode == 0 and "\x1b" not in done.stdout


def test_color_flag_outranks_no_color(archive):
    result = archive.run("show", str(archive.ids["sturm"]), "--color", env={"NO_COLOR": "1"})
    assert "\x1b[" in result.stdout


# --- --no-headers ------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["csv", "table"])
def test_no_headers(archive, fmt):
    with_header = archive.run("query", "persons", "--format", fmt).stdout.splitlines()
    without = archive.run("query", "persons", "--format", fmt, "--no-headers").stdout.splitlines()
    if fmt == "csv":
        assert with_header[0].startswith("id,") and without == with_header[1:]
    else:  # the widths may differ: a header can be wider than its cells
        assert with_header[0].split()[0] == "id" and set(with_header[1]) == {"-", " "}
        assert [line.split() for line in without] == [line.split() for line in with_header[2:]]


def test_no_headers_on_sql_stats_and_show(archive):
    assert archive.run("sql", "SELECT 1 AS a, 2 AS b", "--no-headers", "--format", "csv").stdout == "1,2\n"
    assert archive.run("sql", "SELECT 1 AS a, 2 AS b", "--no-headers").stdout == "1  2\n"
    stats = list(csv.reader(io.StringIO(archive.run("stats", "--format", "csv", "--no-headers").stdout)))
    assert stats[0][0] == "count"
    review = str(archive.ids["sturm"])
    show = archive.run("show", review, "--format", "csv", "--no-headers").stdout
    assert not show.startswith("review_id") and len(show.splitlines()) == len(archive.json("show", review)["mentions"])


# --- whole cells -------------------------------------------------------------------------------

def test_max_width_0_shows_cells_whole_and_n_cuts_at_n(archive):
    sentence = max(lines(STURM), key=len)
    sql = ["sql", "SELECT text FROM sentence WHERE text = :t", "-p", f"t={' '.join(sentence.split())}"]
    assert len(sentence) > 80
    assert archive.run(*sql).stdout.splitlines()[2] == sentence[:79] + "…"
    assert archive.run(*sql, "--max-width", "0").stdout.splitlines()[2] == sentence
    assert archive.run(*sql, "--max-width", "30").stdout.splitlines()[2] == sentence[:29] + "…"


def test_snippets_shown_whole(archive):
    out = archive.run("query", "sentences", "--person", "hüller", "--max-width", "0").stdout
    for sentence in [s for s in lines(STURM) if "Hüller" in s]:
        assert sentence.replace("Sandra Hüller", "[Sandra Hüller]") in out


@pytest.mark.parametrize("command", ROW_COMMANDS, ids=" ".join)
def test_every_command_that_prints_rows_has_the_same_layout_options(archive, command):
    text = archive.run(*command, "--help").stdout
    assert "--no-headers" in text and "--max-width" in text


# --- shell completion --------------------------------------------------------------------------

def complete(words: str) -> list[str]:
    env = os.environ | {"_ARCHIVE_COMPLETE": "bash_complete", "COMP_WORDS": words,
                        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
    done = subprocess.run([sys.executable, "-m", "archive"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return [line.split(",", 1)[1] for line in done.stdout.splitlines()]


def test_completion_offers_commands_options_and_formats():
    assert complete("archive qu") == ["query"]
    assert "sentences" in complete("archive query ")
    assert "--max-width" in complete("archive sql --ma")
    assert complete("archive query persons --format ") == ["table", "json", "csv", "ndjson"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_for_each_shell(shell):
    env = os.environ | {"_ARCHIVE_COMPLETE": f"{shell}_source"}
    done = subprocess.run([sys.executable, "-m", "archive"], env=env, capture_output=True, text=True)
    assert done.returncode == 0 and "_ARCHIVE_COMPLETE" in done.stdout


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash on this machine")
def test_the_readme_line_registers_completion_in_bash(tmp_path):
    # `archive` as the README's line runs it: the console script beside this Python.
    script = 'eval "$(_ARCHIVE_COMPLETE=bash_source archive)"; complete -p archive'
    env = os.environ | {"PATH": f"{os.path.dirname(sys.executable)}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert re.search(r"complete .*-F _archive_completion.* archive", done.stdout)
