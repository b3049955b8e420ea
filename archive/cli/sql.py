"""archive sql: any read-only SQL, in the same formats as the queries."""

from __future__ import annotations

import sys

import click

from archive.cli.options import SECONDS, TEXT, format_option, limit_option


@click.command("sql", short_help="Run one read-only SQL statement.")
@click.argument("query", type=TEXT)
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", type=TEXT,
              help="Bind :NAME to VALUE (repeatable). Values are always bound, never pasted into the SQL.")
@format_option(snippets="a column named snippet")
@limit_option
@click.option("--timeout", type=SECONDS, metavar="SECONDS",
              help="Stop the statement after this many seconds (exit 1). Ctrl-C stops it at any time (exit 130).")
@click.pass_context
def command(ctx, query: str, params: tuple[str, ...], fmt: str, limit: int | None,
            timeout: float | None) -> None:
    """Run one read-only SQL statement (QUERY, or - to read it from stdin). Writes of
    any kind are refused.

    A BLOB is printed as hexadecimal text in every format (x'ff' as FF), as SQLite's
    hex() writes it. Columns of the same name are kept apart: `SELECT 1 AS a, 2 AS a`
    gives columns a and a_2.

    \b
      archive sql "SELECT name, mentions FROM entity_count ORDER BY mentions DESC"
      archive sql "SELECT * FROM mention_detail WHERE name = :n" -p n="Ryan Gosling"
      archive sql - < question.sql
    """
    from archive.cli.options import print_result, reader
    from archive.queries import QueryError
    from archive.sqlread import open_guarded, run

    if query == "-":
        query = _stdin_text()

    bound = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--param")
        bound[name] = value
    if not query.strip():
        raise QueryError("no SQL given: archive sql \"SELECT ...\"")
    print_result(run(reader(ctx, opener=open_guarded, timeout=timeout), query, bound, limit), fmt)


def _stdin_text() -> str:
    # sys.stdin.buffer, not click.get_binary_stream (deprecated, to go in Click 9).
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # no standard input at all (closed), or one that has no bytes beneath it
        raise click.ClickException("no standard input to read the SQL from; give it as QUERY")
    data = stream.read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise click.ClickException(f"the SQL on stdin is not UTF-8 (byte {exc.start + 1})") from None
