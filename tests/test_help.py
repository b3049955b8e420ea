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


def every_command(group: click.Group = cli, path: tuple[str, ...] = ()):
    """Every command and group under `group`, as the words that call it."""
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield path + (name,)
        if isinstance(command, click.Group):
            yield from every_command(command, path + (name,))


COMMANDS = list(every_command())


@pytest.mark.parametrize("group", [(), *[c for c in COMMANDS if c in (("query",), ("entity",), ("db",),
                                                                       ("curation",), ("mention",))]], ids=" ".join)
def test_a_groups_list_of_commands_shows_each_description_whole(group):
    result = CliRunner().invoke(cli, [*group, "--help"], terminal_width=80)
    listed = result.stdout.split("Commands:\n", 1)[1].splitlines()
    assert listed and all(not line.rstrip().endswith("...") for line in listed), listed


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_help_describes_each_option_without_64_bit_noise(command):
    shown = help_of(*command)
    assert "9223372036854775807" not in shown
    found = cli
    ctx = click.Context(cli)
    for name in command:
        found = found.get_command(ctx, name)
    for param in found.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert param.help, (command, param.opts)


def test_query_persons_type_offers_the_words_for_an_entitys_type():
    shown = option_help(("query", "persons"), "--type")
    assert "[person|character]" in help_of("query", "persons") and "real" in shown  # the old spelling, explained
