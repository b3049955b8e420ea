"""Options several commands share."""

from __future__ import annotations

import sys

import click

from archive.output import FORMATS


def format_option(f):
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="table for people; json, csv or ndjson for programs.")(f)


def limit_option(f):
    return click.option("--limit", type=click.IntRange(min=0), metavar="N", help="At most N rows.")(f)


def print_result(result, fmt: str) -> None:
    from archive.output import emit

    for note in result.notes:
        click.echo(note, err=True)
    emit(result.columns, result.rows, fmt, sys.stdout)


def reader(ctx: click.Context):
    from archive.db import open_readonly

    return open_readonly(ctx.find_root().obj)
