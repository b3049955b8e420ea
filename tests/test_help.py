"""What `--help` tells a newcomer: every option described, words that hold for the
command they are shown on, the rules the code follows stated as it follows them."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from archive.cli import cli


def help_of(*command: str) -> str:
    result = CliRunner().invoke(cli, [*command, "--help"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return " ".join(result.stdout.split())  # the words, wrapped as they may be


def test_ingest_help_states_the_rule_for_binary_data():
    shown = help_of("ingest")
    assert "NUL byte" in shown
    assert "more than 3 control characters" in shown and "1 in 4" in shown and "1 in 20" in shown
    assert "however short the text" in shown


ENTITY_OPTIONS = [(("query", "reviews"), ("--person", "--character", "--film", "--reviewed")),
                  (("query", "sentences"), ("--person", "--character", "--film")),
                  (("query", "persons"), ("--person", "--with", "--film")),
                  (("query", "films"), ("--film", "--person")),
                  (("query", "cast"), ("--film", "--person", "--character"))]


def option_help(command: tuple[str, ...], option: str) -> str:
    """The help of one option, as click writes it, from the command's own --help."""
    from archive.cli import cli as root

    ctx = click.Context(root)
    found = root
    for name in command:
        found = found.get_command(ctx, name)
        ctx = click.Context(found, parent=ctx)
    (param,) = [p for p in found.params if option in p.opts]
    record = param.get_help_record(ctx)
    assert record is not None and " ".join(record[1].split()) in help_of(*command)
    return record[1]


@pytest.mark.parametrize("command, options", ENTITY_OPTIONS, ids=lambda v: " ".join(v))
def test_every_entity_filter_says_how_names_match(command, options):
    for option in options:
        shown = option_help(command, option)
        word = "TITLE" if option in ("--film", "--reviewed") else "NAME"
        assert f"={word} the whole" in shown and "#ID by id" in shown, (command, option, shown)


def test_serve_describes_its_host_and_port():
    for option in ("--host", "--port"):
        record = option_help(("serve",), option)
        assert record and "listen on" in record


SNIPPETS = [("query", "sentences")]
NO_SNIPPETS = [("stats",), ("curation", "list"), ("db", "current"), ("query", "reviews"), ("query", "persons"),
               ("query", "mentions"), ("reanalyse",), ("show", "1")]


@pytest.mark.parametrize("command", SNIPPETS + NO_SNIPPETS, ids=" ".join)
def test_max_width_speaks_of_snippets_only_where_there_are_some(command):
    command = command[:1] if command[0] == "show" else command
    shown = option_help(command, "--max-width")
    assert ("for snippets" in shown) == (command in SNIPPETS), shown
