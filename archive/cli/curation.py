"""archive curation list: every decision the keeper made, with when."""

from __future__ import annotations

import click

from archive.cli.options import format_option, print_result, reader


@click.group("curation", short_help="The keeper's decisions: archive curation list.")
def command() -> None:
    """The keeper's decisions (merge, rename, retype, alias, drop-mention)."""


@command.command("list", short_help="Every decision, oldest first.")
@format_option
@click.pass_context
def list_(ctx, fmt):
    """Every decision, oldest first: when it was made, what it does, which entity the
    name now leads to. All of them are applied whenever reviews are analysed."""
    from archive import curation

    print_result(curation.decisions(reader(ctx)), fmt)
