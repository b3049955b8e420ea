"""archive check: verify a database and report what is wrong."""

from __future__ import annotations

import click


@click.command("check", short_help="Verify the database; one line per problem found.")
@click.pass_context
def command(ctx) -> None:
    """Verify the database: SQLite integrity, foreign keys, FTS5's own check of the
    full-text index, mention offsets, counts.

    Only reads the archive (the full-text check runs on a temporary copy of the index).
    Exit status 1 with a report, one line per problem, when anything is wrong.
    """
    from archive.cli.options import reader
    from archive.verify import verify

    problems, counts = verify(reader(ctx))
    click.echo(", ".join(f"{n} {what}" for what, n in counts.items()), err=True)
    for problem in problems:
        click.echo(problem)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) found")
    click.echo("ok", err=True)
