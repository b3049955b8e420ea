"""archive stats: how much the archive holds, and what it mentions most."""

from __future__ import annotations

import click

from archive.cli.options import count, format_option, print_result, reader


@click.command("stats", short_help="Counts, the most mentioned, reviews by outlet and year.")
@click.option("--top", "--limit", "top", type=count(), default=10, show_default=True, metavar="N",
              help="How many entities to rank.")
@format_option
@click.pass_context
def command(ctx, top: int, fmt: str) -> None:
    """Counts of reviews, sentences, persons, characters, films and mentions, the most
    mentioned entities, and reviews by outlet and by year published. `older analysis`
    counts reviews made with another analysis than today's (`archive reanalyse`).

    json is one object {"counts": {...}, "top": [...], "by_outlet": [...], "by_year":
    [...]}, ndjson the same on one line; csv is one table: section (count, top, outlet
    or year), type, name, count, reviews.
    """
    from archive import counts as queries

    from archive.version import analysis_version

    conn = reader(ctx)
    totals, ranked = queries.stats(conn, top, analysis_version())
    by_outlet, by_year = queries.stats_by_outlet_and_year(conn)
    if fmt == "table":
        for section in (totals, ranked, by_outlet, by_year):
            if section is not totals:
                click.echo()
            print_result(section, fmt)
        return
    import json
    import sys

    data = {"counts": dict(totals.rows), "top": [dict(zip(ranked.columns, r)) for r in ranked.rows],
            "by_outlet": [dict(zip(by_outlet.columns, r)) for r in by_outlet.rows],
            "by_year": [dict(zip(by_year.columns, r)) for r in by_year.rows]}
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif fmt == "ndjson":
        click.echo(json.dumps(data, ensure_ascii=False))
    else:
        from archive.cli.options import layout
        from archive.output import emit

        rows = [("count", what, "", n, "") for what, n in totals.rows]
        rows += [("top", type_, name, mentions, reviews) for type_, name, mentions, reviews in ranked.rows]
        rows += [("outlet", "", outlet, n, n) for outlet, n, _, _ in by_outlet.rows]
        rows += [("year", "", year, n, n) for year, n, _ in by_year.rows]
        emit(["section", "type", "name", "count", "reviews"], rows, "csv", sys.stdout, **layout())
