"""archive stats: how much the archive holds, and what it mentions most."""

from __future__ import annotations

import click

from archive.cli.options import count, format_option, print_result, reader


@click.command("stats")
@click.option("--top", "--limit", "top", type=count(), default=10, show_default=True, metavar="N",
              help="How many entities to rank.")
@format_option
@click.pass_context
def command(ctx, top: int, fmt: str) -> None:
    """Counts of reviews, sentences, persons, characters, films and mentions, and the
    most mentioned entities.

    json is one object {"counts": {...}, "top": [...]}, ndjson the same on one line;
    csv is one table: section (count or top), type, name, count, reviews.
    """
    from archive import queries

    totals, ranked = queries.stats(reader(ctx), top)
    if fmt == "table":
        print_result(totals, fmt)
        click.echo()
        print_result(ranked, fmt)
        return
    import json
    import sys

    data = {"counts": dict(totals.rows), "top": [dict(zip(ranked.columns, r)) for r in ranked.rows]}
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif fmt == "ndjson":
        click.echo(json.dumps(data, ensure_ascii=False))
    else:
        from archive.output import emit

        rows = [("count", what, "", n, "") for what, n in totals.rows]
        rows += [("top", type_, name, mentions, reviews) for type_, name, mentions, reviews in ranked.rows]
        emit(["section", "type", "name", "count", "reviews"], rows, "csv", sys.stdout)
