"""Options several commands share, and printing a Result."""

from __future__ import annotations

import sys

import click

from archive.output import FORMATS


def format_option(f):
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="table for people; json, csv or ndjson for programs.")(f)


def limit_option(f):
    return click.option("--limit", type=click.IntRange(min=0), metavar="N", help="At most N rows.")(f)


class NameType(click.ParamType):
    """A name or title given as a filter: anything but empty (an empty one would match everything)."""

    name = "name"

    def convert(self, value, param, ctx):
        if value is None or not str(value).strip():
            self.fail("must not be empty", param, ctx)
        return str(value)


NAME = NameType()


def colour(flag: bool | None = None) -> bool:
    """Colour marks in output for people: as --color/--no-color says, else when stdout is a terminal."""
    if flag is not None:
        return flag
    return sys.stdout.isatty()


def print_result(result, fmt: str, hide_in_table: tuple[str, ...] = (), highlight: bool = False) -> None:
    """Notes to stderr, rows to stdout. Columns in hide_in_table are left out of the table
    (they are long and repeat another column) but kept for programs. highlight: the rows
    carry archive.output.HIGHLIGHT marks, for a table to show in bold."""
    from archive.output import emit

    for note in result.notes:
        click.echo(note, err=True)
    columns, rows = result.columns, result.rows
    if fmt == "table" and hide_in_table:
        keep = [i for i, c in enumerate(columns) if c not in hide_in_table]
        columns = [columns[i] for i in keep]
        rows = (tuple(row[i] for i in keep) for row in rows)  # lazily: rows may be a cursor
    emit(columns, rows, fmt, sys.stdout, highlight=highlight)


def reader(ctx: click.Context):
    from archive.db import open_readonly

    return open_readonly(ctx.find_root().obj)


def require_review(conn, review_id: int | None) -> None:
    """An unknown review id is an error a user can fix (exit 1), not an empty answer."""
    from archive.queries import QueryError

    if review_id is not None and conn.execute("SELECT 1 FROM review WHERE id = ?", (review_id,)).fetchone() is None:
        raise QueryError(f"no review with id {review_id}")
