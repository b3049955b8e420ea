"""Options several commands share, and printing a Result."""

from __future__ import annotations

import os
import sys

import click

from archive.output import FORMATS, MAX_CELL, WIDE_COLUMNS


_LAYOUT = "archive.layout"  # ctx.meta key of the options below, which print_result reads


def _remember(ctx: click.Context, param: click.Parameter, value):
    ctx.meta.setdefault(_LAYOUT, {})[param.name] = value
    return value


def layout_options(f=None, *, snippets: str | None = None):
    """--no-headers and --max-width, on every command that prints rows. They reach
    print_result through the click context, so no command has to pass them on.
    snippets: what the wider cut of a snippet column applies to, on a command that has
    one (`@layout_options(snippets="snippets")`); a command without says nothing of it."""
    if f is None:
        return lambda f: layout_options(f, snippets=snippets)
    wide = f", {WIDE_COLUMNS['snippet']} for {snippets}" if snippets else ""
    f = click.option("--max-width", type=click.IntRange(min=0), metavar="N", expose_value=False, callback=_remember,
                     help=f"Cut table cells at N characters; 0 shows them whole.  [default: {MAX_CELL}{wide}]")(f)
    return click.option("--no-headers", is_flag=True, expose_value=False, callback=_remember,
                        help="No header line in csv and table.")(f)


def format_option(f=None, *, snippets: str | None = None):
    """--format with the layout options: `@format_option`, or `@format_option(snippets=...)`."""
    if f is None:
        return lambda f: format_option(f, snippets=snippets)
    f = layout_options(f, snippets=snippets)
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="table for people; json, csv or ndjson for programs.")(f)


# SQLite's integers are 64-bit: a larger number given as a count or an id is bad usage
# (exit 2), not an OverflowError when it reaches SQLite. Every int option takes one of these.
SQLITE_MAX = 2**63 - 1
SQLITE_MIN = -(2**63)


class SQLiteInt(click.ParamType):
    """An integer SQLite can hold, checked as click.IntRange checks it (whose error names
    the bounds). Not an IntRange itself, so --help leaves out `[0<=x<=9223372036854775807]`,
    which tells a reader nothing."""

    name = "integer"

    def __init__(self, min: int, max: int):
        self.range = click.IntRange(min=min, max=max)

    def convert(self, value, param, ctx):
        return self.range.convert(click.INT.convert(value, param, ctx), param, ctx)


def count(minimum: int = 0) -> SQLiteInt:
    """A count (--limit, --top): from `minimum` to SQLite's largest integer."""
    return SQLiteInt(min=minimum, max=SQLITE_MAX)


ID = SQLiteInt(min=SQLITE_MIN, max=SQLITE_MAX)  # any id SQLite could hold; an unknown one is "no review N"


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
    """A name, title or search given as a filter: anything but empty (an empty one would match everything)."""

    name = "name"

    def convert(self, value, param, ctx):
        if value is None or not str(value).strip():
            self.fail("must not be empty", param, ctx)
        return super().convert(value, param, ctx)


NAME = NameType()


class EntityNameType(NameType):
    """The name of a person, character or film as a filter (archive.queries.selection):
    part of it, `=NAME` the whole, `#ID` by id. A `#` without a number is bad usage,
    not a name that matches nothing."""

    def convert(self, value, param, ctx):
        value = super().convert(value, param, ctx)
        text = value.strip()
        if text.startswith("#"):
            number = text[1:].strip()
            if not (number.isascii() and number.isdigit()):
                self.fail(f"{text!r}: # takes a number, the entity's id (as in '#12'); "
                          f"'={text}' finds that whole name", param, ctx)
            if int(number) > SQLITE_MAX:
                self.fail(f"{text} is no id: the largest is {SQLITE_MAX}", param, ctx)
        return value


ENTITY = EntityNameType()

_FILTER_HELP = {
    "person": "NAME: part of the name, =NAME the whole name, #ID by id; case and diacritics ignored.",
    "film": "TITLE: part of the title, =TITLE the whole title, #ID by id; case and diacritics ignored.",
}


def entity_filter(*decls: str, type: str, help: str, multiple: bool = False):
    """An option naming a person, character or film (--person, --character, --film,
    --with ...), with one help for how the name matches wherever it is taken."""
    kind = "film" if type == "film" else "person"
    return click.option(*decls, multiple=multiple, type=ENTITY, metavar="TITLE" if kind == "film" else "NAME",
                        help=f"{help}. {_FILTER_HELP[kind]}")


class DateType(click.ParamType):
    """A date or the start of one, as published dates are stored: 2013, 2013-07, 2013-07-18."""

    name = "date"

    def convert(self, value, param, ctx):
        from archive.meta import DATE_FORMS, real_date

        text = real_date(str(value))
        if text is None:
            self.fail(f"{value!r} is no real date: write {DATE_FORMS}", param, ctx)
        return text


DATE = DateType()


def colour(flag: bool | None = None) -> bool:
    """Colour marks in output for people: as --color/--no-color says, else off where
    NO_COLOR is set to anything (https://no-color.org) or stdout is not a terminal."""
    if flag is not None:
        return flag
    return not os.environ.get("NO_COLOR") and sys.stdout.isatty()


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
    emit(columns, rows, fmt, sys.stdout, highlight=highlight, **layout())


def layout() -> dict:
    """What --no-headers and --max-width asked for, as emit's keywords."""
    ctx = click.get_current_context(silent=True)
    given = ctx.meta.get(_LAYOUT, {}) if ctx else {}
    return {"headers": not given.get("no_headers"), "max_width": given.get("max_width")}


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


class writing:
    """`with writing(ctx) as conn:` one write transaction on the current schema; committed
    when the block ends, rolled back when it raises."""

    def __init__(self, ctx: click.Context):
        self.path = ctx.find_root().obj

    def __enter__(self):
        from archive.db import open_current

        self.conn = open_current(self.path)
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, kind, exc, tb):
        try:
            self.conn.execute("COMMIT" if kind is None else "ROLLBACK")
        finally:
            self.conn.close()
        return False


def curation_errors(f):
    """A decision that cannot be made (archive.curation.CurationError) is one line, exit 1."""
    import functools

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        from archive.curation import CurationError

        try:
            return f(*args, **kwargs)
        except CurationError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper
