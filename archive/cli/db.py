"""archive db: the schema's revision, by hand."""

from __future__ import annotations

import click


@click.group("db")
def command() -> None:
    """Show or change the database schema's revision (commands upgrade by themselves)."""


@command.command("current")
@click.pass_context
def current(ctx) -> None:
    """Print the database's schema revision and the newest this archive knows."""
    from archive.db import HEAD, connect, current_revision

    path = ctx.find_root().obj
    conn = connect(path, readonly=True)
    revision = current_revision(conn)
    state = "current" if revision == HEAD else "behind" if revision is None or revision < HEAD else "newer than this archive"
    click.echo(f"{revision or 'empty'} (head {HEAD}, {state})")


@command.command("upgrade")
@click.argument("revision", default="head")
@click.pass_context
def upgrade(ctx, revision: str) -> None:
    """Upgrade the schema to REVISION (default: the newest)."""
    from archive.db import DatabaseError, REVISIONS, current_revision, connect, upgrade as run_upgrade

    path = ctx.find_root().obj
    conn = connect(path)
    found = current_revision(conn)
    conn.close()
    if found is not None and found not in REVISIONS:
        raise DatabaseError(f"{path} has schema revision {found}, newer than this archive knows; upgrade archive")
    run_upgrade(path, revision)
    click.echo(f"{path}: schema at {revision}", err=True)
