"""archive rm: remove reviews, and what only they named."""

from __future__ import annotations

import sys

import click

from archive.cli.options import ID


@click.command("rm", short_help="Remove reviews, and what only they named.")
@click.argument("review_ids", nargs=-1, type=ID, metavar="[REVIEW...]")
@click.option("--source", "sources", multiple=True, metavar="PATH",
              help="The review of this file, or every review under this folder (repeatable).")
@click.option("-y", "--yes", is_flag=True, help="Do not ask (nothing is asked when stdin is not a terminal).")
@click.pass_context
def command(ctx, review_ids, sources, yes) -> None:
    """Remove reviews with their sentences, mentions and full-text rows; persons,
    characters and films no other review names (and no decision keeps) go too.

    Prints what it removed. On a terminal it asks first, unless --yes.
    """
    from archive.db import open_current
    from archive.keeping import remove, reviews_by_source
    from archive.terminal import visible

    if not review_ids and not sources:
        raise click.UsageError("give review ids or --source PATH")
    conn = open_current(ctx.find_root().obj)
    try:
        ids = list(dict.fromkeys(list(review_ids) + reviews_by_source(conn, list(sources))))
        if not yes and sys.stdin.isatty():
            listed = conn.execute(f"SELECT id, source FROM review WHERE id IN ({','.join('?' * len(ids))})", ids).fetchall()
            for review_id, source in listed:
                click.echo(visible(f"review {review_id}: {source}"), err=True)
            click.confirm(f"remove {len(ids)} review(s)?", abort=True, err=True)
        conn.execute("BEGIN IMMEDIATE")
        try:
            removed = remove(conn, ids)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.close()
    for review_id, source in removed.reviews:
        click.echo(visible(f"removed review {review_id} {source}"))
    for type_, entity_id, name in removed.entities:
        click.echo(visible(f"removed {type_} #{entity_id} {name}"))
    click.echo(f"{len(removed.reviews)} reviews, {removed.sentences} sentences, {removed.mentions} mentions,"
               f" {len(removed.entities)} entities removed", err=True)
