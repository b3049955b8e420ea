"""archive reanalyse: today's analysis over stored reviews, the keeper's decisions applied."""

from __future__ import annotations

import click

from archive.cli.options import ID, format_option, print_result


@click.command("reanalyse", short_help="Analyse stored reviews again with today's code.")
@click.argument("review_ids", nargs=-1, type=ID, metavar="[REVIEW...]")
@format_option
@click.pass_context
def command(ctx, review_ids, fmt) -> None:
    """Analyse stored reviews again (all when none is given) with today's code, and
    apply every decision (`archive curation list`). Each review keeps its id, text and
    metadata, and records the analysis version (`archive stats` counts the older ones).

    Prints every mention that changed: added, removed, or moved to another entity;
    a line per review and a summary go to stderr.
    """
    from archive.db import open_current
    from archive.keeping import reanalyse
    from archive.queries import Result
    from archive.terminal import visible

    def on_review(review_id, changes) -> None:
        if changes:
            counts = {kind: sum(c.change == kind for c in changes) for kind in ("added", "removed", "moved")}
            click.echo(f"review {review_id}: " + ", ".join(f"{n} {k}" for k, n in counts.items()), err=True)

    conn = open_current(ctx.find_root().obj)
    try:
        done = reanalyse(conn, list(review_ids) or None, on_review=on_review)
    finally:
        conn.close()
    columns = ["review_id", "change", "start_char", "end_char", "surface", "before", "after"]
    if done.changes:
        print_result(Result(columns, [(c.review_id, c.change, c.start_char, c.end_char, c.surface, c.before, c.after)
                                      for c in done.changes]), fmt)
    elif fmt != "table":
        print_result(Result(columns, []), fmt)
    for type_, entity_id, name in done.removed_entities:
        click.echo(visible(f"removed {type_} #{entity_id} {name} (no mention left)"), err=True)
    counts = {kind: sum(c.change == kind for c in done.changes) for kind in ("added", "removed", "moved")}
    click.echo(f"{done.reviews} reviews analysed again: " + ", ".join(f"{n} mentions {k}" for k, n in counts.items()),
               err=True)
