"""archive show: one review with every mention marked."""

from __future__ import annotations

import json
import sys

import click

from archive.cli.options import ID, count, layout_options
from archive.output import FORMATS

COLOURS = {"person": "cyan", "character": "magenta", "film": "yellow"}


@click.command("show", short_help="A review with its mentions marked.")
@click.argument("review_id", type=ID)
@click.option("--format", "fmt", type=click.Choice(FORMATS + ("text",)), default="table", show_default=True,
              help="table (or text): the review marked up; json: review, sentences and mentions; "
                   "csv, ndjson: its mentions, one per row.")
@click.option("--limit", type=count(), metavar="N", help="Only the first N sentences.")
@click.option("--color/--no-color", default=None,
              help="Colour the mentions (default: when stdout is a terminal and NO_COLOR is not set).")
@click.option("--why", is_flag=True,
              help="Mark each mention with the extraction rule that found it ([text|type|rule]), "
                   "so a wrong mention leads to the rule to fix (docs/extraction.md).")
@layout_options
@click.pass_context
def command(ctx, review_id: int, fmt: str, limit: int | None, color: bool | None, why: bool) -> None:
    """Print review REVIEW_ID with its mentions marked, then its entities.

    In a terminal mentions are coloured by type; piped or with --no-color they are
    written [text|type] (with --why [text|type|rule]). JSON, CSV and ndjson always
    carry each mention's rule.
    """
    from archive import queries
    from archive.cli.options import colour, layout, reader
    from archive.output import emit
    from archive.terminal import visible

    review, sentences, mentions = queries.review_detail(reader(ctx), review_id)
    end = None
    if limit is not None:
        kept = sentences.rows[:limit]
        sentences.rows = kept
        end = kept[-1][3] if kept else 0  # end_char of the last sentence shown
        end_at = mentions.columns.index("end_char")
        mentions.rows = [r for r in mentions.rows if r[end_at] <= end]
    if fmt in ("csv", "ndjson"):
        emit(mentions.columns, mentions.rows, fmt, sys.stdout, **layout())
        return
    if fmt == "json":
        review["sentences"] = [dict(zip(sentences.columns, r)) for r in sentences.rows]
        review["mentions"] = [dict(zip(mentions.columns, r)) for r in mentions.rows]
        click.echo(json.dumps(review, ensure_ascii=False, indent=2))
        return
    color = colour(color)
    ms = [dict(zip(mentions.columns, r)) for r in mentions.rows]
    body, pos, parts = review["body"], 0, []
    if end is not None:
        body = body[:end]
    # The text is escaped piece by piece (control characters shown, never obeyed), then
    # the marks are added: the only colour codes printed are the archive's own.
    for m in ms:
        parts.append(visible(body[pos : m["start_char"]]))
        text, rule = visible(m["text"]), visible(m.get("rule") or "unrecorded")  # NULL: stored before 0007
        if color:
            parts.append(click.style(text, fg=COLOURS[m["type"]], bold=True)
                         + (click.style(f"⟨{rule}⟩", dim=True) if why else ""))
        else:
            parts.append(f"[{text}|{m['type']}|{rule}]" if why else f"[{text}|{m['type']}]")
        pos = m["end_char"]
    parts.append(visible(body[pos:]))
    film = f", about {visible(review['film'])}" if review["film"] else ""
    byline = " · ".join(str(review[k]) for k in ("title", "author", "outlet", "published") if review[k])
    click.echo(f"review {review['id']}: {visible(review['source'])}{film}" + ("\n" + visible(byline) if byline else "")
               + "\n")
    click.echo("".join(parts).rstrip("\n"), color=color)
    entities: dict[tuple[str, str], int] = {}
    for m in ms:
        entities[(m["type"], m["name"])] = entities.get((m["type"], m["name"]), 0) + 1
    click.echo("")
    for (type_, name), count in sorted(entities.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1])):
        click.echo(f"{type_:<10} {visible(name)}  ({count})")
