"""Options several commands share, and printing a Result."""

from __future__ import annotations

import sys

import click

from archive.output import FORMATS


def format_option(f):
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="table for people; json, csv or ndjson for programs.")(f)


# SQLite's integers are 64-bit: a larger number given as a count or an id is bad usage
# (exit 2), not an OverflowError when it reaches SQLite. Every int option takes one of these.
SQLITE_MAX = 2**63 - 1
SQLITE_MIN = -(2**63)


def count(minimum: int = 0) -> click.IntRange:
    """A count (--limit, --top): from `minimum` to SQLite's largest integer."""
    return click.IntRange(min=minimum, max=SQLITE_MAX)


ID = click.IntRange(min=SQLITE_MIN, max=SQLITE_MAX)  # any id SQLite could hold; an unknown one is "no review N"


class SecondsType(click.ParamType):
    """A time in seconds, more than zero (and a number: not nan)."""

    name = "seconds"

    def convert(self, value, param, ctx):
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        if not seconds > 0:  # also false for nan
            self.fail(f"{value!r} is not more than 0 seconds", param, ctx)
        return seconds


SECONDS = SecondsType()


def limit_option(f):
    return click.option("--limit", type=count(), metavar="N", help="At most N rows.")(f)


def review_option(f):
    return click.option("--review", type=ID, metavar="ID", help="Only in this review.")(f)


def text_error(value: str) -> str | None:
    """Why a string from the command line cannot go to SQLite: bytes that are not UTF-8
    (Python keeps them as lone surrogates, which no UTF-8 string can hold)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        byte = value[exc.start].encode("utf-8", "surrogateescape")[0]
        return f"is not UTF-8 text (byte \\x{byte:02x} at character {exc.start + 1}); give it in UTF-8"
    return None


class TextType(click.ParamType):
    """Text that goes into SQL (a query, a bound value): UTF-8 only."""

    name = "text"

    def convert(self, value, param, ctx):
        value = str(value)
        problem = text_error(value)
        if problem:
            self.fail(problem, param, ctx)
        return value


TEXT = TextType()


class NameType(TextType):
    """A name or title given as a filter: anything but empty (an empty one would match everything)."""

    name = "name"

    def convert(self, value, param, ctx):
        if value is None or not str(value).strip():
            self.fail("must not be empty", param, ctx)
        return super().convert(value, param, ctx)


NAME = NameType()


def print_result(result, fmt: str, hide_in_table: tuple[str, ...] = ()) -> None:
    """Notes to stderr, rows to stdout. Columns in hide_in_table are left out of the table
    (they are long and repeat another column) but kept for programs."""
    from archive.output import emit

    for note in result.notes:
        click.echo(note, err=True)
    columns, rows = result.columns, result.rows
    if fmt == "table" and hide_in_table:
        keep = [i for i, c in enumerate(columns) if c not in hide_in_table]
        columns = [columns[i] for i in keep]
        rows = [tuple(row[i] for i in keep) for row in rows]
    emit(columns, rows, fmt, sys.stdout)


def reader(ctx: click.Context, *, opener=None, timeout: float | None = None):
    """The database opened for reading (by `opener`, default archive.db.open_readonly),
    its statements stopped by Ctrl-C, or after `timeout` seconds (archive.cli.interrupt)."""
    from archive.cli.interrupt import watch
    from archive.db import open_readonly

    conn = (opener or open_readonly)(ctx.find_root().obj)
    watch(ctx, conn, timeout)
    return conn


def require_review(conn, review_id: int | None) -> None:
    """An unknown review id is an error a user can fix (exit 1), not an empty answer."""
    from archive.queries import QueryError

    if review_id is not None and conn.execute("SELECT 1 FROM review WHERE id = ?", (review_id,)).fetchone() is None:
        raise QueryError(f"no review with id {review_id}")
