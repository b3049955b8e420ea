"""archive export: the whole archive as JSON Lines (or mentions/entities as CSV)."""

from __future__ import annotations

import os
import sys

import click

CSV_TABLES = {
    "mentions": "SELECT * FROM mention_detail ORDER BY review_id, start_char, mention_id",
    "entities": "SELECT * FROM entity_count ORDER BY type, name, entity_id",
}


@click.command("export", short_help="Write the archive out: JSON Lines to import again, or CSV.")
@click.argument("path", required=False, default="-", metavar="[PATH|-]")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True,
              help="jsonl: everything, to import again; csv: one table for spreadsheets (--table).")
@click.option("--table", type=click.Choice(sorted(CSV_TABLES)), default="mentions", show_default=True,
              help="CSV of every mention (mention_detail) or every entity with its counts; --table alone"
                   " implies --format csv.")
@click.pass_context
def command(ctx, path: str, fmt: str, table: str) -> None:
    """Write the archive to PATH (default - : standard output).

    \b
    jsonl: a header line, then one JSON object a line: each review with its text,
    source, ingestion time and metadata, then the curation decisions; keys sorted,
    so the same archive gives the same bytes. Nothing that can be derived again:
    `archive import` analyses the texts anew. A PATH is written whole or not at all.
    """
    from archive.cli.options import reader

    given = ctx.get_parameter_source
    if given("table") == click.core.ParameterSource.COMMANDLINE:
        if fmt == "jsonl" and given("fmt") == click.core.ParameterSource.COMMANDLINE:
            raise click.UsageError("--table is for --format csv; a jsonl export holds every table")
        fmt = "csv"
    conn = reader(ctx)
    out, partial = (sys.stdout, None) if path == "-" else _open_partial(path)
    try:
        if fmt == "csv":
            from archive.output import emit

            cursor = conn.execute(CSV_TABLES[table])
            emit([d[0] for d in cursor.description], cursor, "csv", out)
            summary = f"exported {table} as CSV"
        else:
            from archive.dump import export_lines

            counts = {"review": 0, "curation": 0}
            for kind, line in export_lines(conn):
                out.write(line + "\n")
                if kind in counts:
                    counts[kind] += 1
            summary = f"exported {counts['review']} reviews, {counts['curation']} curation decisions"
        if partial:
            out.close()
            os.replace(partial, path)
    except BaseException:
        if partial:
            out.close()
            os.unlink(partial)
        raise
    from archive.terminal import visible

    click.echo(summary + ("" if path == "-" else f" to {visible(path)}"), err=True)


def _open_partial(path: str):
    """The file the export is written to, beside PATH, renamed to PATH when whole; an
    error names PATH and why, never the temporary name."""
    from archive.terminal import visible

    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise click.ClickException(f"cannot write {visible(path)}: the folder {visible(folder)} does not exist")
    if os.path.isdir(path):
        raise click.ClickException(f"cannot write {visible(path)}: it is a folder; give a file name")
    partial = f"{path}.partial"
    try:
        return open(partial, "w", encoding="utf-8", newline="\n"), partial
    except OSError as exc:
        raise click.ClickException(f"cannot write {visible(path)}: {exc.strerror or exc}") from None
