"""archive db: the schema's revision, by hand."""

from __future__ import annotations

import click

from archive.cli.options import format_option


@click.group("db")
def command() -> None:
    """Show or change the database schema's revision (commands upgrade by themselves)."""


def _state(revision: str | None) -> str:
    from archive.db import HEAD, REVISIONS

    if revision == HEAD:
        return "current"
    if revision is None or revision in REVISIONS:
        return "behind"
    return "newer than this archive"


@command.command("current")
@format_option
@click.pass_context
def current(ctx, fmt: str) -> None:
    """Print the database's schema revision and the newest this archive knows."""
    from archive.cli.options import print_result
    from archive.db import HEAD, connect, current_revision
    from archive.queries import Result

    path = ctx.find_root().obj
    conn = connect(path, readonly=True)
    try:
        revision = current_revision(conn)
    finally:
        conn.close()
    print_result(Result(["database", "revision", "head", "state"], [(path, revision, HEAD, _state(revision))]), fmt)


@command.command("upgrade")
@click.argument("revision", default="head")
@format_option
@click.pass_context
def upgrade(ctx, revision: str, fmt: str) -> None:
    """Upgrade the schema to REVISION (default: the newest)."""
    from archive.cli.options import print_result
    from archive.db import DatabaseError, REVISIONS, current_revision, connect, upgrade as run_upgrade
    from archive.queries import Result

    path = ctx.find_root().obj
    conn = connect(path)
    try:
        found = current_revision(conn)
    finally:
        conn.close()
    if found is not None and found not in REVISIONS:
        raise DatabaseError(f"{path} has schema revision {found}, newer than this archive knows; upgrade archive")
    run_upgrade(path, revision)
    conn = connect(path, readonly=True)
    try:
        now = current_revision(conn)
    finally:
        conn.close()
    click.echo(f"{path}: schema at {now}", err=True)
    print_result(Result(["database", "from", "to"], [(path, found, now)]), fmt)
