"""archive mention drop: this is not a mention, and stays none when its review is
analysed again."""

from __future__ import annotations

import click

from archive.cli.options import ID, curation_errors, writing
from archive.terminal import visible


@click.group("mention")
def command() -> None:
    """Correct single mentions (ids: `archive query mentions`)."""


@command.command("drop")
@click.argument("mention_ids", nargs=-1, required=True, type=ID, metavar="ID...")
@click.pass_context
@curation_errors
def drop(ctx, mention_ids):
    """Drop mentions that are no mentions at all.

    For a word taken for a name, such as `Endlich` or `Abspann` at a sentence's start.
    The decision is kept: analysing the review again does not bring them back."""
    from archive import curation

    with writing(ctx) as conn:
        dropped = [curation.drop_mention(conn, m) for m in mention_ids]
    for mention_id, (review_id, start, end, surface, *_ ) in zip(mention_ids, dropped):
        click.echo(visible(f"dropped mention {mention_id}: {surface!r} at {start}-{end} of review {review_id}"), err=True)
