"""archive db: the schema's revision, and the full-text indexes, by hand."""

from __future__ import annotations

import click

from archive.cli.options import format_option
from archive.db import HEAD, REVISIONS


@click.group("db", short_help="The schema's revision by hand; rebuild the search indexes.")
def command() -> None:
    """Show or change the database schema's revision; make the search indexes again.

    Commands that write (ingest) create and upgrade the database by themselves; read
    commands upgrade an older archive they can write. These move it by hand:

    \b
      archive db current          its revision, and the newest this archive knows
      archive db upgrade          to the newest (or: archive db upgrade 0004)
      archive db downgrade 0004   back to an older revision (keeps the rows)
      archive db reindex          both search indexes made again from the sentences
    """


def _state(revision: str | None, is_archive: bool) -> str:
    if not is_archive:
        return "not an archive"
    if revision == HEAD:
        return "current"
    if revision is None or revision in REVISIONS:
        return "behind"
    return "newer than this archive"


def _read_revision(path: str, *, must_exist: bool) -> tuple[str | None, bool]:
    """(revision, whether the file is an archive at all), read without writing."""
    import os

    from archive.db import connect, current_revision, has_version_table

    if not must_exist and not os.path.exists(path):
        return None, False
    conn = connect(path, readonly=True)
    try:
        return current_revision(conn), has_version_table(conn)
    finally:
        conn.close()


def _position(revision: str | None) -> int:
    """Where a revision stands: base is -1, unknown (newer) ones after HEAD."""
    if revision is None or revision == "base":
        return -1
    return REVISIONS.index(revision) if revision in REVISIONS else len(REVISIONS)


@command.command("current", short_help="The schema's revision, and the newest this archive knows.")
@format_option
@click.pass_context
def current(ctx, fmt: str) -> None:
    """Print the database's schema revision and the newest this archive knows."""
    from archive.cli.options import print_result
    from archive.queries import Result

    path = ctx.find_root().obj
    revision, is_archive = _read_revision(path, must_exist=True)
    print_result(Result(["database", "revision", "head", "state"],
                        [(path, revision, HEAD, _state(revision, is_archive))]), fmt)


@command.command("upgrade")
@click.argument("revision", type=click.Choice(REVISIONS + ("head",)), default="head", metavar="[REVISION]")
@click.pass_context
def upgrade(ctx, revision: str) -> None:
    """Upgrade the schema to REVISION (default: head, the newest). Makes the database
    if it is missing."""
    from archive.db import DatabaseError, upgrade as run_upgrade

    path = ctx.find_root().obj
    found, _ = _read_revision(path, must_exist=False)
    target = HEAD if revision == "head" else revision
    if found is not None and found not in REVISIONS:
        raise DatabaseError(f"{path} has schema revision {found}, newer than this archive knows ({HEAD}); "
                            f"upgrade archive")
    if _position(found) > _position(target):
        raise DatabaseError(f"{path} is at {found}, newer than {target}; "
                            f"archive db downgrade {target} takes it back")
    run_upgrade(path, target)
    _report(path, found)


@command.command("downgrade")
@click.argument("revision", type=click.Choice(("base",) + REVISIONS[:-1]), metavar="REVISION")
@click.pass_context
def downgrade(ctx, revision: str) -> None:
    """Take the schema back to REVISION, for an older archive program. Each step back
    keeps the rows of the tables it keeps; base leaves only alembic_version."""
    from archive.db import DatabaseError, downgrade as run_downgrade

    path = ctx.find_root().obj
    found, is_archive = _read_revision(path, must_exist=True)
    if not is_archive:
        raise DatabaseError(f"{path} is not an archive (no alembic_version table); nothing to downgrade")
    if found is not None and found not in REVISIONS:
        raise DatabaseError(f"{path} has schema revision {found}, newer than this archive knows ({HEAD}); "
                            f"an archive that knows it can downgrade it")
    if _position(found) < _position(revision):
        raise DatabaseError(f"{path} is at {found or 'base'}, older than {revision}; "
                            f"archive db upgrade {revision} takes it forward")
    run_downgrade(path, revision)
    _report(path, found)


@command.command("reindex", short_help="Make both full-text indexes again from the sentences.")
@click.pass_context
def reindex(ctx) -> None:
    """Make both full-text indexes again from the sentences: sentence_fts (the words as
    written) and sentence_stem (the German index), the mend `archive check` names when
    either is out of step or damaged. One transaction; the sentences are not changed."""
    from archive.cli.options import writing
    from archive.store import reindex as run_reindex

    path = ctx.find_root().obj
    _read_revision(path, must_exist=True)  # a missing file is no archive to mend, not one to make
    with writing(ctx) as conn:
        rows = run_reindex(conn)
    click.echo(f"{path}: full-text indexes rebuilt; {rows} row{'s' * (rows != 1)} of sentence_stem written again",
               err=True)


def _report(path: str, found: str | None) -> None:
    """One line on stderr: where the schema was and is. No rows: `archive db current` prints those."""
    now, _ = _read_revision(path, must_exist=True)
    if now == found:
        click.echo(f"{path}: schema already at {now or 'base'}", err=True)
    else:
        click.echo(f"{path}: schema now at {now or 'base'} (was {found or 'none'})", err=True)
