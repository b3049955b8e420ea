"""archive show: one review with every mention marked."""

from __future__ import annotations

import json
import sys

import click

from archive.cli.options import ID, count
from archive.output import FORMATS

COLOURS = {"person": "cyan", "character": "magenta", "film": "yellow"}


@click.command("show")
@click.argument("review_id", type=ID)
@click.option("--format", "fmt", type=click.Choice(FORMATS + ("text",)), default="table", show_default=True,
              help="table (or text): the review marked up; json: review, sentences and mentions; "
                   "csv, ndjson: its mentions, one per row.")
@click.option("--limit", type=count(), metavar="N", help="Only the first N sentences.")
@click.option("--color/--no-color", default=None, help="Colour the mentions (default: when stdout is a terminal).")
@click.pass_context
def command(ctx, review_id: int, fmt: str, limit: int | None, color: bool | None) -> None:
    """Print review REVIEW_ID with its mentions marked, then its entities.

    In a terminal mentions are coloured by type; piped or with --no-color they are
    written [text|type].
    """
    from archive import queries
    from archive.cli.options import reader
    from archive.output import emit

    review, sentences, mentions = queries.review_detail(reader(ctx), review_id)
    end = None
    if limit is not None:
        kept = sentences.rows[:limit]
        sentences.rows = kept
        end = kept[-1][3] if kept else 0  # end_char of the last sentence shown
        mentions.rows = [r for r in mentions.rows if r[3] <= end]
    if fmt in ("csv", "ndjson"):
        emit(mentions.columns, mentions.rows, fmt, sys.stdout)
        return
    if fmt == "json":
        review["sentences"] = [dict(zip(sentences.columns, r)) for r in sentences.rows]
        review["mentions"] = [dict(zip(mentions.columns, r)) for r in mentions.rows]
        click.echo(json.dumps(review, ensure_ascii=False, indent=2))
        return
    color = sys.stdout.isatty() if color is None else color
    ms = [dict(zip(mentions.columns, r)) for r in mentions.rows]
    body, pos, parts = review["body"], 0, []
    if end is not None:
        body = body[:end]
    for m in ms:
        parts.append(body[pos : m["start_char"]])
        parts.append(click.style(m["text"], fg=COLOURS[m["type"]], bold=True) if color
                     else f"[{m['text']}|{m['type']}]")
        pos = m["end_char"]
    parts.append(body[pos:])
    film = f", about {review['film']}" if review["film"] else ""
    click.echo(f"review {review['id']}: {review['source']}{film}\n")
    click.echo("".join(parts).rstrip("\n"), color=color)
    entities: dict[tuple[str, str], int] = {}
    for m in ms:
        entities[(m["type"], m["name"])] = entities.get((m["type"], m["name"]), 0) + 1
    click.echo("")
    for (type_, name), count in sorted(entities.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1])):
        click.echo(f"{type_:<10} {name}  ({count})")
