"""archive entity: fix what the analysis made of a person, character or film. Every fix
is kept as a decision (`archive curation list`) and applied to every review analysed
later, so it holds for new reviews and after `archive reanalyse`."""

from __future__ import annotations

import click

from archive.cli.options import curation_errors, format_option, print_result, reader, writing
from archive.terminal import visible


@click.group("entity")
def command() -> None:
    """Merge, rename, retype or alias an entity, or show it.

    ID is a person's or character's id (`archive query persons`), or film:ID for a
    film (`archive query films`): persons and films are numbered apart. In a merge, a
    bare ID is of the type --into names (`merge 4 9 --into film:2` merges films).
    """


@command.command("merge", short_help="Merge entities into one.")
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@click.option("--into", "into", required=True, metavar="ID", help="The entity that remains.")
@click.pass_context
@curation_errors
def merge(ctx, ids, into):
    """Merge entities into one: `archive entity merge 7 --into 3` (Refn into Nicolas
    Winding Refn). Their mentions and roles move; their names mean ID from now on."""
    from archive import curation

    with writing(ctx) as conn:
        merged = curation.merge(conn, list(ids), into)
        target = curation.entity(conn, into)
    for e in merged:
        click.echo(visible(f"merged {e.type} #{e.id} {e.name} into #{target.id} {target.name}"), err=True)


@command.command("rename")
@click.argument("entity_id", metavar="ID")
@click.argument("name")
@click.pass_context
@curation_errors
def rename(ctx, entity_id, name):
    """Give an entity another name; the old one still leads to it.

    ID is a person's or character's id, or film:ID for a film."""
    from archive import curation

    with writing(ctx) as conn:
        before = curation.rename(conn, entity_id, name)
    click.echo(visible(f"renamed {before.type} #{before.id} {before.name} to {' '.join(name.split())}"), err=True)


@command.command("retype", short_help="Make an entity a person, a character or a film.")
@click.argument("entity_id", metavar="ID")
@click.argument("new_type", type=click.Choice(["person", "character", "film"]), metavar="person|character|film")
@click.pass_context
@curation_errors
def retype(ctx, entity_id, new_type):
    """Make an entity a person, a character or a film; its mentions go with it.

    ID is a person's or character's id, or film:ID for a film."""
    from archive import curation

    with writing(ctx) as conn:
        before = curation.entity(conn, entity_id)
        after = curation.retype(conn, entity_id, new_type)
    click.echo(visible(f"{before.type} #{before.id} {before.name} is now {after.type} #{after.id}"), err=True)


@command.command("alias", short_help="A spelling that always means this entity.")
@click.argument("entity_id", metavar="ID")
@click.argument("name")
@click.pass_context
@curation_errors
def alias(ctx, entity_id, name):
    """A spelling that always means this entity: found as a name in every review
    analysed from now on (`archive reanalyse` for those already in).

    ID is a person's or character's id, or film:ID for a film."""
    from archive import curation

    with writing(ctx) as conn:
        e, new = curation.alias(conn, entity_id, name)
    said = "now means" if new else "already means"
    click.echo(visible(f"{' '.join(name.split())} {said} {e.type} #{e.id} {e.name}"), err=True)
    warning = curation.article_warning(e, name)
    if warning:
        click.echo(visible(warning), err=True)


@command.command("show", short_help="An entity with its aliases, mentions, films and roles.")
@click.argument("entity_id", metavar="ID")
@format_option
@click.pass_context
@curation_errors
def show(ctx, entity_id, fmt):
    """An entity with its aliases, its mentions per review, its films and roles.

    ID is a person's or character's id, or film:ID for a film."""
    import json
    import sys

    from archive import curation

    conn = reader(ctx)
    e = curation.entity(conn, entity_id)
    about, sections = curation.describe(conn, e)
    if fmt == "table":
        click.echo(visible(" ".join(f"{k}: {v}" for k, v in about.items() if v is not None)))
        for title, result in sections.items():
            click.echo(f"\n{title}")
            print_result(result, fmt)
        return
    data = {**about, **{k: [dict(zip(r.columns, row)) for row in r.rows] for k, r in sections.items()}}
    if fmt in ("json", "ndjson"):
        click.echo(json.dumps(data, ensure_ascii=False, indent=2 if fmt == "json" else None))
    else:
        from archive.output import emit

        rows = [(k, json.dumps(dict(zip(r.columns, row)), ensure_ascii=False)) for k, r in sections.items() for row in r.rows]
        emit(["section", "row"], rows, "csv", sys.stdout)
