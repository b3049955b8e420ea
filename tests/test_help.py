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
